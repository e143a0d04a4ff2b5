import type { Logger } from './logger.ts';
import type { PoiseConfig } from './config.ts';
import type { Store } from '../store/database.ts';
import type { SwitchableClock } from './clock.ts';

/** What a started service tells the node: where it listens, and how to stop it. */
export interface RunningService {
  readonly name: string;
  readonly endpoints: readonly Endpoint[];
  /** Lines the command line prints after the URLs (demo logins, warnings a newcomer must see). */
  readonly notes?: readonly string[];
  close(): Promise<void>;
}

export interface Endpoint { label: string; url: string }

/** What the node hands every service it starts. */
export interface ServiceContext {
  config: PoiseConfig;
  store: Store;
  log: Logger;
  clock: SwitchableClock;
  /** Filled by services as they start, read by the ones started after them (one object per node). */
  peers: NodePeers;
}

/**
 * What a service learns in process from the services started before it. The call manager publishes where AXL
 * answers and the read-only account's password (the demo password, which it may have generated and stored),
 * so `notify` can authenticate users as `poise_axl` without the password being configured twice.
 */
export interface NodePeers {
  axl?: { url: string; userid: string; password: string };
}
