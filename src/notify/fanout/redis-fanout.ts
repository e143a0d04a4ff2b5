// The notification fan-out over Redis pub/sub (ARCHITECTURE.md, "Failover and scale"): one channel per cluster,
// `poise:notify:<xmppDomain>`, so one SUBSCRIBE per node whatever the number of pubsub nodes. ioredis reconnects and
// re-subscribes by itself; the publisher has no offline queue, so nothing piles up while Redis is away (what is
// published meanwhile reaches this node's sessions only).
import { Redis } from 'ioredis';
import type { Logger } from '../../shared/logger.ts';
import { decodeFanoutItem, encodeFanoutItem, type FanoutItem, type NotificationFanout } from './notification-fanout.ts';

const retryStrategy = (attempt: number) => Math.min(200 * 2 ** Math.min(attempt, 5), 5_000);

export const fanoutChannel = (xmppDomain: string): string => `poise:notify:${xmppDomain}`;

export class RedisNotificationFanout implements NotificationFanout {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #deliverers = new Set<(item: FanoutItem) => void>();
  readonly #subscribed: Promise<boolean>;
  #refused = 0;
  #isSubscribed = false;
  #lost = false;

  constructor(private readonly options: { url: string; channel: string; origin: string; log: Logger }) {
    const common = { retryStrategy, maxRetriesPerRequest: 1 } as const;
    this.#publisher = new Redis(options.url, { ...common, enableOfflineQueue: false });
    this.#subscriber = new Redis(options.url, { ...common, autoResubscribe: true });
    for (const client of [this.#publisher, this.#subscriber]) {
      client.on('error', (err: Error) => options.log.debug({ err: err.message }, 'notification fan-out: Redis error'));
      client.on('close', () => {
        if (!this.#lost) options.log.warn({}, 'notification fan-out: Redis connection lost; local delivery goes on, retrying');
        this.#lost = true;
      });
      client.on('ready', () => {
        if (this.#lost) options.log.info({}, 'notification fan-out: Redis connection back');
        this.#lost = false;
      });
    }
    this.#subscriber.on('messageBuffer', (_channel: Buffer, bytes: Buffer) => {
      const item = decodeFanoutItem(bytes);
      if (!item) {
        this.#refused += 1;
        options.log.warn({ bytes: bytes.length }, 'notification fan-out: message refused');
        return;
      }
      if (item.origin === options.origin) return;
      for (const deliver of this.#deliverers) deliver(item);
    });
    // Replayed by ioredis on every reconnect once it has succeeded; a first attempt that failed (Redis away at
    // start-up) is made again whenever the connection is ready.
    this.#subscribed = this.#subscribe();
    this.#subscriber.on('ready', () => { if (!this.#isSubscribed) void this.#subscribe(); });
  }

  #subscribe(): Promise<boolean> {
    return this.#subscriber.subscribe(this.options.channel).then(() => { this.#isSubscribed = true; return true; }, () => false);
  }

  /** Messages on the channel that were not items (for tests and the health view). */
  get refusedMessages(): number { return this.#refused; }

  /** Whether the channel is subscribed within the time (start-up waits for it, so the node misses nothing it could have). */
  async ready(timeoutMs = 5_000): Promise<boolean> {
    return Promise.race([this.#subscribed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())]);
  }

  publish(item: FanoutItem): void {
    if (this.#publisher.status !== 'ready') return;
    this.#publisher.publish(this.options.channel, encodeFanoutItem(item))
      .catch((err: Error) => this.options.log.debug({ err: err.message }, 'notification fan-out: item not published'));
  }

  subscribe(deliver: (item: FanoutItem) => void): void {
    this.#deliverers.add(deliver);
  }

  async close(): Promise<void> {
    this.#deliverers.clear();
    this.#publisher.disconnect();
    this.#subscriber.disconnect();
  }
}
