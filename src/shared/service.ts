import type { Logger } from './logger.ts';
import type { PoiseConfig, ServiceName } from './config.ts';
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
  /**
   * The services this node started before this one, by name. A service that needs another in-process (the
   * engine needs the call manager's telephony provider) finds it here and narrows it with that service's own
   * type guard; a service absent from the map runs elsewhere or not at all.
   */
  started: ReadonlyMap<ServiceName, RunningService>;
}
