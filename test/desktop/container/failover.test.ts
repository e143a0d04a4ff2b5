import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { alternateOrigin, pollAlternateHost } from '../../../desktop/container/failover.ts';

test('polls the alternate node until its SystemInfo says IN_SERVICE, then stops', async () => {
  let polls = 0;
  const server = createServer((req, res) => {
    polls++;
    assert.equal(req.url, '/finesse/api/SystemInfo');
    const status = polls < 3 ? 'OUT_OF_SERVICE' : 'IN_SERVICE';
    res.writeHead(200, { 'content-type': 'application/xml' }).end(`<SystemInfo><status>${status}</status></SystemInfo>`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  const origin = `http://127.0.0.1:${address.port}`;
  const found = await new Promise<string>((resolve) => { pollAlternateHost(origin, resolve, 20); });
  assert.equal(found, origin);
  assert.equal(polls, 3);
  server.close();
});

test('stop() ends the polling of a peer that never comes back', async () => {
  const poll = pollAlternateHost('http://127.0.0.1:9', () => assert.fail('no node there'), 10);
  poll.stop();
  assert.equal(alternateOrigin('node-b.example.com:8445'), 'https://node-b.example.com:8445');
});

test('the alternate node is the one that is not this node; a single node has none', async () => {
  const { alternateNodeOf, nodeOrigin } = await import('../../../desktop/container/failover.ts');
  const nodes = [{ host: '127.0.0.2', httpsPort: 8445 }, { host: '127.0.0.1', httpsPort: 9445 }];
  assert.deepEqual(alternateNodeOf(nodes, ['127.0.0.2', 'desk.example']), { host: '127.0.0.1', httpsPort: 9445 });
  assert.deepEqual(alternateNodeOf(nodes, ['', '127.0.0.1']), { host: '127.0.0.2', httpsPort: 8445 });
  assert.equal(alternateNodeOf([{ host: 'Poise-A.example', httpsPort: 8445 }], ['poise-a.example']), undefined);
  assert.equal(nodeOrigin({ host: '127.0.0.1', httpsPort: 9445 }), 'https://127.0.0.1:9445');
  assert.equal(nodeOrigin({ host: '::1', httpsPort: 8445 }), 'https://[::1]:8445');
});

test('a plain-HTTP desktop moves on plain HTTP when both nodes run the same ports, else on HTTPS', async () => {
  const { peerDesktopOrigin, ownNodeOf } = await import('../../../desktop/container/failover.ts');
  const nodes = [{ host: '127.0.0.1', httpsPort: 8445 }, { host: '127.0.0.2', httpsPort: 8445 }];
  const own = ownNodeOf(nodes, ['127.0.0.1']);
  const peer = { host: '127.0.0.2', httpsPort: 8445 };
  assert.deepEqual(own, { host: '127.0.0.1', httpsPort: 8445 });
  assert.equal(peerDesktopOrigin(peer, own, { protocol: 'http:', port: '8082' }), 'http://127.0.0.2:8082');
  assert.equal(peerDesktopOrigin(peer, own, { protocol: 'https:', port: '8445' }), 'https://127.0.0.2:8445');
  assert.equal(peerDesktopOrigin({ host: '127.0.0.2', httpsPort: 9445 }, own, { protocol: 'http:', port: '8082' }), 'https://127.0.0.2:9445');
  assert.equal(peerDesktopOrigin(peer, undefined, { protocol: 'http:', port: '8082' }), 'https://127.0.0.2:8445');
});
