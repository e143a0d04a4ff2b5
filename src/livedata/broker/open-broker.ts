import type { BrokerLog, StatisticsBroker } from './broker.ts';
import { EXCHANGE } from './broker.ts';
import { inProcessBroker } from './in-process.ts';
import { rabbitMqBroker } from './rabbitmq.ts';
import { redisBroker } from './redis.ts';

const EXCHANGE_NAME = /^[\w.-]{1,100}$/;

/**
 * `memory://` (or unset): in-process; `amqp://`/`amqps://`: RabbitMQ; `redis://`/`rediss://`: Redis. An
 * `exchange=<name>` query parameter replaces the exchange (RabbitMQ) or channel prefix (Redis) `poise.livedata`, so
 * several contact centres (or test runs) can share one broker without hearing each other.
 */
export async function openBroker(url: string | undefined, log: BrokerLog): Promise<StatisticsBroker> {
  if (url === undefined || url.startsWith('memory://')) return inProcessBroker();
  const parsed = new URL(url);
  const exchange = parsed.searchParams.get('exchange') ?? EXCHANGE;
  if (!EXCHANGE_NAME.test(exchange)) throw new Error('statistics broker exchange must be 1 to 100 letters, digits, dots, dashes or underscores');
  parsed.searchParams.delete('exchange');
  const plain = parsed.toString();
  if (parsed.protocol === 'amqp:' || parsed.protocol === 'amqps:') return rabbitMqBroker(plain, log, exchange);
  if (parsed.protocol === 'redis:' || parsed.protocol === 'rediss:') return redisBroker(plain, log, exchange);
  throw new Error(`statistics broker URL ${parsed.protocol}// is not supported (memory://, amqp://, redis://)`);
}
