// The AXL client against a live AXL server, signed in as the read-only account as the node's services are.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxlClient, AxlError } from '../../src/shared/axl-client.ts';
import { ACCOUNTS, startAxl, type AxlFixture } from '../support/axl.ts';
import { storeBackends } from '../support/stores.ts';

let axl: AxlFixture;
before(async () => { axl = await startAxl(storeBackends[0]!); });
after(() => axl.close());

test('doAuthenticateUser: right and wrong passwords; successes are cached for their TTL', async () => {
  let now = 1_000;
  const client = new AxlClient({ url: axl.url, userid: 'reader', password: ACCOUNTS.reader.password, successTtlMs: 60_000, now: () => now });
  assert.equal(await client.authenticateUser('agent', ACCOUNTS.agent.password), true);
  assert.equal(await client.authenticateUser('agent', 'wrong'), false);
  assert.equal(await client.authenticateUser('nobody', 'x & <y>'), false);
  await axl.directory.updateEndUser({ userid: 'agent' }, { password: 'changed-pw' });
  assert.equal(await client.authenticateUser('agent', ACCOUNTS.agent.password), true, 'cached success');
  now += 60_001;
  assert.equal(await client.authenticateUser('agent', ACCOUNTS.agent.password), false, 'expired');
  assert.equal(await client.authenticateUser('agent', 'changed-pw'), true);
});

test('a refused service account is an AxlError, not a failed sign-in', async () => {
  const client = new AxlClient({ url: axl.url, userid: 'reader', password: 'not-the-password' });
  await assert.rejects(client.authenticateUser('agent', ACCOUNTS.agent.password), (err: unknown) => err instanceof AxlError && err.status === 401);
});
