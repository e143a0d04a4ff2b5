// The engine service: its configuration in its own tables, the live engine over the call manager's telephony
// provider (in-process through ServiceContext.started, or over the provider link when the call manager runs
// elsewhere), and the CTI server.
import type { CallManager } from '../callmanager/index.ts';
import { linkAgentsOf, onAgentsChange } from '../callmanager/provider-link/link-agents.ts';
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
import { isPaired, openFailover, type EngineFailover } from './replication/engine-failover.ts';
import { CheckpointStore, StateCheckpoint, usableState } from './replication/state-checkpoint.ts';
import { inProcessProvider } from './provider-link/in-process-session.ts';
import { ProviderLinkClient } from './provider-link/link-client.ts';
import { RegistrationGate } from './provider-link/registration-gate.ts';
import type { SessionOpener } from './provider-link/async-session.ts';

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

export function isCallManager(service: RunningService | undefined): service is CallManager {
  return service?.name === 'callmanager' && 'provider' in service;
}

/** The call manager's agents through its directory interface (never its tables). */
export function agentDirectoryOf(callmanager: CallManager): AgentDirectory {
  return {
    listAgents: linkAgentsOf(callmanager.directory),
    onChange: (listener) => onAgentsChange(callmanager.directory, listener),
  };
}

/** The agents and supervisors as resources (adminapi.md §2.2). */
function peopleOf(directory: AgentDirectory): () => Promise<readonly Person[]> {
  return async () => (await directory.listAgents()).map((a) => ({
    userId: a.userId, firstName: a.firstName ?? '', lastName: a.lastName ?? '', extension: a.extension, type: a.type,
  }));
}

interface TelephonyAccess {
  readonly provider: SessionOpener;
  readonly password: string;
  readonly directory: AgentDirectory;
  /** AXL for administrator sign-in (adminapi.md §1.3). */
  readonly axl: { url: string; userid: string; password: string };
  /** Over the link the engines of a pair share the call manager: only the master registers devices. */
  readonly gate?: RegistrationGate;
  readonly close?: () => void;
}

/** The call manager in this process, or its provider link and AXL over the network (POISE_ENGINE_PROVIDER_URL). */
function telephonyAccess(context: ServiceContext): TelephonyAccess {
  const { config, log } = context;
  const callmanager = context.started.get('callmanager');
  if (isCallManager(callmanager) && !config.engine.providerUrl) {
    return {
      provider: inProcessProvider(callmanager.provider), password: callmanager.demoPassword,
      directory: agentDirectoryOf(callmanager), axl: callmanager.axlLoopback,
    };
  }
  const password = config.engine.providerPassword;
  if (!password) throw new Error('the engine needs POISE_ENGINE_PROVIDER_PASSWORD or POISE_DEMO_PASSWORD to open the call manager\'s provider link');
  const link = new ProviderLinkClient({
    url: config.engine.providerUrl ?? `ws://127.0.0.1:${config.ports.provider}`, log: log.child({ component: 'provider-link' }),
  });
  const gate = new RegistrationGate(link, config.engine.role === 'master', log.child({ component: 'provider-link' }));
  return {
    provider: gate, gate, password, directory: link.directory,
    axl: {
      url: config.engine.axlUrl ?? `http://127.0.0.1:${config.ports.callmanagerHttp}/axl/`,
      userid: SERVICE_ACCOUNTS.axlReadOnly, password: config.demo.password ?? password,
    },
    close: () => link.shutdown(),
  };
}

/** The advisory lock the engines of a cluster contend for ("POIS" in ASCII). */
const ENGINE_LOCK_KEY = 0x504f4953;

export async function startEngine(context: ServiceContext): Promise<EngineService> {
  const { config, store, log, clock } = context;
  const telephony = telephonyAccess(context);
  await store.migrate('engine');
  const repository = new EngineRepository(store.db);
  await seedEngineDemo(repository, { loadAgents: config.demo.extraAgents, log });
  // An engine alone keeps its live state in its store; one that finds a checkpoint starts standby and takes it
  // back before it serves CTI, so the first replay web gets already shows the agents and their calls.
  const checkpoints = isPaired(config) ? undefined : new CheckpointStore(store.db);
  const saved = await checkpoints?.read();
  const resuming = saved !== undefined && config.engine.role === 'master';
  const startsMaster = config.engine.role === 'master' && !resuming;
  const engine = await openEngine({
    provider: telephony.provider, credentials: { appUser: SERVICE_ACCOUNTS.provider, password: telephony.password },
    directory: telephony.directory, repository, clock, log,
    // a standby claims no device and acts on no call until it is master
    active: startsMaster,
    releaseOnStandby: telephony.gate === undefined,
  });
  const cti = new CtiServer({
    engine, clock, log: log.child({ component: 'cti' }), host: config.host, port: config.ports.cti,
    client: config.engine.ctiClient, role: startsMaster ? 'master' : 'standby',
  });
  const ctiPort = await cti.listen();
  let feed: StatisticsFeed | undefined;
  const failover = await openFailover({
    engine, cti, config, log: log.child({ component: 'replication' }), startStandby: resuming,
    // over the link, the gate registers the devices the engine asked for once this engine is master
    onActive: (active) => {
      telephony.gate?.setActive(active);
      // Configuration written while this engine was standby reloaded only the master that took the write; both
      // read the one store, so a new master reads it again before its first routing decisions go far.
      if (active) void engine.reload();
      // a new master's figures replace the old master's at once (the feed speaks only while the engine is active);
      // a standby announces itself, so Live Data shows standby rather than waiting for figures
      setImmediate(() => feed?.publishAll());
    },
  });
  // An elected engine starts standby and follows the cluster's lock on the shared database.
  const mastership = config.engine.role === 'elected' && config.databaseUrl ? new PostgresMastership({
    connectionString: config.databaseUrl, lockKey: ENGINE_LOCK_KEY, log: log.child({ component: 'mastership' }),
    onRole: (role) => void failover.setRole(role),
  }) : undefined;
  mastership?.start();
  if (resuming) await failover.resume(usableState(saved, engine.session.callManagerRunId, Date.now(), log));
  const checkpoint = checkpoints && new StateCheckpoint({ engine, store: checkpoints, log });
  // Users are checked as UCCX checks them: AXL doAuthenticateUser with the read-only account (adminapi.md §1.3).
  const people = peopleOf(telephony.directory);
  const adminApi: AdminApiOptions = {
    context: adminContext(store.db, people, () => engine.reload()),
    authenticator: new AdminAuthenticator(new AxlUserDirectory(telephony.axl), config.web.authCacheSeconds * 1000),
    engine,
  };
  const statisticsBroker = await openBroker(config.livedata.brokerUrl, log.child({ component: 'statistics-broker' }));
  feed = new StatisticsFeed({
    engine, broker: statisticsBroker, clock, publishing: () => engine.active,
    nodeName: `${config.publicHost}:${ctiPort}`,                  // host and CTI port: unique even for a pair on one host
  });
  const refreshNames = async () => feed?.setNames(new Map((await people()).map((p) => [p.userId, p])));
  await refreshNames();
  const unwatchNames = telephony.directory.onChange?.(() => {
    refreshNames().catch((err: unknown) => log.warn({ err }, 'agent names not refreshed'));
  });
  feed.publishAll();
  return {
    name: 'engine', engine, cti, ctiPort, adminApi, statisticsBroker, failover,
    endpoints: [{ label: 'CTI server (Cisco CTI protocol v14)', url: `tcp://${config.publicHost}:${ctiPort}` }],
    async close() {
      await mastership?.close();
      await checkpoint?.close();
      await failover.close();
      unwatchNames?.();
      feed?.close();
      await cti.close();
      await engine.close();
      telephony.close?.();
      await statisticsBroker.close();
    },
  };
}
