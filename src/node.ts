// Starts the services of one node in one process, in dependency order, on one store and one clock.
import type { PoiseConfig, ServiceName } from './shared/config.ts';
import type { Logger } from './shared/logger.ts';
import type { NodePeers, RunningService, ServiceContext } from './shared/service.ts';
import { SwitchableClock } from './shared/clock.ts';
import { openStore, type Store } from './store/database.ts';
import { startCallManager } from './callmanager/index.ts';
import { startNotify } from './notify/index.ts';

type ServiceStarter = (context: ServiceContext) => Promise<RunningService>;

const STARTERS: Record<ServiceName, ServiceStarter> = {
  callmanager: startCallManager,
  notify: startNotify,
};

export interface RunningNode {
  readonly services: readonly RunningService[];
  readonly store: Store;
  readonly clock: SwitchableClock;
  close(): Promise<void>;
}

export async function startNode(config: PoiseConfig, log: Logger): Promise<RunningNode> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const clock = new SwitchableClock();
  const services: RunningService[] = [];
  const close = async () => {
    for (const service of [...services].reverse()) await service.close();
    clock.close();
    await store.close();
  };
  const peers: NodePeers = {};
  try {
    for (const name of config.services) {
      const serviceLog = log.child({ service: name });
      services.push(await STARTERS[name]({ config, store, log: serviceLog, clock, peers }));
      serviceLog.info('service started');
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { services, store, clock, close };
}
