// The web service (Finesse's REST API WAR): the REST API under /finesse/api/ on HTTP (8082) and HTTPS (8445),
// users authenticated against the call manager through AXL, configuration in the web schema.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { isCallManager } from '../callmanager/index.ts';
import { ADMIN_API_PREFIX, adminApiPlugin, isEngineService, type EngineService } from '../engine/index.ts';
import type { RunningService, ServiceContext } from '../shared/service.ts';
import { loadTlsMaterial } from '../shared/tls.ts';
import { Authenticator } from './auth/authenticator.ts';
import { sharedSignInsOf, withSharedSignIns } from '../shared/axl/shared-sign-ins.ts';
import { AxlUserDirectory } from '../shared/axl/axl-user-directory.ts';
import { forwardLivedata, isLivedataService } from '../livedata/index.ts';
import { authenticationHook } from './auth/hook.ts';
import type { UserDirectory } from '../shared/axl/user-directory.ts';
import { directoryClientLogSink } from './client-log-sink.ts';
import { API_PREFIX, buildWebApp } from './http/app.ts';
import type { RestContext } from './rest/context.ts';
import { REST_RESOURCES } from './rest/index.ts';
import { addNodeGuards } from './rest/node-guards.ts';
import { systemInfoNode, type SystemInfoState } from './rest/system-info.ts';
import { openWebConfigStore, type WebConfigStore } from './store/index.ts';
import { seedWebConfiguration } from './store/seed.ts';
import { reasonCodesForTeam } from './store/team-visible.ts';
import { CtiConnection } from './cti-client/index.ts';
import {
  LoggingPublisher, PubsubPublisher, RecordingPublisher, TeePublisher, XmppPublisher, renderUpdate, type Publisher,
} from './publisher/index.ts';
import { isNotifyService } from '../notify/index.ts';
import { AgentStateRequests } from './users/agent-state-requests.ts';
import { UserCache } from './users/user-cache.ts';
import { DialogCache } from './dialogs/dialog-cache.ts';
import { DialogRequests } from './dialogs/dialog-requests.ts';
import { QueueCache } from './queues/queue-cache.ts';
import { CsqNames } from './queues/csq-names.ts';
import { TeamDirectory } from './teams/team-directory.ts';
import { notifyTeamsOf, provisionTeamNodes, teamMembershipsOf } from './teams/team-nodes.ts';
import { TeamMessageBoard } from './teams/team-message-board.ts';
import { containerPlugin } from './container/plugin.ts';
import type { ContainerContext, DesktopSite } from './container/context.ts';
import { failoverTicketPlugin } from './failover/ticket-routes.ts';
import { TicketLedger } from './failover/ticket-ledger.ts';
import { forwardNotify } from './notify-forward.ts';

export interface WebService extends RunningService {
  readonly store: WebConfigStore;
  readonly authenticator: Authenticator;
  readonly apps: { http: FastifyInstance; https: FastifyInstance };
  /** The session to the engine's CTI server; undefined when no engine is configured or in this node. */
  readonly cti: CtiConnection | undefined;
  readonly users: UserCache;
  readonly dialogs: DialogCache;
  /** The engine's teams, read over CTI. */
  readonly teams: TeamDirectory;
  /** The engine's CSQ names, read over CTI (a Dialog's queueName). */
  readonly csqs: CsqNames;
  /** Every update, also kept in memory (for tests and troubleshooting), whichever way it reaches notify. */
  readonly publisher: RecordingPublisher;
  /** The XMPP link to a notification service in another node; undefined when notify runs here or is not configured. */
  readonly notifyLink: XmppPublisher | undefined;
}

export async function startWeb(context: ServiceContext): Promise<WebService> {
  const { config, store, log } = context;
  await store.migrate('web');
  const configStore = openWebConfigStore(store.db);
  await seedWebConfiguration(store.db, configStore, log);

  // Sign-ins checked on the peer are believed here, so desktops moving after a failover cost no password hash.
  const sharedSignIns = sharedSignInsOf(context.config, context.log);
  const directory = sharedSignIns ? withSharedSignIns(userDirectory(context), sharedSignIns) : userDirectory(context);
  const authenticator = new Authenticator({ directory, cacheTtlMs: config.web.authCacheSeconds * 1000 });
  // Every update is kept in memory (for tests and troubleshooting) and published to the notification service's
  // pubsub nodes: in this process by a call, in another node over XMPP (notifications.md §3.4).
  const publisher = new RecordingPublisher();
  const notify = context.started.get('notify');
  const notifyLink = isNotifyService(notify) ? undefined : remoteNotifyLink(context);
  const pubsub: Publisher | undefined = isNotifyService(notify) ? new PubsubPublisher(notify.publisher, log) : notifyLink;
  const outgoing = new LoggingPublisher(pubsub ? new TeePublisher([publisher, pubsub]) : publisher,
    log.child({ component: 'web-services' }));
  notifyLink?.start();
  const cti = ctiConnection(context);
  const teams = new TeamDirectory({ cti, log });
  provisionTeamNodes(teams, outgoing);
  // In one process the notification service reads supervisors' teams from here (team-directory-link.ts).
  if (isNotifyService(notify)) notify.teams.use(notifyTeamsOf(teams));
  // In another node it is sent them over the publisher link, whole after each sign-in and after each change.
  if (notifyLink) {
    notifyLink.shareTeams(() => teamMembershipsOf(teams));
    teams.onChange(() => notifyLink.teamsChanged());
  }
  const users = new UserCache({ directory, reasonCodes: configStore.reasonCodes, publisher: outgoing, cti, teams, log });
  const csqs = new CsqNames({ cti, log });
  const dialogs = new DialogCache({ publisher: outgoing, cti, log, queueName: (id) => csqs.nameOf(id) });
  const dialogRequests = new DialogRequests({ dialogs, publisher: outgoing, cti, log });
  const agentStates = new AgentStateRequests({
    users, publisher: outgoing, cti, log,
    reasonCodesOf: (userid, category) => reasonCodesForTeam(configStore, teams.teamOfUser(userid)?.id, category),
    otherCause: (event) => dialogs.causeOf(event)?.requestId,
  });
  const queues = new QueueCache({ cti, publisher: outgoing, log });
  const teamMessages = new TeamMessageBoard({ messages: configStore.teamMessages, publisher: outgoing, log });
  await teamMessages.start();
  cti?.start();
  const tls = await loadTlsMaterial({
    certFile: config.tls.certFile, keyFile: config.tls.keyFile, dataDir: config.dataDir, hostName: config.publicHost,
  });
  let httpPort = config.ports.web;
  let httpsPort = config.ports.webHttps;
  // With notify on another node (POISE_WEB_NOTIFY_HOST), web forwards /http-bind, /ws and /tunnel on its own ports
  // (notify-forward.ts): this node has no 7071/7443, so SystemInfo's xmppPort/xmppSecurePort (where finesse.js opens
  // BOSH on primaryNode.host) and the desktop's tunnel URL name web's ports, which do serve them.
  const remoteNotifyHost = isNotifyService(notify) ? undefined : config.web.notify.host;
  const forwardsNotify = remoteNotifyHost !== undefined;
  // The notification service's bound ports when it runs here (tests bind port 0); else the configured ones.
  const boshPorts = () => isNotifyService(notify) ? notify.ports
    : forwardsNotify ? { bosh: httpPort, boshHttps: httpsPort }
    : { bosh: config.ports.bosh, boshHttps: config.ports.boshHttps };
  const systemInfo = (): SystemInfoState => ({
    // rest-api.md §8, §1.4: OUT_OF_SERVICE while no engine serves CTI.
    status: !cti || cti.isOpen ? 'IN_SERVICE' : 'OUT_OF_SERVICE',
    statusReason: !cti || cti.isOpen ? '' : 'No CTI session to an active engine',
    // This node first, its peer second: finesse.js finds the other node by comparing xmppDomain with both.
    primaryNode: {
      host: config.publicHost, httpsPort, xmppPort: boshPorts().bosh, xmppSecurePort: boshPorts().boshHttps,
    },
    secondaryNode: config.peer,
    xmppDomain: config.notify.xmppDomain,
    timezoneOffset: -new Date().getTimezoneOffset(),
    now: new Date(),
  });
  // notifications.md §12: a SystemInfo PUT on every status change, to everyone.
  let lastStatus = systemInfo().status;
  const publishStatus = () => {
    const info = systemInfo();
    if (info.status === lastStatus) return;
    lastStatus = info.status;
    const uri = '/finesse/api/SystemInfo';
    outgoing.publish(uri, renderUpdate({ ...systemInfoNode(info), name: 'systemInfo' }, 'PUT', '', uri));
  };
  cti?.onOpen(publishStatus);
  cti?.onClose(publishStatus);
  const restContext: RestContext = {
    authenticate: authenticationHook(authenticator), store: configStore, systemInfo,
    clientLogs: directoryClientLogSink(path.resolve(config.dataDir, 'clientlogs')),
    users, agentStates, dialogs, dialogRequests, queues, teams, teamMessages, publisher: outgoing,
  };
  // docs/failover.md: of a pair, the node whose engine is master is the primary; the other one (or a node of a pair
  // that runs no engine) is the secondary, where configuration is not written (rest-api.md §7).
  const engine = context.started.get('engine');
  const isSecondaryNode = () => config.peer !== undefined && !(isEngineService(engine) && engine.cti.role === 'master');
  const appOptions = {
    log, maxBodyBytes: config.web.maxBodyBytes, resources: REST_RESOURCES, context: restContext,
    corsOrigins: config.web.corsOrigins,
    guards: (api: FastifyInstance) => addNodeGuards(api, { systemInfo, isSecondaryNode }),
  };
  const http = await buildWebApp(appOptions);
  const https = await buildWebApp({ ...appOptions, tls });
  const livedata = context.started.get('livedata');
  const site = (): DesktopSite => ({
    publicHost: config.publicHost, xmppDomain: config.notify.xmppDomain,
    webHttpPort: portOf(http), webHttpsPort: portOf(https),
    boshPort: boshPorts().bosh, boshHttpsPort: boshPorts().boshHttps,
    xmppTransport: config.web.desktopXmppTransport,
    livedataPort: isLivedataService(livedata) ? livedata.port : undefined,
  });
  const containerContext: ContainerContext = {
    site, systemInfo, store: configStore, authenticate: restContext.authenticate, log,
    thirdPartyGadgetDir: path.resolve(config.dataDir, '3rdpartygadget', 'files'),
  };
  for (const app of [http, https]) await app.register(containerPlugin, containerContext);
  // docs/failover.md, "The desktop moves": one ledger for both listeners, so a ticket signs in once per node.
  const ticketOptions = {
    authenticate: restContext.authenticate, clusterSecret: config.cluster.secret,
    ticketSeconds: config.failover.ticketSeconds, ownHost: config.publicHost, peerHost: config.peer?.host,
    ledger: new TicketLedger(), log: log.child({ component: 'failover-ticket' }),
  };
  for (const app of [http, https]) await app.register(failoverTicketPlugin, ticketOptions);
  // adminapi.md §1.1: with the engine in this process, /adminapi/ is served on web's ports too.
  if (isEngineService(engine)) {
    for (const app of [http, https]) await app.register(adminApiPlugin, { ...engine.adminApi, prefix: ADMIN_API_PREFIX });
  }
  // desktop-and-gadgets.md §6.2: Live Data on the web ports too, at /livedata/socket.io: served here when it runs in
  // this process, else forwarded to POISE_WEB_LIVEDATA_HOST (default this host) and its port.
  const livedataTarget = { host: config.web.livedata.host ?? loopbackFor(config.host), port: config.web.livedata.port };
  const detachLivedata = [http, https].map((app) => isLivedataService(livedata)
    ? livedata.server.attach(app.server, '/livedata/socket.io')
    : forwardLivedata(app.server, livedataTarget, log.child({ component: 'livedata-forward' })));
  const detachNotify = remoteNotifyHost === undefined ? [] : [http, https].map((app) => forwardNotify(app.server,
    { host: remoteNotifyHost, port: config.web.notify.boshPort }, log.child({ component: 'notify-forward' })));
  try {
    await http.listen({ host: config.host, port: config.ports.web });
    await https.listen({ host: config.host, port: config.ports.webHttps });
  } catch (err) {
    await Promise.all([http.close(), https.close(), cti?.close(), notifyLink?.close()]);
    agentStates.close();
    dialogRequests.close();
    queues.close();
    teamMessages.close();
    throw err;
  }
  httpPort = portOf(http);
  httpsPort = portOf(https);
  const host = config.publicHost;
  return {
    notes: [
      `Start here: open http://${host}:${portOf(http)}/desktop/ and sign in as agent1 with extension 1001;`,
      `  supervisor1 (extension 1101) watches the Sales team and its queues; admin configures at /cfadmin/.`,
      ...ringHint(context),
    ],
    name: 'web', store: configStore, authenticator, apps: { http, https }, cti, users, dialogs, teams, csqs, publisher, notifyLink,
    endpoints: [
      { label: 'Agent and supervisor desktop', url: `http://${host}:${portOf(http)}/desktop/` },
      { label: 'Agent and supervisor desktop (HTTPS)', url: `https://${host}:${httpsPort}/desktop/` },
      { label: 'Administration (admin)', url: `http://${host}:${portOf(http)}/cfadmin/` },
      { label: 'Finesse REST API', url: `https://${host}:${httpsPort}${API_PREFIX}/` },
      { label: 'Finesse REST API (plain HTTP)', url: `http://${host}:${portOf(http)}${API_PREFIX}/` },
      { label: 'SystemInfo', url: `http://${host}:${portOf(http)}${API_PREFIX}/SystemInfo` },
    ],
    async close() {
      // Their clients would hold the ports open; last attached, first detached, as each wraps the one before.
      for (const detach of [...detachLivedata, ...detachNotify].reverse()) detach();
      await Promise.all([http.close(), https.close()]);
      agentStates.close();
      dialogRequests.close();
      queues.close();
      teamMessages.close();
      await cti?.close();
      await notifyLink?.close();
      await sharedSignIns?.close();
    },
  };
}

/** Where a service bound to `host` on this machine is reached: a wildcard bind is reached on loopback. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

/** With the call manager in this node, the command that makes a customer call the Sales queue. */
function ringHint({ started }: ServiceContext): string[] {
  const callManager = started.get('callmanager');
  if (!isCallManager(callManager)) return [];
  const lab = callManager.axlLoopback.url.replace(/\/axl\/$/, '/lab/calls');
  return [`  A customer calls Sales: curl -u admin:${callManager.demoPassword} ${lab} -H 'content-type: application/json' -d '{"from":"+14085550100","to":"7001"}'`];
}

/**
 * AXL as the CCX realm uses it: the configured URL, else the call manager of this node on its loopback HTTP
 * listener, with the read-only service account (its password: configured, else the node's demo password).
 */
function userDirectory(context: ServiceContext): UserDirectory {
  const { config, started } = context;
  const callManager = started.get('callmanager');
  const url = config.web.axlUrl ?? (isCallManager(callManager) ? callManager.axlLoopback.url : undefined);
  const account = serviceAccount(context);
  if (!url || !account) {
    throw new Error('web needs AXL: run the call manager in this node, or set POISE_WEB_AXL_URL and POISE_WEB_AXL_PASSWORD');
  }
  return new AxlUserDirectory({ url, ...account });
}

/** Web's own application user: AXL's read-only account, which also signs in to a remote notify as its publisher. */
function serviceAccount({ config, started }: ServiceContext): { userid: string; password: string } | undefined {
  const callManager = started.get('callmanager');
  const password = config.web.axlPassword ?? (isCallManager(callManager) ? callManager.axlLoopback.password : undefined)
    ?? config.demo.password;
  return password ? { userid: config.web.axlUser, password } : undefined;
}

/** The notification service of another node (POISE_WEB_NOTIFY_HOST), reached over XMPP c2s as `finesse`. */
function remoteNotifyLink(context: ServiceContext): XmppPublisher | undefined {
  const { config, log } = context;
  const { host, port, retryMs } = config.web.notify;
  const account = serviceAccount(context);
  if (host === undefined || !account) {
    log.warn('no notification service in this node and POISE_WEB_NOTIFY_HOST unset: notifications are kept in memory only');
    return undefined;
  }
  return new XmppPublisher({
    service: `xmpp://${host.includes(':') ? `[${host}]` : host}:${port}`, domain: config.notify.xmppDomain, account,
    resource: `poise-web-${config.publicHost}`, retryInitialMs: retryMs, log,
  });
}

/**
 * The engine's CTI server: the configured address, else the engine of this node. The ClientID is the configured
 * CTI user, else `poise-ws-<host>` (cti.md §9.3: web nodes use distinct ClientIDs).
 */
function ctiConnection({ config, started, log }: ServiceContext): CtiConnection | undefined {
  const engine = started.get('engine');
  const local = isEngineService(engine) ? engine.ctiPort : undefined;
  const user = config.engine.ctiClient;
  const clientId = user?.id ?? `poise-ws-${config.publicHost}`;
  if (config.web.cti.engines) {
    // cti.md §9.4: sessions to both engines of a pair; `local` is this node's own.
    const engines = config.web.cti.engines.flatMap((entry) => entry !== 'local' ? [entry]
      : local === undefined ? [] : [{ host: loopbackOf(config.host), port: local }]);
    if (engines.length > 0) {
      return new CtiConnection({ engines, clientId, clientPassword: user?.password ?? '', retryInitialMs: config.web.cti.retryMs,
        heartbeatMs: config.web.cti.heartbeatMs, log });
    }
  }
  const host = config.web.cti.host ?? (local === undefined ? undefined : loopbackOf(config.host));
  if (host === undefined) {
    log.warn('no engine in this node and POISE_WEB_CTI_HOST unset: agent state changes are unavailable');
    return undefined;
  }
  const port = config.web.cti.host === undefined && local !== undefined ? local : config.web.cti.port;
  return new CtiConnection({
    host, port, clientId, clientPassword: user?.password ?? '',
    retryInitialMs: config.web.cti.retryMs, heartbeatMs: config.web.cti.heartbeatMs, log,
  });
}

const loopbackOf = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

function portOf(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
