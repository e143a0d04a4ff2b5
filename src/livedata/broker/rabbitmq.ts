// RabbitMQ (AMQP 0-9-1) adapter: a topic exchange (`poise.livedata` unless named), routing keys from topicOf();
// each subscriber gets an exclusive, auto-deleted queue of its own bound to `#`, bounded so a stalled consumer drops
// the oldest records (statistics are state: the newest record wins). amqplib's own recovery reconnects and re-runs
// setup.
import amqplib, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { EXCHANGE, type BrokerLog, type StatisticsBroker, type Subscription } from './broker.ts';
import { decodeStatisticsMessage, encodeStatisticsMessage, topicOf, type StatisticsMessage } from './messages.ts';
import { StatusListeners } from './status-listeners.ts';

const QUEUE_MAX_LENGTH = 50_000;          // per consumer; beyond it the broker drops the oldest
const FIRST_CONNECT_WAIT_MS = 5_000;      // then the service starts degraded and keeps retrying

interface Consumer { onMessage: (message: StatisticsMessage) => void; channel: Channel | undefined }

export async function rabbitMqBroker(url: string, log: BrokerLog, exchange = EXCHANGE): Promise<StatisticsBroker> {
  const consumers = new Set<Consumer>();
  const status = new StatusListeners('down');
  let model: ChannelModel | undefined;
  let publishChannel: Channel | undefined;
  let rejected = 0;
  let closed = false;

  const deliver = (consumer: Consumer) => (raw: ConsumeMessage | null) => {
    if (raw === null) return;                              // cancelled by the server; setup re-creates it
    const decoded = decodeStatisticsMessage(raw.content);
    if (!decoded.ok) {
      rejected++;
      log.warn({ routingKey: raw.fields.routingKey, reason: decoded.reason }, 'statistics message refused');
      return;
    }
    consumer.onMessage(decoded.message);
  };

  const openConsumer = async (on: ChannelModel, consumer: Consumer) => {
    const channel = await on.createChannel();
    channel.on('error', (err: Error) => log.warn({ err }, 'statistics consumer channel error'));
    await channel.assertExchange(exchange, 'topic', { durable: false });
    const { queue } = await channel.assertQueue('', {
      exclusive: true, autoDelete: true, arguments: { 'x-max-length': QUEUE_MAX_LENGTH, 'x-overflow': 'drop-head' },
    });
    await channel.bindQueue(queue, exchange, '#');
    await channel.consume(queue, deliver(consumer), { noAck: true });
    consumer.channel = channel;
  };

  const connection = await amqplib.connect(url, {
    recovery: {
      initialDelay: 200, maxDelay: 5_000, waitForConnect: false,
      async setup(fresh: ChannelModel) {
        publishChannel = await fresh.createChannel();
        publishChannel.on('error', (err: Error) => log.warn({ err }, 'statistics publish channel error'));
        await publishChannel.assertExchange(exchange, 'topic', { durable: false });
        for (const consumer of consumers) await openConsumer(fresh, consumer);
        model = fresh;
      },
    },
  });
  connection.on('connect', () => { log.info({ url: redact(url) }, 'statistics broker connected'); status.set('up'); });
  connection.on('disconnect', (err: Error) => {
    model = undefined; publishChannel = undefined;
    for (const consumer of consumers) consumer.channel = undefined;
    if (!closed) log.warn({ err: err.message }, 'statistics broker connection lost; retrying');
    status.set('down');
  });
  connection.on('error', (err: Error) => log.warn({ err: err.message }, 'statistics broker error'));
  await Promise.race([connection.waitForConnect().then(() => undefined, () => undefined), delay(FIRST_CONNECT_WAIT_MS)]);
  if (model) status.set('up');

  return {
    kind: 'amqp',
    get status() { return status.status; },
    get rejectedMessages() { return rejected; },
    publish(message) {
      if (!publishChannel) return;
      try {
        publishChannel.publish(exchange, topicOf(message), encodeStatisticsMessage(message), { contentType: 'application/json' });
      } catch (err) {
        log.warn({ err }, 'statistics message not published');
      }
    },
    async subscribe(onMessage): Promise<Subscription> {
      const consumer: Consumer = { onMessage, channel: undefined };
      consumers.add(consumer);
      if (model) await openConsumer(model, consumer);
      return {
        async unsubscribe() {
          consumers.delete(consumer);
          await consumer.channel?.close().catch(() => undefined);
        },
      };
    },
    onStatus: (listener) => status.add(listener),
    async close() {
      closed = true;
      consumers.clear();
      await connection.close().catch(() => undefined);
    },
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** The URL without its password, for logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'amqp://?';
  }
}
