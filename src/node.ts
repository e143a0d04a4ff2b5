// Starts the services of one node in one process, in dependency order, on one store and one clock.
import type { PoiseConfig, ServiceName } from './shared/config.ts';
import type { Logger } from './shared/logger.ts';
import type { RunningService, ServiceContext } from './shared/service.ts';
import { SwitchableClock } from './shared/clock.ts';
import type { Store } from './store/database.ts';
type ServiceStarter = (context: ServiceContext) => Promise<RunningService>;

// Loaded only for the services a node runs: a notify-only node otherwise carried the other services' code
// (Fastify, Drizzle, PGlite's JavaScript) in its heap, about 100 MB of its idle RSS.
const STARTERS: Record<ServiceName, () => Promise<ServiceStarter>> = {
  callmanager: async () => (await import('./callmanager/index.ts')).startCallManager,
  notify: async () => (await import('./notify/index.ts')).startNotify,
  engine: async () => (await import('./engine/index.ts')).startEngine,
  livedata: async () => (await import('./livedata/index.ts')).startLivedata,
  web: async () => (await import('./web/index.ts')).startWeb,
};

export interface RunningNode {
  readonly services: readonly RunningService[];
  readonly store: Store;
  readonly clock: SwitchableClock;
  close(): Promise<void>;
}

/** Services that keep no tables: alone, they open no store (PGlite alone holds hundreds of MB). */
const STORELESS: ReadonlySet<ServiceName> = new Set<ServiceName>(['notify', 'livedata']);

/** Whether the node's services keep tables, and so open a store. */
export const nodeKeepsTables = (config: PoiseConfig): boolean => !config.services.every((name) => STORELESS.has(name));

export interface StartNodeOptions {
  /** A store the caller opened and hands over (closed with the node); tests start nodes on a prepared PGlite cluster. */
  readonly store?: Store;
}

export async function startNode(config: PoiseConfig, log: Logger, options: StartNodeOptions = {}): Promise<RunningNode> {
  const store = options.store ?? (!nodeKeepsTables(config) ? unopenedStore(config) : await (await import('./store/database.ts')).openStore({
    databaseUrl: config.databaseUrl, dataDir: config.dataDir,
    onConnectionError: (err) => log.warn({ err }, 'database connection lost; the pool reconnects on next use'),
  }));
  const clock = new SwitchableClock();
  const services: RunningService[] = [];
  const started = new Map<ServiceName, RunningService>();
  const close = async () => {
    for (const service of [...services].reverse()) await service.close();
    clock.close();
    await store.close();
  };
  try {
    for (const name of config.services) {
      const serviceLog = log.child({ service: name });
      const start = await STARTERS[name]();
      const service = await start({ config, store, log: serviceLog, clock, started });
      services.push(service);
      started.set(name, service);
      serviceLog.info('service started');
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { services, store, clock, close };
}

/** The store of a node whose services keep no tables: never opened, and any use of it is our own bug. */
function unopenedStore(config: PoiseConfig): Store {
  const unused = (): never => { throw new Error(`no store is open: ${config.services.join(', ')} keep no tables`); };
  return {
    get db() { return unused(); },
    kind: config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl) ? 'postgres' : 'pglite',
    migrate: async () => unused(),
    close: async () => {},
  };
}
