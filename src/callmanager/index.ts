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
import { TelephonyProvider } from './provider/provider.ts';
import { seedDemoContactCenter } from './demo-seed.ts';
import { syncDialPlan } from './dial-plan-sync.ts';
import { buildCallManagerApp } from './http-app.ts';
import { labTelephonyOver } from './lab/call-model-telephony.ts';
import { DEMO_ADMINISTRATOR, SERVICE_ACCOUNTS } from '../shared/demo-contact-center.ts';

const LAB_LONG_POLL_MS = 25_000; // telephony-and-routing.md §4.1

export interface CallManager extends RunningService {
  readonly directory: Directory;
  readonly calls: CallModel;
  readonly provider: TelephonyProvider;
  readonly dialPlan: MemoryDialPlan;
  /** The listeners, for tests: the HTTPS one and the plain-HTTP one. */
  readonly apps: { https: FastifyInstance; http: FastifyInstance };
}

export async function startCallManager(context: ServiceContext): Promise<CallManager> {
  const { config, store, log, clock } = context;
  await store.migrate('callmanager');
  const directory = new Directory(store.db, { log });
  await directory.ensureDefaults();
  const demo = await seedDemoContactCenter(store.db, directory, {
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
    if (change.entity === 'appUser') return;
    refreshing = refreshing.then(refreshDialPlan).catch((err: unknown) => log.error({ err }, 'dial plan refresh failed'));
  });

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
  await http.listen({ host: config.host, port: config.ports.callmanagerHttp });

  const portOf = (app: FastifyInstance) => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  const host = config.publicHost;
  const httpsBase = `https://${host}:${portOf(https)}`;
  const httpBase = `http://${host}:${portOf(http)}`;
  // Services of this node reach AXL over loopback plain HTTP, as the read-only account (axl.md §2).
  const loopback = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  context.peers.axl = {
    url: `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${portOf(http)}/axl/`,
    userid: SERVICE_ACCOUNTS.axlReadOnly, password: demo.password,
  };
  return {
    name: 'callmanager', directory, calls, provider, dialPlan, apps: { https, http },
    endpoints: [
      { label: 'AXL (SOAP)', url: `${httpsBase}/axl/` },
      { label: 'AXL (SOAP, plain HTTP)', url: `${httpBase}/axl/` },
      { label: 'AXL WSDL', url: `${httpBase}/axl/?wsdl` },
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
      await Promise.all([https.close(), http.close()]);
      await refreshing;
    },
  };
}
