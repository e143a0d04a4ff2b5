// The engine service: its configuration in its own tables, the live engine over the call manager's telephony
// provider (reached in-process through ServiceContext.started), and the CTI server.
import type { CallManager } from '../callmanager/index.ts';
import { AGENT, SUPERVISOR } from '../callmanager/directory/roles.ts';
import { SERVICE_ACCOUNTS } from '../shared/demo-contact-center.ts';
import type { RunningService, ServiceContext } from '../shared/service.ts';
import { seedEngineDemo } from './config/demo-seed.ts';
import { EngineRepository } from './config/repository.ts';
import { CtiServer } from './cti/server.ts';
import { openEngine, type Engine } from './engine.ts';
import type { AgentDirectory } from './resources/agent-directory.ts';
import { adminContext, type Person } from './adminapi/context.ts';
import { ADMIN_API_PREFIX, adminApiPlugin, type AdminApiOptions } from './adminapi/plugin.ts';
import { AdminAuthenticator } from './adminapi/principal.ts';
import { AxlUserDirectory } from '../shared/axl/axl-user-directory.ts';
import { openBroker, type StatisticsBroker } from '../livedata/broker/index.ts';
import { StatisticsFeed } from './stats/statistics-feed.ts';
import { PostgresMastership } from './mastership/pg-mastership.ts';
import { openFailover, type EngineFailover } from './replication/engine-failover.ts';

export { ADMIN_API_PREFIX, adminApiPlugin };

export interface EngineService extends RunningService {
  readonly engine: Engine;
  readonly cti: CtiServer;
  readonly ctiPort: number;
  /** The Configuration API (adminapi.md), mounted by the web service on its ports under ADMIN_API_PREFIX. */
  readonly adminApi: AdminApiOptions;
  /** The statistics stream to Live Data (docs/livedata.md); Live Data in this process shares it. */
  readonly statisticsBroker: StatisticsBroker;
  /** The engine's role and the live-state copy between the engines of a pair (docs/failover.md). */
  readonly failover: EngineFailover;
}

export function isEngineService(service: RunningService | undefined): service is EngineService {
  return service?.name === 'engine' && 'adminApi' in service;
}

/** The call manager's agents and supervisors with a primary extension: the resources (adminapi.md §2.2). */
function peopleOf(callmanager: CallManager): () => Promise<readonly Person[]> {
  return async () => (await callmanager.directory.listEndUsers({ userid: '%' })).flatMap((u) => {
    const isSupervisor = u.roles.includes(SUPERVISOR);
    if ((!u.roles.includes(AGENT) && !isSupervisor) || !u.primaryExtension) return [];
    return [{
      userId: u.userid, firstName: u.firstName ?? '', lastName: u.lastName, extension: u.primaryExtension.pattern,
      type: isSupervisor ? 'SUPERVISOR' as const : 'AGENT' as const,
    }];
  });
}

export function isCallManager(service: RunningService | undefined): service is CallManager {
  return service?.name === 'callmanager' && 'provider' in service;
}

/** The call manager's agents through its directory interface (never its tables). */
export function agentDirectoryOf(callmanager: CallManager): AgentDirectory {
  return {
    async listAgents() {
      const users = await callmanager.directory.listEndUsers({ userid: '%' });
      return users.flatMap((u) => {
        const isSupervisor = u.roles.includes(SUPERVISOR);
        if ((!u.roles.includes(AGENT) && !isSupervisor) || !u.primaryExtension) return [];
        return [{
          userId: u.userid, extension: u.primaryExtension.pattern, type: isSupervisor ? 'SUPERVISOR' as const : 'AGENT' as const,
          devices: u.associatedDevices, firstName: u.firstName ?? undefined, lastName: u.lastName,
        }];
      });
    },
    onChange(listener) {
      return callmanager.directory.onChange((change) => { if (change.entity !== 'appUser') listener(); });
    },
  };
}

/** The advisory lock the engines of a cluster contend for ("POIS" in ASCII). */
const ENGINE_LOCK_KEY = 0x504f4953;

export async function startEngine(context: ServiceContext): Promise<EngineService> {
  const { config, store, log, clock } = context;
  const callmanager = context.started.get('callmanager');
  if (!isCallManager(callmanager)) {
    throw new Error('the engine needs the call manager in this process (a remote provider link is not built yet)');
  }
  await store.migrate('engine');
  const repository = new EngineRepository(store.db);
  await seedEngineDemo(repository, { loadAgents: config.demo.extraAgents, log });
  const engine = await openEngine({
    provider: callmanager.provider, credentials: { appUser: SERVICE_ACCOUNTS.provider, password: callmanager.demoPassword },
    directory: agentDirectoryOf(callmanager), repository, clock, log,
    // a standby claims no device and acts on no call until it is master
    active: config.engine.role === 'master',
  });
  const cti = new CtiServer({
    engine, clock, log: log.child({ component: 'cti' }), host: config.host, port: config.ports.cti,
    client: config.engine.ctiClient, role: config.engine.role === 'master' ? 'master' : 'standby',
  });
  const ctiPort = await cti.listen();
  const failover = await openFailover({ engine, cti, config, log: log.child({ component: 'replication' }) });
  // An elected engine starts standby and follows the cluster's lock on the shared database.
  const mastership = config.engine.role === 'elected' && config.databaseUrl ? new PostgresMastership({
    connectionString: config.databaseUrl, lockKey: ENGINE_LOCK_KEY, log: log.child({ component: 'mastership' }),
    onRole: (role) => void failover.setRole(role),
  }) : undefined;
  mastership?.start();
  // Users are checked as UCCX checks them: AXL doAuthenticateUser with the read-only account (adminapi.md §1.3).
  const axl = callmanager.axlLoopback;
  const adminApi: AdminApiOptions = {
    context: adminContext(store.db, peopleOf(callmanager), () => engine.reload()),
    authenticator: new AdminAuthenticator(new AxlUserDirectory(axl), config.web.authCacheSeconds * 1000),
    engine,
  };
  const statisticsBroker = await openBroker(config.livedata.brokerUrl, log.child({ component: 'statistics-broker' }));
  const feed = new StatisticsFeed({ engine, broker: statisticsBroker, clock });
  const people = peopleOf(callmanager);
  const refreshNames = async () => feed.setNames(new Map((await people()).map((p) => [p.userId, p])));
  await refreshNames();
  const unwatchNames = callmanager.directory.onChange((change) => {
    if (change.entity !== 'appUser') refreshNames().catch((err: unknown) => log.warn({ err }, 'agent names not refreshed'));
  });
  feed.publishAll();
  return {
    name: 'engine', engine, cti, ctiPort, adminApi, statisticsBroker, failover,
    endpoints: [{ label: 'CTI server (Cisco CTI protocol v14)', url: `tcp://${config.publicHost}:${ctiPort}` }],
    async close() {
      await mastership?.close();
      await failover.close();
      unwatchNames();
      feed.close();
      await cti.close();
      await engine.close();
      await statisticsBroker.close();
    },
  };
}
