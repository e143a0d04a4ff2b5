// The same contract for every statistics broker adapter: in-process always, RabbitMQ when TEST_AMQP_URL is set,
// Redis when TEST_REDIS_URL is set (.ci/run sets both against the machine's servers).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import amqplib from 'amqplib';
import { Redis } from 'ioredis';
import { EXCHANGE, type StatisticsBroker } from '../../src/livedata/broker/broker.ts';
import { openBroker } from '../../src/livedata/broker/open-broker.ts';
import type { StatisticsMessage } from '../../src/livedata/broker/messages.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

const quiet = { warn: () => undefined, info: () => undefined };

const csq = (csqId: string, callsWaiting: number): StatisticsMessage => ({
  kind: 'csq', at: Date.now(),
  csq: {
    csqId, csqName: `CSQ ${csqId}`, callsWaiting, oldestQueuedAt: callsWaiting > 0 ? Date.now() : null,
    agents: { loggedIn: 3, ready: 1, notReady: 1, reserved: 0, talking: 1, work: 0 },
    today: { presented: 5, handled: 4, abandoned: 1, dequeued: 4, handledWithinSl: 3, abandonedWithinSl: 1, queueMsTotal: 20000, handleMsTotal: 200000, longestWaitMs: 9000, longestHandleMs: 60000 },
  },
});

function collect(broker: StatisticsBroker) {
  const seen: StatisticsMessage[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const subscription = broker.subscribe((message) => {
    seen.push(message);
    for (const w of waiters) if (seen.length >= w.count) w.resolve();
  });
  return {
    seen, subscription,
    until: (count: number, ms = 5000) => new Promise<void>((resolve, reject) => {
      if (seen.length >= count) return resolve();
      const timer = setTimeout(() => reject(new Error(`saw ${seen.length} of ${count} messages`)), ms);
      waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
    }),
  };
}

const untilStatus = (broker: StatisticsBroker, wanted: 'up' | 'down', ms = 15000) => new Promise<void>((resolve, reject) => {
  if (broker.status === wanted) return resolve();
  const timer = setTimeout(() => { off(); reject(new Error(`status stayed ${broker.status}`)); }, ms);
  const off = broker.onStatus((status) => { if (status === wanted) { clearTimeout(timer); off(); resolve(); } });
});

/** A unique routing-key space per run, so concurrent runs on a shared broker do not see each other's ids. */
const run = `t${process.pid}x${Date.now().toString(36)}`;

const adapters: { name: string; url: string | undefined; raw?: (text: string) => Promise<void> }[] = [
  { name: 'in-process', url: 'memory://' },
];
if (process.env.TEST_AMQP_URL) {
  const url = process.env.TEST_AMQP_URL;
  adapters.push({
    name: 'RabbitMQ', url,
    raw: async (text) => {
      const connection = await amqplib.connect(url);
      const channel = await connection.createChannel();
      await channel.assertExchange(EXCHANGE, 'topic', { durable: false });
      channel.publish(EXCHANGE, 'csq.garbage', Buffer.from(text));
      await channel.close(); await connection.close();
    },
  });
}
if (process.env.TEST_REDIS_URL) {
  const url = process.env.TEST_REDIS_URL;
  adapters.push({
    name: 'Redis', url,
    raw: async (text) => {
      const client = new Redis(url);
      await client.publish(`${EXCHANGE}.csq.garbage`, text);
      client.disconnect();
    },
  });
}

for (const adapter of adapters) {
  describe(`statistics broker: ${adapter.name}`, () => {
    const opened: StatisticsBroker[] = [];
    after(async () => { for (const broker of opened) await broker.close(); });
    const open = async (url = adapter.url) => { const b = await openBroker(url, quiet); opened.push(b); return b; };

    test('delivers every message to every subscriber, in publish order', async () => {
      const publisher = await open();
      const consumer = adapter.url === 'memory://' ? publisher : await open();
      const a = collect(consumer); const b = collect(consumer);
      await a.subscription; await b.subscription;
      assert.equal(publisher.status, 'up');
      for (let i = 0; i < 50; i++) publisher.publish(csq(`${run}-order`, i));
      await a.until(50); await b.until(50);
      const mine = (seen: StatisticsMessage[]) => seen.flatMap((m) => m.kind === 'csq' && m.csq.csqId === `${run}-order` ? [m.csq.callsWaiting] : []);
      assert.deepEqual(mine(a.seen), [...Array(50).keys()]);
      assert.deepEqual(mine(b.seen), mine(a.seen));
    });

    test('an unsubscribed handler hears nothing more', async () => {
      const broker = await open();
      const a = collect(broker); const b = collect(broker);
      await (await a.subscription).unsubscribe(); await b.subscription;
      broker.publish(csq(`${run}-unsub`, 1));
      await b.until(1);
      assert.equal(a.seen.length, 0);
    });

    if (adapter.raw) {
      test('a message that is not a statistics record is refused and the stream goes on', async () => {
        const broker = await open();
        const c = collect(broker); await c.subscription;
        await adapter.raw!('{"kind":"csq","csq":{"csqId":');
        await adapter.raw!(JSON.stringify({ kind: 'agent', at: 1, agent: { agentId: 'x' } }));
        broker.publish(csq(`${run}-after-garbage`, 7));
        await c.until(1);
        assert.equal(c.seen.filter((m) => m.kind === 'csq' && m.csq.csqId === `${run}-after-garbage`).length, 1);
        assert.ok(broker.rejectedMessages >= 2, `rejected ${broker.rejectedMessages}`);
      });

      test('losing the broker reports down, and on return the subscription works again', async () => {
        const target = new URL(adapter.url!);
        const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || (adapter.name === 'Redis' ? 6379 : 5672)) });
        after(() => proxy.close());
        const viaProxy = new URL(adapter.url!); viaProxy.port = String(proxy.port);
        const consumer = await open(viaProxy.toString());
        const publisher = await open();
        const c = collect(consumer); await c.subscription;
        assert.equal(consumer.status, 'up');
        await proxy.cut();
        await untilStatus(consumer, 'down');
        consumer.publish(csq(`${run}-while-down`, 1));           // dropped, not buffered, never throws
        await proxy.restore();
        await untilStatus(consumer, 'up');
        // The subscription is re-established on reconnect; publish until it is seen.
        const deadline = Date.now() + 10_000;
        while (!c.seen.some((m) => m.kind === 'csq' && m.csq.csqId === `${run}-back`) && Date.now() < deadline) {
          publisher.publish(csq(`${run}-back`, 2));
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.ok(c.seen.some((m) => m.kind === 'csq' && m.csq.csqId === `${run}-back`), 'no message after the broker returned');
      });
    }
  });
}

test('an unsupported broker URL is a clear error', async () => {
  await assert.rejects(openBroker('kafka://127.0.0.1:9092', quiet), /not supported/);
});
