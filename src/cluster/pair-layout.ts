// Where the three processes of a pair listen and what they share: the call manager (the pair's CUCM) and nodes A
// and B, each on its own loopback address with the same ports, so that SystemInfo names two hosts as Finesse's
// nodes do (rest-api.md §8: finesse.js tells the nodes apart by host).
export interface PairShared {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** The demo password: the call manager's service accounts and demo users, and the engines' provider sign-in. */
  readonly demoPassword: string;
  readonly clusterSecret: string;
}

export interface NodePorts {
  readonly web: number; readonly webHttps: number; readonly xmpp: number; readonly xmppTls: number;
  readonly bosh: number; readonly boshHttps: number; readonly cti: number; readonly livedata: number;
  readonly replication: number;
}
export interface CallManagerPorts { readonly https: number; readonly http: number; readonly provider: number }

export const DEFAULT_NODE_PORTS: NodePorts = {
  web: 8082, webHttps: 8445, xmpp: 5222, xmppTls: 5223, bosh: 7071, boshHttps: 7443, cti: 12018, livedata: 12015,
  replication: 12019,
};
export const DEFAULT_CALLMANAGER_PORTS: CallManagerPorts = { https: 8443, http: 8080, provider: 2748 };

export interface PairLayoutOptions {
  readonly shared: PairShared;
  /** Each process's data directory is a folder of this one. */
  readonly dataDir: string;
  readonly hosts?: { readonly callmanager: string; readonly a: string; readonly b: string };
  readonly nodePorts?: NodePorts;
  readonly callmanagerPorts?: CallManagerPorts;
  /** Demo agents beyond the demo team (the failover benchmark signs in a thousand). */
  readonly extraAgents?: number;
}

export interface ProcessPlan {
  readonly label: string;
  readonly host: string;
  readonly flags: Readonly<Record<string, string | number>>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface PairPlan {
  readonly callmanager: ProcessPlan;
  readonly a: ProcessPlan;
  readonly b: ProcessPlan;
  readonly nodePorts: NodePorts;
}

export function pairLayout(options: PairLayoutOptions): PairPlan {
  const hosts = options.hosts ?? { callmanager: '127.0.0.1', a: '127.0.0.1', b: '127.0.0.2' };
  const ports = options.nodePorts ?? DEFAULT_NODE_PORTS;
  const cm = options.callmanagerPorts ?? DEFAULT_CALLMANAGER_PORTS;
  const { shared } = options;
  const extraAgents = options.extraAgents ?? 0;
  const common = {
    POISE_DEMO_PASSWORD: shared.demoPassword,
    POISE_CLUSTER_SECRET: shared.clusterSecret,
  };
  const callmanager: ProcessPlan = {
    label: 'call manager',
    host: hosts.callmanager,
    flags: {
      only: 'callmanager', host: hosts.callmanager, 'data-dir': `${options.dataDir}/callmanager`,
      'callmanager-port': cm.https, 'callmanager-http-port': cm.http, 'provider-port': cm.provider,
      'demo-agents': extraAgents,
    },
    // The call manager keeps its own store, as a CUCM cluster keeps its own database.
    env: { ...common, DATABASE_URL: undefined },
  };
  const node = (name: 'A' | 'B', host: string, peerHost: string): ProcessPlan => ({
    label: `node ${name}`,
    host,
    flags: {
      node: name, host, peer: `http://${peerHost}:${ports.web}`, 'callmanager-host': hosts.callmanager,
      'callmanager-http-port': cm.http, 'engine-provider-url': `ws://${hosts.callmanager}:${cm.provider}`,
      'data-dir': `${options.dataDir}/${name.toLowerCase()}`, 'demo-agents': extraAgents,
      'web-port': ports.web, 'web-https-port': ports.webHttps, 'xmpp-port': ports.xmpp, 'xmpp-tls-port': ports.xmppTls,
      'bosh-port': ports.bosh, 'bosh-https-port': ports.boshHttps, 'cti-port': ports.cti, 'livedata-port': ports.livedata,
      'engine-replication-port': ports.replication, 'peer-replication-port': ports.replication,
    },
    env: {
      ...common, DATABASE_URL: shared.databaseUrl, POISE_REDIS_URL: shared.redisUrl,
      // The master engine's statistics reach the Live Data of both nodes.
      POISE_STATISTICS_BROKER_URL: shared.redisUrl,
    },
  });
  return { callmanager, a: node('A', hosts.a, hosts.b), b: node('B', hosts.b, hosts.a), nodePorts: ports };
}
