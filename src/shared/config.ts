import { z } from 'zod';
import { expandClusterSettings } from './cluster-config.ts';

/** The services one node can run, in start order; `--only=` picks a subset. */
export const SERVICE_NAMES = ['callmanager', 'notify', 'engine', 'livedata', 'web'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Env = z.object({
  POISE_HOST: z.string().min(1).default('127.0.0.1'),                 // listeners bind here
  POISE_PUBLIC_HOST: z.string().optional(),                           // printed URLs; defaults to POISE_HOST
  POISE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),                          // unset: embedded PGlite in the data dir
  POISE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POISE_ONLY: z.string().optional(),                                   // comma-separated service names
  POISE_WEB_PORT: port.default(8082),
  POISE_WEB_HTTPS_PORT: port.default(8445),
  POISE_XMPP_PORT: port.default(5222),
  POISE_XMPP_TLS_PORT: port.default(5223),
  POISE_BOSH_PORT: port.default(7071),
  POISE_BOSH_HTTPS_PORT: port.default(7443),
  POISE_CTI_PORT: port.default(12018),
  POISE_CALLMANAGER_PORT: port.default(8443),                          // AXL and lab API, HTTPS
  POISE_CALLMANAGER_HTTP_PORT: port.default(8080),                     // same on plain HTTP, loopback
  POISE_LIVEDATA_PORT: port.default(12015),
  POISE_PROVIDER_PORT: port.default(2748),                             // the call manager's telephony provider link (JSON over WebSocket)
  POISE_STATISTICS_BROKER_URL: z.string().regex(/^(memory|amqps?|rediss?):\/\//, 'memory://, amqp:// or redis://').default('memory://'), // engine → Live Data stream
  POISE_LIVEDATA_AXL_URL: z.string().url().optional(),                 // AXL for Live Data sign-in when the call manager runs elsewhere
  POISE_TLS_CERT: z.string().optional(),                               // PEM files; unset: self-signed at first start
  POISE_TLS_KEY: z.string().optional(),
  POISE_DEMO_PASSWORD: z.string().min(4).optional(),                   // unset: generated at first start and stored
  POISE_DEMO_AGENTS: z.coerce.number().int().min(0).max(100_000).default(0),
  POISE_LAB_ENABLED: flag.default(true),
  POISE_LAB_ALLOW_REMOTE: flag.default(false),                         // the lab answers loopback clients only
  POISE_CCM_VERSION: z.string().regex(/^\d+\.\d+/).default('12.5.1.10000-22'),
  POISE_AXL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  POISE_XMPP_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]+$/).optional(),  // XMPP domain; defaults to the public host
  POISE_NOTIFY_PUBLISHER: z.string().regex(/^[^@/\s]+$/).optional(),   // a directory user who may publish to every node over c2s
  POISE_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'redis:// or rediss://').optional(), // notifications across the nodes of a cluster
  POISE_AXL_URL: z.string().url().optional(),                          // AXL for user sign-in when the call manager runs elsewhere
  POISE_CTI_CLIENT_ID: z.string().min(1).max(63).optional(),          // CTI user (cti.md §4.1); unset: every client
  POISE_CTI_CLIENT_PASSWORD: z.string().max(64).optional(),
  POISE_WEB_AXL_URL: z.string().url().optional(),                      // unset: this node's call manager (loopback)
  POISE_WEB_AXL_USER: z.string().min(1).default('poise_axl'),          // read-only AXL account (axl.md §2)
  POISE_WEB_AXL_PASSWORD: z.string().min(1).optional(),                // unset: the demo password
  POISE_WEB_AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  POISE_WEB_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024), // rest-api.md §1.5
  // rest-api.md §11 E8: origins (scheme://host[:port]) whose pages may call /finesse/api with credentials; empty: off
  POISE_WEB_CORS_ORIGINS: z.string().regex(/^\s*[a-z][a-z0-9+.-]*:\/\/[^,\s/]+\s*(,\s*[a-z][a-z0-9+.-]*:\/\/[^,\s/]+\s*)*$/i).optional(),
  POISE_WEB_CTI_HOST: z.string().min(1).optional(),                    // unset: this node's engine
  POISE_WEB_CTI_PORT: port.optional(),                                 // unset: POISE_CTI_PORT
  POISE_WEB_CTI_RETRY_MS: z.coerce.number().int().min(10).max(60_000).default(1000), // back-off start after a failed reconnect
  POISE_WEB_NOTIFY_HOST: z.string().min(1).optional(),                  // notify elsewhere: web publishes to it over XMPP; unset: notify in this node
  POISE_WEB_NOTIFY_PORT: port.optional(),                              // its XMPP c2s port; unset: POISE_XMPP_PORT
  POISE_WEB_LIVEDATA_HOST: z.string().min(1).optional(),                // Live Data elsewhere: web forwards /livedata/socket.io there; unset: this host
  POISE_WEB_LIVEDATA_PORT: port.optional(),                            // its Socket.IO port; unset: POISE_LIVEDATA_PORT
  POISE_WEB_NOTIFY_BOSH_PORT: port.optional(),                         // its plain BOSH/WebSocket port, forwarded on web's ports; unset: POISE_BOSH_PORT
  POISE_WEB_NOTIFY_RETRY_MS: z.coerce.number().int().min(10).max(60_000).default(1000), // back-off start after a lost or refused XMPP link
  POISE_WEB_CTI_HEARTBEAT_MS: z.coerce.number().int().min(100).max(30_000).default(15_000), // cti.md §9.1: every 15 s; UCCX accepts at most 30
  POISE_WEB_CTI_ENGINES: z.string().regex(/^(local|[^,:\s]+:\d{1,5})(,(local|[^,:\s]+:\d{1,5}))*$/).optional(), // both engines of a pair, host:port or `local` (cti.md §9.4)
  POISE_ENGINE_PROVIDER_URL: z.string().regex(/^wss?:\/\//, 'ws:// or wss://').optional(), // the call manager's provider link; unset: the one in this process
  POISE_ENGINE_PROVIDER_PASSWORD: z.string().min(1).optional(),       // the engine's application user over the link; unset: the demo password
  POISE_ENGINE_ROLE: z.enum(['master', 'standby', 'elected']).default('master'), // elected: by a PostgreSQL lease (cti.md §9.4)
  POISE_PEER_HOST: z.string().min(1).optional(),                       // the other node of a pair, for SystemInfo (rest-api.md §8)
  POISE_PEER_HTTPS_PORT: port.default(8445),
  POISE_PEER_XMPP_PORT: port.default(7071),
  POISE_PEER_XMPP_SECURE_PORT: port.default(7443),
  POISE_ENGINE_REPLICATION_PORT: port.default(12019),                  // the master's live state to the standby (docs/failover.md)
  POISE_PEER_REPLICATION_PORT: port.default(12019),
  POISE_NODE: z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'a short name such as A or B').optional(), // this node of a pair
  POISE_PEER: z.string().optional(),                                   // the peer's web address; fills the pair's keys (cluster-config.ts)
  POISE_CALLMANAGER_HOST: z.string().min(1).optional(),                // the pair's call manager runs there, not in this node
  POISE_CLUSTER_SECRET: z.string().min(16).optional(),                  // shared by the nodes of a cluster; never sent anywhere
  POISE_SHARED_SIGN_IN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600), // sign-ins believed cluster-wide (Redis); 0: off
  POISE_FAILOVER_TICKET_SECONDS: z.coerce.number().int().min(30).max(3600).default(300), // how long a failover ticket is good for; desktops renew it at half
  POISE_DESKTOP_XMPP_TRANSPORT: z.enum(['bosh', 'websocket']).default('bosh'), // the desktop tunnel's XMPP transport; BOSH as Finesse
});
export type EnvInput = Record<string, string | undefined>;

export interface ListenAddress { host: string; port: number }

export interface PoiseConfig {
  /** This node's name in a pair (`--node=A`); undefined on a single node. */
  nodeName: string | undefined;
  /** Sign-ins checked by one node are believed by the others for ttlSeconds (needs Redis and the cluster secret). */
  cluster: { secret: string | undefined; sharedSignInSeconds: number };
  host: string;
  publicHost: string;
  dataDir: string;
  /** undefined: PGlite under dataDir; 'memory://': PGlite in memory (tests) */
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof Env>['POISE_LOG_LEVEL'];
  services: readonly ServiceName[];
  tls: { certFile: string | undefined; keyFile: string | undefined };
  ports: {
    web: number; webHttps: number; xmpp: number; xmppTls: number; bosh: number; boshHttps: number;
    cti: number; callmanager: number; callmanagerHttp: number; livedata: number; provider: number;
  };
  demo: { password: string | undefined; extraAgents: number };
  callmanager: { labEnabled: boolean; labAllowRemote: boolean; ccmVersion: string; axlMaxBodyBytes: number };
  /** redisUrl: the cluster's Redis, through which every node's notifications reach the others' sessions. */
  notify: { xmppDomain: string; axlUrl: string | undefined; publisher: string | undefined; redisUrl: string | undefined };
  /** The statistics stream from the engine to Live Data (memory:// in one process; RabbitMQ or Redis across nodes). */
  livedata: { brokerUrl: string; axlUrl: string | undefined };
  /** The CTI user OPEN_REQ must name; undefined: every ClientID is accepted (cti.md §4.1). */
  /** role `elected`: master while this node holds the cluster's lock on the shared PostgreSQL database. */
  engine: {
    ctiClient: { id: string; password: string } | undefined; role: 'master' | 'standby' | 'elected';
    /** The call manager's provider link when it runs elsewhere (ws://host:2748); undefined: in this process. */
    providerUrl: string | undefined;
    /** The engine's application user's password over the link (the cluster's demo password by default). */
    providerPassword: string | undefined;
    /** AXL for administrator sign-in when the call manager runs elsewhere. */
    axlUrl: string | undefined;
    /** The live-state stream between the engines of a pair (docs/failover.md "State hand-over"). */
    replication: { port: number };
  };
  /** The other node of a pair (rest-api.md §8); undefined: a single node. */
  peer: { host: string; httpsPort: number; xmppPort: number; xmppSecurePort: number; replicationPort: number } | undefined;
  /** Failover tickets (docs/failover.md, "The desktop moves"), sealed under cluster.secret; none without it. */
  failover: { ticketSeconds: number };
  web: {
    axlUrl: string | undefined; axlUser: string; axlPassword: string | undefined;
    authCacheSeconds: number; maxBodyBytes: number;
    /** rest-api.md §11 E8: origins allowed cross-origin calls with credentials; empty: CORS off. */
    corsOrigins: readonly string[];
    /** How the desktop's tunnel page reaches XMPP (desktop-and-gadgets.md, Poise extensions): BOSH or WebSocket. */
    desktopXmppTransport: 'bosh' | 'websocket';
    /** The engine's CTI server; host undefined: the engine of this node, if it runs one. */
    cti: { host: string | undefined; port: number; retryMs: number;
      /** cti.md §9.1: the HEARTBEAT_REQ interval; three unanswered in a row reset the session. */
      heartbeatMs: number;
      /** Both engines of a pair; 'local' is this node's engine (cti.md §9.4). */
      engines: readonly (ListenAddress | 'local')[] | undefined };
    /** Live Data when it runs in another process: where web forwards /livedata/socket.io; host undefined: this host. */
    livedata: { host: string | undefined; port: number };
    /** The notification service's XMPP c2s when it runs in another node; host undefined: notify in this node. */
    notify: { host: string | undefined; port: number; retryMs: number;
      /** Its plain BOSH port (7071): web forwards /http-bind, /ws and /tunnel there on its own ports. */
      boshPort: number };
  };
}

/** Command-line flags map onto the same names: `--web-port=9000` is POISE_WEB_PORT, `--database-url` is DATABASE_URL. */
export function flagsToEnv(argv: readonly string[]): EnvInput {
  const out: EnvInput = {};
  for (const arg of argv) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ConfigError([`unrecognised argument ${arg}`]);
    const name = m[1]!.replaceAll('-', '_').toUpperCase();
    out[name === 'DATABASE_URL' ? name : `POISE_${name}`] = m[2] ?? 'true';
  }
  return out;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads the environment once; flags override it. Every problem is listed, not only the first. */
export function loadConfig(env: EnvInput = process.env, argv: readonly string[] = []): PoiseConfig {
  const unknownFlags = Object.keys(flagsToEnv(argv)).filter((k) => !(k in Env.shape));
  const problems = unknownFlags.map((k) => `unknown option ${k}`);
  const merged = expandClusterSettings({ ...pickKnown(env), ...flagsToEnv(argv) }, problems);
  const parsed = Env.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  const services = parseServices(merged.POISE_ONLY, problems);
  if (merged.POISE_ENGINE_ROLE === 'elected' && !/^postgres(ql)?:\/\//.test(merged.DATABASE_URL ?? '')) {
    problems.push('POISE_ENGINE_ROLE=elected needs DATABASE_URL naming the PostgreSQL server the engines share');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    nodeName: e.POISE_NODE,
    cluster: { secret: e.POISE_CLUSTER_SECRET, sharedSignInSeconds: e.POISE_SHARED_SIGN_IN_SECONDS },
    host: e.POISE_HOST,
    publicHost: e.POISE_PUBLIC_HOST ?? e.POISE_HOST,
    dataDir: e.POISE_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.POISE_LOG_LEVEL,
    services,
    tls: { certFile: e.POISE_TLS_CERT, keyFile: e.POISE_TLS_KEY },
    ports: {
      web: e.POISE_WEB_PORT, webHttps: e.POISE_WEB_HTTPS_PORT, xmpp: e.POISE_XMPP_PORT,
      xmppTls: e.POISE_XMPP_TLS_PORT, bosh: e.POISE_BOSH_PORT, boshHttps: e.POISE_BOSH_HTTPS_PORT,
      cti: e.POISE_CTI_PORT, callmanager: e.POISE_CALLMANAGER_PORT,
      callmanagerHttp: e.POISE_CALLMANAGER_HTTP_PORT, livedata: e.POISE_LIVEDATA_PORT, provider: e.POISE_PROVIDER_PORT,
    },
    demo: { password: e.POISE_DEMO_PASSWORD, extraAgents: e.POISE_DEMO_AGENTS },
    callmanager: {
      labEnabled: e.POISE_LAB_ENABLED, labAllowRemote: e.POISE_LAB_ALLOW_REMOTE, ccmVersion: e.POISE_CCM_VERSION,
      axlMaxBodyBytes: e.POISE_AXL_MAX_BODY_BYTES,
    },
    notify: { xmppDomain: (e.POISE_XMPP_DOMAIN ?? e.POISE_PUBLIC_HOST ?? e.POISE_HOST).toLowerCase(), axlUrl: e.POISE_AXL_URL,
      publisher: e.POISE_NOTIFY_PUBLISHER, redisUrl: e.POISE_REDIS_URL },
    livedata: { brokerUrl: e.POISE_STATISTICS_BROKER_URL, axlUrl: e.POISE_LIVEDATA_AXL_URL },
    engine: {
      ctiClient: e.POISE_CTI_CLIENT_ID === undefined ? undefined
        : { id: e.POISE_CTI_CLIENT_ID, password: e.POISE_CTI_CLIENT_PASSWORD ?? '' },
      role: e.POISE_ENGINE_ROLE,
      replication: { port: e.POISE_ENGINE_REPLICATION_PORT },
      providerUrl: e.POISE_ENGINE_PROVIDER_URL, providerPassword: e.POISE_ENGINE_PROVIDER_PASSWORD ?? e.POISE_DEMO_PASSWORD,
      axlUrl: e.POISE_AXL_URL ?? e.POISE_WEB_AXL_URL,
    },
    peer: e.POISE_PEER_HOST === undefined ? undefined : {
      host: e.POISE_PEER_HOST, httpsPort: e.POISE_PEER_HTTPS_PORT, xmppPort: e.POISE_PEER_XMPP_PORT,
      xmppSecurePort: e.POISE_PEER_XMPP_SECURE_PORT, replicationPort: e.POISE_PEER_REPLICATION_PORT,
    },
    failover: { ticketSeconds: e.POISE_FAILOVER_TICKET_SECONDS },
    web: {
      axlUrl: e.POISE_WEB_AXL_URL, axlUser: e.POISE_WEB_AXL_USER, axlPassword: e.POISE_WEB_AXL_PASSWORD,
      authCacheSeconds: e.POISE_WEB_AUTH_CACHE_SECONDS, maxBodyBytes: e.POISE_WEB_MAX_BODY_BYTES,
      corsOrigins: e.POISE_WEB_CORS_ORIGINS?.split(',').map((origin) => origin.trim().toLowerCase()) ?? [],
      desktopXmppTransport: e.POISE_DESKTOP_XMPP_TRANSPORT,
      cti: { host: e.POISE_WEB_CTI_HOST, port: e.POISE_WEB_CTI_PORT ?? e.POISE_CTI_PORT, retryMs: e.POISE_WEB_CTI_RETRY_MS,
        heartbeatMs: e.POISE_WEB_CTI_HEARTBEAT_MS,
        engines: e.POISE_WEB_CTI_ENGINES?.split(',').map((entry) => {
          if (entry === 'local') return 'local' as const;
          const at = entry.lastIndexOf(':');
          return { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) };
        }) },
      livedata: { host: e.POISE_WEB_LIVEDATA_HOST, port: e.POISE_WEB_LIVEDATA_PORT ?? e.POISE_LIVEDATA_PORT },
      notify: { host: e.POISE_WEB_NOTIFY_HOST, port: e.POISE_WEB_NOTIFY_PORT ?? e.POISE_XMPP_PORT, retryMs: e.POISE_WEB_NOTIFY_RETRY_MS,
        boshPort: e.POISE_WEB_NOTIFY_BOSH_PORT ?? e.POISE_BOSH_PORT },
    },
  };
}

function pickKnown(env: EnvInput): EnvInput {
  const out: EnvInput = {};
  for (const key of Object.keys(Env.shape)) if (env[key] !== undefined && env[key] !== '') out[key] = env[key];
  return out;
}

function parseServices(only: string | undefined, problems: string[]): ServiceName[] {
  if (only === undefined) return [...SERVICE_NAMES];
  const names = only.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(SERVICE_NAMES as readonly string[]).includes(n));
  if (bad.length > 0) problems.push(`POISE_ONLY: unknown service ${bad.join(', ')} (known: ${SERVICE_NAMES.join(', ')})`);
  if (names.length === 0) problems.push('POISE_ONLY: names no service');
  // Always in start order: web finds the notification service and the engine of its node already started.
  return SERVICE_NAMES.filter((n) => names.includes(n));
}
