// Notifications across two nodes through the real Redis server (TEST_REDIS_URL): an item published on node A reaches
// agent1's desktop signed in on node B, and the one on A exactly once; garbage on the cluster's channel is refused
// and the next item still crosses; node B losing Redis keeps delivering its own items to its own sessions, and once
// Redis is back items from A reach it again. Each node is a real notification service with its own call manager.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import type { XmppClient } from '@xmpp/client';
import { Redis } from 'ioredis';
import { isNotifyService, type NotifyService } from '../../../src/notify/index.ts';
import { fanoutChannel } from '../../../src/notify/fanout/redis-fanout.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../../support/test-node.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { connectClient, xml } from '../../support/xmpp.ts';
import { updateFeed, type UpdateFeed } from '../../support/update-feed.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const NODE = '/finesse/api/User/agent1';
const update = (requestId: string) => `<Update><data><user><loginId>agent1</loginId><state>READY</state></user></data>` +
  `<event>PUT</event><requestId>${requestId}</requestId><source>${NODE}</source></Update>`;

describe('notifications across nodes through Redis', { skip: redisUrl ? false : 'TEST_REDIS_URL is not set', timeout: 60_000 }, () => {
  const domain = `fanout-${randomBytes(4).toString('hex')}.test`;   // this test's own cluster channel
  let proxyToRedis: TcpProxy;
  const nodes: Array<{ node: TestNode; notify: NotifyService; client: XmppClient; feed: UpdateFeed }> = [];
  let raw: Redis;

  const startNode = async (redis: string) => {
    const node = await startTestNode({ POISE_ONLY: 'callmanager,notify', POISE_REDIS_URL: redis, POISE_XMPP_DOMAIN: domain });
    const notify = node.node.services.find(isNotifyService);
    assert.ok(notify);
    const client = await connectClient({ service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain, username: 'agent1', password: TEST_PASSWORD });
    const feed = updateFeed(client);
    await client.send(xml('presence'));
    nodes.push({ node, notify, client, feed });
    return nodes.at(-1)!;
  };
  /** Whether an update with this requestId arrives within the time; how many copies did. */
  const copies = async (feed: UpdateFeed, requestId: string, ms: number) => {
    await new Promise((r) => setTimeout(r, ms));
    return feed.received.filter((u) => u.requestId === requestId).length;
  };

  before(async () => {
    const url = new URL(redisUrl!);
    proxyToRedis = await startTcpProxy({ host: url.hostname, port: Number(url.port || 6379) });
    const proxied = new URL(redisUrl!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxyToRedis.port);
    await startNode(redisUrl!);            // A
    await startNode(proxied.toString());   // B, whose link to Redis the test can cut
    raw = new Redis(redisUrl!);
  });
  after(async () => {
    raw?.disconnect();
    for (const n of nodes) { await n.client.stop().catch(() => undefined); await n.node.close(); }
    await proxyToRedis?.close();
  });

  test('an item published on node A reaches the desktop on node B, and the one on A exactly once', async () => {
    const [a, b] = nodes as [typeof nodes[number], typeof nodes[number]];
    a.notify.publisher.createNode(NODE);
    const crossing = b.feed.next((u) => u.requestId === 'across-1');
    assert.ok(a.notify.publisher.publish(NODE, update('across-1')).ok);
    const received = await crossing;
    assert.equal(received.node, NODE);
    assert.equal(received.event, 'PUT');
    assert.equal(await copies(a.feed, 'across-1', 300), 1, 'no echo back to the publishing node');
    assert.equal(await copies(b.feed, 'across-1', 0), 1);
  });

  test('garbage on the cluster\'s channel is refused; the next item still crosses', async () => {
    const [a, b] = nodes as [typeof nodes[number], typeof nodes[number]];
    for (const garbage of ['not json', '{"node":"x"}', JSON.stringify({ node: NODE, itemId: 'i', payload: 7, origin: 'o' }), 'x'.repeat(300_000)]) {
      await raw.publish(fanoutChannel(domain), garbage);
    }
    const crossing = b.feed.next((u) => u.requestId === 'across-2');
    assert.ok(a.notify.publisher.publish(NODE, update('across-2')).ok);
    await crossing;
  });

  test('a node started while Redis is away joins the fan-out once Redis is reachable', async () => {
    const [a] = nodes as [typeof nodes[number]];
    const url = new URL(redisUrl!);
    const late = await startTcpProxy({ host: url.hostname, port: Number(url.port || 6379) });
    await late.cut();
    // While cut, the proxy's port is held by a listener that drops every connection: freed, the kernel could hand
    // it to one of the new node's own listeners, and the proxy could not come back on it.
    const holder = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => holder.listen(late.port, '127.0.0.1', resolve));
    try {
      const proxied = new URL(redisUrl!);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(late.port);
      const c = await startNode(proxied.toString());
      await new Promise((resolve) => holder.close(resolve));
      await late.restore();
      const deadline = Date.now() + 20_000;
      let n = 0;
      while (!c.feed.received.some((u) => u.requestId.startsWith('late-'))) {
        assert.ok(Date.now() < deadline, 'items from A never reached the late node');
        a.notify.publisher.publish(NODE, update(`late-${n++}`));
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      const c = nodes.pop();
      await c?.client.stop().catch(() => undefined);
      await c?.node.close();
      if (holder.listening) await new Promise((resolve) => holder.close(resolve));
      await late.close();
    }
  });

  test('node B without Redis still serves its own sessions; with Redis back, A\'s items reach it again', async () => {
    const [a, b] = nodes as [typeof nodes[number], typeof nodes[number]];
    await proxyToRedis.cut();
    assert.ok(a.notify.publisher.publish(NODE, update('lost-while-away')).ok);
    const local = b.feed.next((u) => u.requestId === 'b-local');
    assert.ok(b.notify.publisher.publish(NODE, update('b-local')).ok);
    await local;
    assert.equal(await copies(b.feed, 'lost-while-away', 300), 0, 'at-most-once: nothing is replayed');
    await proxyToRedis.restore();
    // ioredis reconnects with back-off and subscribes again: publish until an item crosses.
    const deadline = Date.now() + 20_000;
    let n = 0;
    while (!b.feed.received.some((u) => u.requestId.startsWith('after-'))) {
      assert.ok(Date.now() < deadline, 'items from A never reached B again');
      a.notify.publisher.publish(NODE, update(`after-${n++}`));
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
