// Starts the services of one node in one process, in dependency order, on one store and one clock.
import type { PoiseConfig, ServiceName } from './shared/config.ts';
import type { Logger } from './shared/logger.ts';
import type { RunningService, ServiceContext } from './shared/service.ts';
import { SwitchableClock } from './shared/clock.ts';
import { openStore, type Store } from './store/database.ts';
import { startCallManager } from './callmanager/index.ts';
import { startNotify } from './notify/index.ts';
import { startEngine } from './engine/index.ts';
import { startLivedata } from './livedata/index.ts';
import { startWeb } from './web/index.ts';

type ServiceStarter = (context: ServiceContext) => Promise<RunningService>;

const STARTERS: Record<ServiceName, ServiceStarter> = {
  callmanager: startCallManager,
  notify: startNotify,
  engine: startEngine,
  livedata: startLivedata,
  web: startWeb,
};

export interface RunningNode {
  readonly services: readonly RunningService[];
  readonly store: Store;
  readonly clock: SwitchableClock;
  close(): Promise<void>;
}

/** Services that keep no tables: alone, they open no store (PGlite alone holds hundreds of MB). */
const STORELESS: ReadonlySet<ServiceName> = new Set<ServiceName>(['notify']);

export async function startNode(config: PoiseConfig, log: Logger): Promise<RunningNode> {
  const store = config.services.every((name) => STORELESS.has(name)) ? unopenedStore(config) : await openStore({
    databaseUrl: config.databaseUrl, dataDir: config.dataDir,
    onConnectionError: (err) => log.warn({ err }, 'database connection lost; the pool reconnects on next use'),
  });
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
      const service = await STARTERS[name]({ config, store, log: serviceLog, clock, started });
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
