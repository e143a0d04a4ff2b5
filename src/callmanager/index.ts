// The call-manager service: directory over the store, the call model and its telephony provider, AXL and the
// lab API on HTTPS (8443) and on plain HTTP for loopback clients.
import type { FastifyInstance } from 'fastify';
import type { RunningService, ServiceContext } from '../shared/service.ts';
import { loadTlsMaterial } from '../shared/tls.ts';
import { AGENT, SUPERVISOR } from './directory/roles.ts';
import { CallModel } from './calls/call-model.ts';
import type { CallEvent } from './calls/types.ts';
import { MemoryDialPlan } from './calls/memory-dial-plan.ts';
import { Directory } from './directory/directory.ts';
import type { DirectoryChange } from './directory/types.ts';
import { TelephonyProvider } from './provider/provider.ts';
import { seedDemoContactCenter } from './demo-seed.ts';
import { syncDialPlan } from './dial-plan-sync.ts';
import { buildCallManagerApp } from './http-app.ts';
import { labTelephonyOver } from './lab/call-model-telephony.ts';
import { DEMO_ADMINISTRATOR, SERVICE_ACCOUNTS } from '../shared/demo-contact-center.ts';
import { ProviderLinkServer } from './provider-link/server.ts';
import { linkAgentsOf, onAgentsChange } from './provider-link/link-agents.ts';

const LAB_LONG_POLL_MS = 25_000; // telephony-and-routing.md §4.1

export interface CallManager extends RunningService {
  readonly directory: Directory;
  readonly calls: CallModel;
  readonly provider: TelephonyProvider;
  readonly dialPlan: MemoryDialPlan;
  /** AXL for this node's own services: the loopback plain-HTTP URL and the read-only service account (axl.md §2). */
  readonly axlLoopback: { url: string; userid: string; password: string };
  /** The demo password, which the seeded service accounts (poise_jtapi, poise_axl) also use. */
  readonly demoPassword: string;
  /** The provider link's port (JSON over WebSocket), for engines in other processes. */
  readonly providerLinkPort: number;
  /** The listeners, for tests: the HTTPS one and the plain-HTTP one. */
  readonly apps: { https: FastifyInstance; http: FastifyInstance };
}

export async function startCallManager(context: ServiceContext): Promise<CallManager> {
  const { config, store, log, clock } = context;
  await store.migrate('callmanager');
  const directory = new Directory(store.db, { log });
  await directory.ensureDefaults();
  const demo = await seedDemoContactCenter(store.db, {
    password: config.demo.password, loadAgents: config.demo.extraAgents, log,
  });

  const dialPlan = new MemoryDialPlan();
  const knownDevices = new Set<string>();
  const personsPhones = new Set<string>();
  const refreshDialPlan = async () => {
    syncDialPlan(dialPlan, await directory.listDialPlan(), knownDevices);
    const people = await directory.listEndUsers({ userid: '%' });
    personsPhones.clear();
    for (const user of people) {
      if (user.roles.includes(AGENT) || user.roles.includes(SUPERVISOR)) {
        for (const device of user.associatedDevices) personsPhones.add(device);
      }
    }
  };
  await refreshDialPlan();
  // Directory writes are rare next to calls: re-reading it whole after each one keeps the sync simple.
  let refreshing = Promise.resolve();
  const unwatch = directory.onChange((change) => {
    const refresh = change.entity === 'appUser' ? () => refreshGrant(change) : refreshDialPlan;
    refreshing = refreshing.then(refresh).catch((err: unknown) => log.error({ err }, 'directory refresh failed'));
  });
  // An application user's devices decide what its open provider sessions may control (axl.md §5.6).
  const refreshGrant = async (change: DirectoryChange) => {
    if (change.action === 'removed') return; // its sessions keep running until they shut down
    const appUser = await directory.getAppUser({ uuid: change.uuid });
    provider.updateGrant({ userid: appUser.userid, associatedDevices: appUser.associatedDevices });
  };

  const calls = new CallModel({
    dialPlan, now: () => clock.now(),
    onListenerError: (err) => log.error({ err }, 'call event listener failed'),
  });
  const callLog = log.child({ component: 'calls' });
  const unlog = calls.subscribe((event: CallEvent) => callLog.info(event, 'call event'));
  const provider = new TelephonyProvider({
    model: calls, devices: dialPlan,
    authenticateAppUser: async (userid, password) => {
      const principal = await directory.authenticate(userid, { password });
      return principal?.kind === 'appUser' ? { userid: principal.userid, associatedDevices: principal.associatedDevices } : null;
    },
  });

  const tls = await loadTlsMaterial({
    certFile: config.tls.certFile, keyFile: config.tls.keyFile, dataDir: config.dataDir, hostName: config.publicHost,
  });
  const telephony = labTelephonyOver(calls, dialPlan);
  const appOptions = {
    log,
    axl: { directory, ccmVersion: config.callmanager.ccmVersion, maxBodyBytes: config.callmanager.axlMaxBodyBytes },
    lab: config.callmanager.labEnabled ? {
      telephony, clock, allowRemote: config.callmanager.labAllowRemote, longPollMs: LAB_LONG_POLL_MS,
      isPersonsPhone: (device: string) => personsPhones.has(device),
      authenticate: async ({ userid, password }: { userid: string; password: string }) => directory.authenticate(userid, { password }),
    } : undefined,
  };
  const https = await buildCallManagerApp({ ...appOptions, tls });
  const http = await buildCallManagerApp(appOptions);
  await https.listen({ host: config.host, port: config.ports.callmanager });
  // Plain HTTP is for this machine's own clients only (axl.md §1: CUCM itself serves AXL over HTTPS alone).
  await http.listen({ host: '127.0.0.1', port: config.ports.callmanagerHttp });
  const providerLink = new ProviderLinkServer({
    provider, agents: linkAgentsOf(directory), onDirectoryChange: (listener) => onAgentsChange(directory, listener),
    host: config.host, port: config.ports.provider, log: log.child({ component: 'provider-link' }),
  });
  const providerLinkPort = await providerLink.listen();

  const portOf = (app: FastifyInstance) => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  const host = config.publicHost;
  const httpsBase = `https://${host}:${portOf(https)}`;
  const httpBase = `http://127.0.0.1:${portOf(http)}`;
  return {
    name: 'callmanager', directory, calls, provider, dialPlan, apps: { https, http }, demoPassword: demo.password, providerLinkPort,
    axlLoopback: { url: `${httpBase}/axl/`, userid: SERVICE_ACCOUNTS.axlReadOnly, password: demo.password },
    endpoints: [
      { label: 'AXL (SOAP)', url: `${httpsBase}/axl/` },
      { label: 'AXL (SOAP, plain HTTP)', url: `${httpBase}/axl/` },
      { label: 'AXL WSDL', url: `${httpBase}/axl/?wsdl` },
      { label: 'Provider link (JSON, WebSocket)', url: `ws://${host}:${providerLinkPort}` },
      ...(config.callmanager.labEnabled ? [{ label: 'Lab API (JSON)', url: `${httpBase}/lab/` }] : []),
    ],
    notes: [
      `Demo logins (password for all: ${demo.password})`,
      `  administrator  ${DEMO_ADMINISTRATOR.userid}`,
      '  agents         agent1 … agent5 (Sales, 1001–1005), agent6 … agent10 (Support, 1006–1010)',
      '  supervisors    supervisor1 (Sales, 1101), supervisor2 (Support, 1102)',
      '  route points   7001 (Sales), 7002 (Support)',
      ...(demo.loadAgents > 0 ? [`  load agents    load1 … load${demo.loadAgents} (from 20001), supervisors loadsup1 …`] : []),
      ...(tls.selfSigned ? ['  (HTTPS uses a self-signed certificate from the data directory: curl -k)'] : []),
    ],
    async close() {
      unwatch();
      unlog();
      await providerLink.close();
      await Promise.all([https.close(), http.close()]);
      await refreshing;
    },
  };
}

/** Narrows a peer found in `ServiceContext.started` to the call manager. */
export const isCallManager = (service: RunningService | undefined): service is CallManager =>
  service !== undefined && service.name === 'callmanager' && 'axlLoopback' in service;
