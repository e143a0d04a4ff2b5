import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, parseBasicAuth } from '../../../src/callmanager/axl/authorize.ts';
import { AxlSessions } from '../../../src/callmanager/axl/sessions.ts';
import { Directory } from '../../../src/callmanager/directory/index.ts';
import type { Database } from '../../../src/store/database.ts';

// The cookie paths never reach the store; a directory over no database proves it.
const offline = new Directory({} as Database);

test('a live JSESSIONIDSSO cookie signs in without credentials; an idle one answers 404, an unknown one 401', async () => {
  let now = 0;
  const sessions = new AxlSessions(1000, () => now);
  const token = sessions.create({ userid: 'admin', access: 'full' });
  assert.deepEqual(await authorize(offline, sessions, { cookie: `JSESSIONIDSSO=${token}` }), { ok: true, userid: 'admin', access: 'full' });
  now += 1001;
  assert.deepEqual(await authorize(offline, sessions, { cookie: `JSESSIONIDSSO=${token}` }), { ok: false, status: 404 });
  assert.deepEqual(await authorize(offline, sessions, { cookie: `JSESSIONIDSSO=${token}` }), { ok: false, status: 401 });
  assert.deepEqual(await authorize(offline, sessions, {}), { ok: false, status: 401 });
  assert.deepEqual(await authorize(offline, sessions, { authorization: 'Digest x' }), { ok: false, status: 401 });
});

test('Basic header parsing (RFC 7617)', () => {
  assert.deepEqual(parseBasicAuth(`Basic ${Buffer.from('admin:pa:ss').toString('base64')}`), { userid: 'admin', password: 'pa:ss' });
  assert.deepEqual(parseBasicAuth(`basic ${Buffer.from('é:ü').toString('base64')}`), { userid: 'é', password: 'ü' });
  for (const bad of [undefined, '', 'Basic', 'Bearer x', `Basic ${Buffer.from('nocolon').toString('base64')}`, `Basic ${Buffer.from(':pw').toString('base64')}`]) {
    assert.equal(parseBasicAuth(bad), undefined, String(bad));
  }
});
