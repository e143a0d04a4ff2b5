import type { BrokerLog, StatisticsBroker } from './broker.ts';
import { inProcessBroker } from './in-process.ts';
import { rabbitMqBroker } from './rabbitmq.ts';
import { redisBroker } from './redis.ts';

/** `memory://` (or unset): in-process; `amqp://`/`amqps://`: RabbitMQ; `redis://`/`rediss://`: Redis. */
export async function openBroker(url: string | undefined, log: BrokerLog): Promise<StatisticsBroker> {
  if (url === undefined || url === 'memory://') return inProcessBroker();
  const scheme = new URL(url).protocol;
  if (scheme === 'amqp:' || scheme === 'amqps:') return rabbitMqBroker(url, log);
  if (scheme === 'redis:' || scheme === 'rediss:') return redisBroker(url, log);
  throw new Error(`statistics broker URL ${scheme}// is not supported (memory://, amqp://, redis://)`);
}
