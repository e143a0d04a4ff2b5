// The AXL user directory the node's services sign users in with, against a live AXL server, as the read-only
// account.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

test('after the first Basic sign-in the JSESSIONIDSSO cookie stands in for the password; a lost session signs in again', async () => {
  const seen: string[] = [];
  let forget = false;
  const proxy = await recordingProxy(seen, (req) => {
    if (forget && req.headers.cookie) req.headers.cookie = 'JSESSIONIDSSO=NOT-A-SESSION';
  });
  try {
    const { port } = proxy.address() as AddressInfo;
    const directory = new AxlUserDirectory({ url: `http://127.0.0.1:${port}/axl/`, userid: 'reader', password: ACCOUNTS.reader.password });
    assert.equal(await directory.authenticate('agent', ACCOUNTS.agent.password), true);
    assert.equal(await directory.authenticate('agent', 'wrong'), false);
    assert.equal((await directory.getUser('agent'))?.userid, 'agent');
    assert.deepEqual(seen, ['basic', 'cookie', 'cookie']);
    forget = true; // the server no longer knows the session: 401, then Basic again
    assert.equal(await directory.authenticate('agent', ACCOUNTS.agent.password), true);
    assert.deepEqual(seen.slice(3), ['cookie', 'basic']);
  } finally {
    await new Promise((resolve) => proxy.close(resolve));
  }
});

test('a burst of first requests signs in once: the others wait for the cookie', async () => {
  const seen: string[] = [];
  const proxy = await recordingProxy(seen);
  try {
    const { port } = proxy.address() as AddressInfo;
    const directory = new AxlUserDirectory({ url: `http://127.0.0.1:${port}/axl/`, userid: 'reader', password: ACCOUNTS.reader.password });
    const users = await Promise.all(Array.from({ length: 20 }, () => directory.getUser('agent')));
    assert.ok(users.every((u) => u?.userid === 'agent'));
    assert.equal(seen.filter((s) => s === 'basic').length, 1);
    assert.equal(seen.filter((s) => s === 'cookie').length, 19);
    directory.close();
  } finally {
    await new Promise((resolve) => proxy.close(resolve));
  }
});

/** A proxy in front of the live AXL server that notes what each request authenticated with. */
async function recordingProxy(seen: string[], tamper: (req: http.IncomingMessage) => void = () => {}): Promise<http.Server> {
  const target = new URL(axl.url);
  const proxy = http.createServer((req, res) => {
    tamper(req);
    seen.push(req.headers.authorization ? 'basic' : req.headers.cookie ? 'cookie' : 'none');
    const upstream = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}
