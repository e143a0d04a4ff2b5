// Redis pub/sub adapter: channel `<exchange>.<topic>` (`poise.livedata` unless named), one pattern subscription per
// kind of topic. ioredis reconnects and re-subscribes by itself; the publisher has no offline queue, so nothing
// piles up while Redis is away.
import { Redis } from 'ioredis';
import { EXCHANGE, type BrokerLog, type StatisticsBroker, type Subscription } from './broker.ts';
import { decodeStatisticsMessage, encodeStatisticsMessage, topicOf, type StatisticsMessage } from './messages.ts';
import { StatusListeners } from './status-listeners.ts';

const FIRST_CONNECT_WAIT_MS = 5_000;
/** One pattern per topic kind, so `<exchange>.*` cannot also match another exchange named `<exchange>.<more>`. */
const patternsOf = (exchange: string) => ['agent', 'csq', 'team', 'control'].map((kind) => `${exchange}.${kind}.*`);
const retryStrategy = (attempt: number) => Math.min(200 * 2 ** Math.min(attempt, 5), 5_000);

export async function redisBroker(url: string, log: BrokerLog, exchange = EXCHANGE): Promise<StatisticsBroker> {
  const options = { retryStrategy, maxRetriesPerRequest: 1, lazyConnect: true } as const;
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(url, { ...options, autoResubscribe: true });
  const handlers = new Set<(message: StatisticsMessage) => void>();
  const status = new StatusListeners('down');
  let rejected = 0;
  let closed = false;

  for (const client of [publisher, subscriber]) client.on('error', (err: Error) => log.warn({ err: err.message }, 'statistics broker error'));
  const bothReady = () => publisher.status === 'ready' && subscriber.status === 'ready';
  const onReady = () => { if (bothReady()) { log.info({}, 'statistics broker connected'); status.set('up'); } };
  const onLost = () => { if (!closed && status.status === 'up') log.warn({}, 'statistics broker connection lost; retrying'); status.set('down'); };
  for (const client of [publisher, subscriber]) { client.on('ready', onReady); client.on('close', onLost); }

  subscriber.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, bytes: Buffer) => {
    const decoded = decodeStatisticsMessage(bytes);
    if (!decoded.ok) {
      rejected++;
      log.warn({ channel: channel.toString('utf8').slice(0, 200), reason: decoded.reason }, 'statistics message refused');
      return;
    }
    for (const handler of [...handlers]) handler(decoded.message);
  });

  const first = Promise.all([publisher.connect(), subscriber.connect()]).then(() => subscriber.psubscribe(...patternsOf(exchange)));
  await Promise.race([first.catch(() => undefined), delay(FIRST_CONNECT_WAIT_MS)]);
  // A failed first connect leaves ioredis retrying with retryStrategy; psubscribe is then replayed by autoResubscribe.
  first.catch(() => { if (!closed) void subscriber.psubscribe(...patternsOf(exchange)).catch(() => undefined); });

  return {
    kind: 'redis',
    get status() { return status.status; },
    get rejectedMessages() { return rejected; },
    publish(message) {
      if (publisher.status !== 'ready') return;
      publisher.publish(`${exchange}.${topicOf(message)}`, encodeStatisticsMessage(message))
        .catch((err: Error) => log.warn({ err: err.message }, 'statistics message not published'));
    },
    async subscribe(onMessage): Promise<Subscription> {
      handlers.add(onMessage);
      return { unsubscribe: async () => { handlers.delete(onMessage); } };
    },
    onStatus: (listener) => status.add(listener),
    async close() {
      closed = true;
      handlers.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
