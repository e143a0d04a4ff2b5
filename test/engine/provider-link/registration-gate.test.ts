// Two engines share the call manager over the link: the standby's route points wait, and it takes them once it
// is master and the old holder's link has closed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICE_ACCOUNTS } from '../../../src/shared/demo-contact-center.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { ProviderLinkClient } from '../../../src/engine/provider-link/link-client.ts';
import { RegistrationGate } from '../../../src/engine/provider-link/registration-gate.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../../support/test-node.ts';
import { connectRawLink, type Frame, type RawLink } from '../../support/provider-link.ts';

let node: TestNode;
let url: string;
before(async () => {
  node = await startTestNode({ POISE_ONLY: 'callmanager' });
  url = `ws://127.0.0.1:${node.callmanager.providerLinkPort}`;
});
after(async () => { await node.close(); });

const credentials = { appUser: SERVICE_ACCOUNTS.provider, password: TEST_PASSWORD };
const rawOpened = async (): Promise<RawLink> => {
  const link = await connectRawLink(url);
  link.send({ type: 'open', ...credentials });
  await link.next((f) => f['type'] === 'opened');
  return link;
};
const errorOf = async (link: RawLink, id: number) => ((await link.request(id, 'registerRoutePoint', { device: 'RP_Sales' }))['reply'] as Frame)['error'];

test('a standby engine registers nothing; as master it takes the route point once the other holder lets go', async () => {
  const client = new ProviderLinkClient({ url, log: silentLogger });
  const gate = new RegistrationGate(client, false, silentLogger);
  const opened = await gate.openProvider(credentials);
  assert.ok(opened.ok);
  const session = opened.value;
  assert.deepEqual(await session.registerRoutePoint({ device: 'RP_Sales' }), { ok: true });

  const holder = await rawOpened();
  assert.equal(await errorOf(holder, 1), undefined, 'the standby left the route point free');
  gate.setActive(true);
  holder.close();
  await holder.closed;
  // a probe that finds the route point free lets go at once; the master's next try takes it
  for (let taken = false; !taken;) {
    const probe = await rawOpened();
    taken = await errorOf(probe, 1) === 'ResourceUnavailable';
    probe.close();
    await probe.closed;
    if (!taken) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  session.shutdown();
});
