// The notification service (Finesse Notification Service's role): XMPP over TCP, BOSH and WebSocket, pubsub at
// pubsub.<domain>; users sign in with their call-manager password, checked through AXL (notifications.md §2).
import type { RunningService, ServiceContext } from '../shared/service.ts';
import { sharedSignInsOf, withSharedSignIns } from '../shared/axl/shared-sign-ins.ts';
import { AxlUserDirectory } from '../shared/axl/axl-user-directory.ts';
import { CredentialCache } from '../shared/basic-auth.ts';
import { loadTlsMaterial } from '../shared/tls.ts';
import { SERVICE_ACCOUNTS } from '../shared/demo-contact-center.ts';
import type { CallManager } from '../callmanager/index.ts';
import { NotifyServer, type NotifyPublisher } from './notify-server.ts';
import { listenTcp } from './transports/tcp.ts';
import { listenHttp, NotifyWebEndpoints } from './transports/http-server.ts';
import { TeamDirectoryLink, teamDirectoryOf } from './pubsub/team-directory-link.ts';
import type { TeamMemberships } from './pubsub/team-memberships.ts';
import { RedisNotificationFanout, fanoutChannel } from './fanout/redis-fanout.ts';
import { randomUUID } from 'node:crypto';

export { NotifyServer, type NotifyPublisher } from './notify-server.ts';
export type { PubsubPolicy, TeamDirectory } from './pubsub/policy.ts';
export { TeamDirectoryLink } from './pubsub/team-directory-link.ts';

export interface NotifyService extends RunningService {
  readonly publisher: NotifyPublisher;
  readonly server: NotifyServer;
  /** Supervisors' teams for the subscription policy; `web` in this process plugs its team directory in. */
  readonly teams: TeamDirectoryLink;
  /** Bound listener ports, for tests and the printed URLs. */
  readonly ports: { xmpp: number; xmppTls: number; bosh: number; boshHttps: number };
}

const SIGN_IN_MEMORY_MS = 60_000;

// The call manager's own check, repeated: importing it would load the whole call manager into a notify-only node.
const isCallManager = (service: RunningService | undefined): service is CallManager =>
  service !== undefined && service.name === 'callmanager' && 'axlLoopback' in service;

export const isNotifyService = (service: RunningService | undefined): service is NotifyService =>
  service?.name === 'notify' && 'publisher' in service && 'server' in service;

export async function startNotify(context: ServiceContext): Promise<NotifyService> {
  const { config, log, started } = context;
  const callmanager = started.get('callmanager');
  const domain = config.notify.xmppDomain;
  // In one process the call manager says where AXL is and the account's password; alone, the configuration does.
  const axlAccount = isCallManager(callmanager) ? callmanager.axlLoopback : {
    url: config.notify.axlUrl ?? `http://127.0.0.1:${config.ports.callmanagerHttp}/axl/`,
    userid: SERVICE_ACCOUNTS.axlReadOnly, password: config.demo.password ?? '',
  };
  if (axlAccount.password === '') log.warn('no password for the AXL account; XMPP sign-in will fail (set POISE_DEMO_PASSWORD)');
  const sharedSignIns = sharedSignInsOf(config, log);
  const axl = sharedSignIns ? withSharedSignIns(new AxlUserDirectory(axlAccount), sharedSignIns) : new AxlUserDirectory(axlAccount);
  // A desktop that reconnects signs in again: a recent success is believed without another SOAP call.
  const recentSignIns = new CredentialCache<true>(SIGN_IN_MEMORY_MS);
  const teams = new TeamDirectoryLink();
  const server = new NotifyServer({
    domain, log, teams,
    // Alone, the teams come from the web service in another node, over its publisher link (docs/notify.md).
    ...(config.services.includes('web') ? {} : { onTeams: (memberships: TeamMemberships) => teams.use(teamDirectoryOf(memberships)) }),
    ...(config.notify.publisher ? { otherPublishers: [config.notify.publisher] } : {}),
    // A web service in another node publishes as `finesse`, signed in with its AXL account (docs/notify.md).
    publisherAccounts: [config.web.axlUser], publisherInProcess: config.services.includes('web'),
    authenticate: async (userid, password) => {
      if (recentSignIns.get({ userid, password })) return true;
      const ok = await axl.authenticate(userid, password);
      if (ok) recentSignIns.set({ userid, password }, true);
      return ok;
    },
  });
  // Across the nodes of a cluster, every item reaches every node's sessions through Redis (docs/notify.md).
  const origin = randomUUID();   // this process, as the other nodes tell its items from theirs
  const fanout = config.notify.redisUrl
    ? new RedisNotificationFanout({ url: config.notify.redisUrl, channel: fanoutChannel(domain), origin, log })
    : undefined;
  if (fanout) {
    if (!await fanout.ready()) log.warn({}, 'notification fan-out: Redis not reached yet; this node delivers its own items until it is');
    server.useFanout(fanout, origin);
  }
  const material = await loadTlsMaterial({
    certFile: config.tls.certFile, keyFile: config.tls.keyFile, dataDir: config.dataDir, hostName: config.publicHost,
  });
  const keyPair = { cert: material.cert, key: material.key };
  // §8: STARTTLS only with a configured certificate (Smack accepts the offer, then rejects a self-signed one).
  const tcp = await listenTcp({
    host: config.host, port: config.ports.xmpp, notify: server, log,
    ...(material.selfSigned ? {} : { tls: { ...keyPair, mode: 'starttls' as const } }),
  });
  const closeOnFailure = (...listeners: Array<{ close(): Promise<void> }>) => async (err: unknown) => {
    await Promise.all(listeners.map((l) => l.close()));
    throw err;
  };
  const direct = await listenTcp({ host: config.host, port: config.ports.xmppTls, notify: server, log, tls: { ...keyPair, mode: 'direct' } })
    .catch(closeOnFailure(tcp));
  const endpoints = new NotifyWebEndpoints(server, log);
  const web = await listenHttp({ host: config.host, port: config.ports.bosh, endpoints }).catch(closeOnFailure(tcp, direct));
  // 7443: the same BOSH and WebSocket handlers over TLS, with the TLS port's certificate (§1).
  const webTls = await listenHttp({ host: config.host, port: config.ports.boshHttps, endpoints, tls: keyPair })
    .catch(closeOnFailure(tcp, direct, web));
  log.info({ domain, xmpp: tcp.port, xmppTls: direct.port, bosh: web.port, boshHttps: webTls.port, starttls: !material.selfSigned }, 'notification service listening');
  const httpBase = `http://${config.publicHost}:${web.port}`;
  const httpsBase = `https://${config.publicHost}:${webTls.port}`;
  return {
    name: 'notify', publisher: server, server, teams, ports: { xmpp: tcp.port, xmppTls: direct.port, bosh: web.port, boshHttps: webTls.port },
    endpoints: [
      { label: `XMPP c2s (domain ${domain})`, url: `xmpp://${config.publicHost}:${tcp.port}` },
      { label: 'XMPP c2s, TLS from the first byte', url: `xmpps://${config.publicHost}:${direct.port}` },
      { label: 'XMPP over BOSH', url: `${httpBase}/http-bind` },
      { label: 'XMPP over BOSH, HTTPS', url: `${httpsBase}/http-bind` },
      { label: 'XMPP over WebSocket', url: `ws://${config.publicHost}:${web.port}/ws/` },
      { label: 'XMPP over WebSocket, TLS', url: `wss://${config.publicHost}:${webTls.port}/ws/` },
    ],
    async close() {
      server.shutdown();
      await fanout?.close();
      await sharedSignIns?.close();
      await endpoints.close();
      await Promise.all([tcp.close(), direct.close(), web.close(), webTls.close()]);
    },
  };
}
