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

export interface EngineService extends RunningService {
  readonly engine: Engine;
  readonly cti: CtiServer;
  readonly ctiPort: number;
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
        return [{ userId: u.userid, extension: u.primaryExtension.pattern, type: isSupervisor ? 'SUPERVISOR' as const : 'AGENT' as const, devices: u.associatedDevices }];
      });
    },
    onChange(listener) {
      return callmanager.directory.onChange((change) => { if (change.entity !== 'appUser') listener(); });
    },
  };
}

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
  });
  const cti = new CtiServer({
    engine, clock, log: log.child({ component: 'cti' }), host: config.host, port: config.ports.cti,
    client: config.engine.ctiClient,
  });
  const ctiPort = await cti.listen();
  return {
    name: 'engine', engine, cti, ctiPort,
    endpoints: [{ label: 'CTI server (Cisco CTI protocol v14)', url: `tcp://${config.publicHost}:${ctiPort}` }],
    async close() {
      await cti.close();
      await engine.close();
    },
  };
}
