// The seam between the engine's statistics and Live Data: one interface, three adapters (in-process for one node,
// RabbitMQ or Redis in production). See docs/livedata.md for why RabbitMQ is the recommended broker.
import type { StatisticsMessage } from './messages.ts';

export type BrokerStatus = 'up' | 'down';

export interface StatisticsBroker {
  readonly kind: 'memory' | 'amqp' | 'redis';
  readonly status: BrokerStatus;
  /**
   * Fire and forget: statistics are state, not events, and the engine republishes every record periodically and
   * on a resync, so a message published while the broker is down is dropped rather than buffered without bound.
   */
  publish(message: StatisticsMessage): void;
  /** Every message published from now on (by any publisher on the broker), in each publisher's order. */
  subscribe(onMessage: (message: StatisticsMessage) => void): Promise<Subscription>;
  /** Status changes: 'down' when the broker connection is lost, 'up' when it is back (subscriptions restored). */
  onStatus(listener: (status: BrokerStatus) => void): () => void;
  /** Messages refused since start (not JSON, wrong shape, too big), for the service's health output. */
  readonly rejectedMessages: number;
  close(): Promise<void>;
}

export interface Subscription { unsubscribe(): Promise<void> }

/** Logs what a broker adapter can only report (a refused message, a lost connection). */
export interface BrokerLog {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

export const EXCHANGE = 'poise.livedata';
