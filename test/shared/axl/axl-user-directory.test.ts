// The AXL user directory the node's services sign users in with, against a live AXL server, as the read-only
// account.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxlUserDirectory } from '../../../src/shared/axl/axl-user-directory.ts';
import { UserDirectoryError } from '../../../src/shared/axl/user-directory.ts';
import { ACCOUNTS, startAxl, type AxlFixture } from '../../support/axl.ts';
import { storeBackends } from '../../support/stores.ts';

let axl: AxlFixture;
before(async () => { axl = await startAxl(storeBackends[0]!); });
after(() => axl.close());

test('doAuthenticateUser: right and wrong passwords, an unknown user, text that needs escaping', async () => {
  const directory = new AxlUserDirectory({ url: axl.url, userid: 'reader', password: ACCOUNTS.reader.password });
  assert.equal(await directory.authenticate('agent', ACCOUNTS.agent.password), true);
  assert.equal(await directory.authenticate('agent', 'wrong'), false);
  assert.equal(await directory.authenticate('nobody', 'x & <y>'), false);
});

test('getUser: a known user with its roles; an unknown one is undefined', async () => {
  const directory = new AxlUserDirectory({ url: axl.url, userid: 'reader', password: ACCOUNTS.reader.password });
  const user = await directory.getUser('agent');
  assert.equal(user?.userid, 'agent');
  assert.deepEqual(user?.roles, ['Agent']);
  assert.equal(await directory.getUser('nobody'), undefined);
});

test('a refused service account is an error, not a failed sign-in', async () => {
  const directory = new AxlUserDirectory({ url: axl.url, userid: 'reader', password: 'not-the-password' });
  await assert.rejects(directory.authenticate('agent', ACCOUNTS.agent.password), UserDirectoryError);
});
