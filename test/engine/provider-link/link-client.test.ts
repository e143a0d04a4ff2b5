// The engine's link client on its own against a call manager node: wrong credentials end it at once; a silent
// partition is found by its pings, requests are refused meanwhile, and once the path is back it opens again and
// holds its route point again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICE_ACCOUNTS } from '../../../src/shared/demo-contact-center.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { ProviderLinkClient } from '../../../src/engine/provider-link/link-client.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../../support/test-node.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { connectRawLink, type Frame } from '../../support/provider-link.ts';

let node: TestNode;
let proxy: TcpProxy;
before(async () => {
  node = await startTestNode({ POISE_ONLY: 'callmanager' });
  proxy = await startTcpProxy({ host: '127.0.0.1', port: node.callmanager.providerLinkPort });
});
after(async () => {
  await proxy.close();
  await node.close();
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
};

test('wrong credentials: the first open is refused and the client stops', async () => {
  const client = new ProviderLinkClient({ url: `ws://127.0.0.1:${node.callmanager.providerLinkPort}`, log: silentLogger });
  const opened = await client.openProvider({ appUser: SERVICE_ACCOUNTS.provider, password: 'not-the-password' });
  assert.equal(opened.ok, false);
  assert.equal(!opened.ok && opened.error, 'PrivilegeViolation');
  assert.equal(client.state, 'SHUTDOWN');
});

test('a silent partition: pings find it, requests are refused, and after it the route point is held again', async () => {
  const client = new ProviderLinkClient({
    url: `ws://127.0.0.1:${proxy.port}`, log: silentLogger, pingMs: 200, requestTimeoutMs: 3000,
    retry: { firstMs: 100, maxMs: 400 },
  });
  const opened = await client.openProvider({ appUser: SERVICE_ACCOUNTS.provider, password: TEST_PASSWORD });
  assert.ok(opened.ok);
  assert.deepEqual(await client.registerRoutePoint({ device: 'RP_Support' }), { ok: true });

  proxy.freeze();
  const refused = await client.getCall({ callId: 'c-unknown' });
  assert.equal(!refused.ok && refused.error, 'InvalidState');
  await until(() => !client.connected);
  assert.equal((await client.drop({ callId: 'c-unknown' })).ok, false);

  proxy.thaw();
  await until(() => client.connected);
  // the call manager knows the route point as this client's again
  const probe = await connectRawLink(`ws://127.0.0.1:${node.callmanager.providerLinkPort}`);
  probe.send({ type: 'open', appUser: SERVICE_ACCOUNTS.provider, password: TEST_PASSWORD });
  await probe.next((f) => f['type'] === 'opened');
  const taken = await probe.request(1, 'registerRoutePoint', { device: 'RP_Support' });
  assert.equal((taken['reply'] as Frame)['error'], 'ResourceUnavailable');
  probe.close();
  client.shutdown();
});
