// A pair as it runs in production, for failover tests: the call manager and nodes A (127.0.0.1) and B (127.0.0.2)
// as child processes, on free ports, on a scratch PostgreSQL database and the real Redis. Each node logs at info
// level so the test can read every change of engine role, with its time, from both processes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { NodeProcess } from '../../src/cluster/node-process.ts';
import { pairLayout, type PairPlan, type ProcessPlan } from '../../src/cluster/pair-layout.ts';
import { freePorts } from './free-ports.ts';
import { TEST_PASSWORD } from './test-node.ts';

export const pairDatabaseUrl = process.env.TEST_DATABASE_URL;
export const pairRedisUrl = process.env.TEST_REDIS_URL;
export const skipPair = pairDatabaseUrl && pairRedisUrl ? false : 'TEST_DATABASE_URL and TEST_REDIS_URL are not both set';

export type PairNodeName = 'A' | 'B';

/** One change of an engine's role, as the node logged it. */
export interface RoleChange { readonly node: PairNodeName; readonly role: 'master' | 'standby'; readonly at: number }

export interface PairFixture {
  readonly plan: PairPlan;
  readonly roleChanges: RoleChange[];
  node(name: PairNodeName): NodeProcess;
  /** http://host:port of a node's web service. */
  webUrl(name: PairNodeName): string;
  labUrl: string;
  /** SIGKILL: the node's process dies as a crashed machine's would. */
  kill(name: PairNodeName): Promise<void>;
  /** Starts a killed or stopped node again, with the same flags. */
  restart(name: PairNodeName): Promise<void>;
  /** The node whose engine is master now, by the role changes logged. */
  master(): PairNodeName | undefined;
  close(): Promise<void>;
}

export interface PairOptions {
  extraAgents?: number;
  /** Changes the layout before anything starts (e.g. peer links through a proxy the test can cut). */
  adjust?: (plan: PairPlan) => PairPlan | Promise<PairPlan>;
}

export async function startPair(options: PairOptions = {}): Promise<PairFixture> {
  if (!pairDatabaseUrl || !pairRedisUrl) throw new Error('a pair needs TEST_DATABASE_URL and TEST_REDIS_URL');
  const name = `poise_pair_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const databaseUrl = new URL(pairDatabaseUrl);
  databaseUrl.pathname = `/${name}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-pair-'));
  const [web, webHttps, xmpp, xmppTls, bosh, boshHttps, cti, livedata, replication, https, http, provider] =
    await freePorts(12, ['127.0.0.1', '127.0.0.2']) as [number, number, number, number, number, number, number, number, number, number, number, number];
  const laidOut = pairLayout({
    dataDir, extraAgents: options.extraAgents,
    shared: { databaseUrl: databaseUrl.toString(), redisUrl: pairRedisUrl, demoPassword: TEST_PASSWORD,
      clusterSecret: randomBytes(32).toString('base64url') },
    nodePorts: { web, webHttps, xmpp, xmppTls, bosh, boshHttps, cti, livedata, replication },
    callmanagerPorts: { https, http, provider },
  });
  const plan = options.adjust ? await options.adjust(laidOut) : laidOut;

  const roleChanges: RoleChange[] = [];
  const processes = new Map<string, NodeProcess>();
  const spawn = (p: ProcessPlan, nodeName?: PairNodeName): NodeProcess => {
    const child = new NodeProcess({
      label: p.label, flags: p.flags, env: { ...p.env, POISE_LOG_LEVEL: nodeName ? 'info' : 'warn' },
      onLine: (line) => { if (nodeName) noteRole(nodeName, line, roleChanges); },
    });
    processes.set(p.label, child);
    // An elected engine starts standby and logs only changes: a restarted node is no longer the master it was.
    if (nodeName) roleChanges.push({ node: nodeName, role: 'standby', at: Date.now() });
    return child;
  };
  const planOf = (n: PairNodeName) => n === 'A' ? plan.a : plan.b;
  const close = async () => {
    await Promise.all([...processes.values()].map((p) => p.stop()));
    await admin(`drop database if exists ${name} with (force)`).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await spawn(plan.callmanager).ready;
    await spawn(plan.a, 'A').ready;   // A first, so it takes the lease
    await spawn(plan.b, 'B').ready;
  } catch (err) {
    await close();
    throw err;
  }
  return {
    plan, roleChanges,
    node: (n) => processes.get(planOf(n).label)!,
    webUrl: (n) => `http://${planOf(n).host}:${web}`,
    labUrl: `http://127.0.0.1:${http}`,
    async kill(n) { await processes.get(planOf(n).label)!.kill(); },
    async restart(n) { await spawn(planOf(n), n).ready; },
    master() {
      const latest = new Map<PairNodeName, RoleChange>();
      for (const change of roleChanges) latest.set(change.node, change);
      const masters = [...latest.values()].filter((c) => c.role === 'master' && processes.get(planOf(c.node).label)?.running);
      return masters.length === 1 ? masters[0]!.node : undefined;
    },
    close,
  };
}

/** pino's line for a role change of the CTI server (src/engine/cti/server.ts). */
function noteRole(node: PairNodeName, line: string, into: RoleChange[]): void {
  if (!line.includes('engine role changed')) return;
  try {
    const entry = JSON.parse(line) as { role?: string; time?: number };
    if ((entry.role === 'master' || entry.role === 'standby') && typeof entry.time === 'number') {
      into.push({ node, role: entry.role, at: entry.time });
    }
  } catch { /* not a log line */ }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pairDatabaseUrl });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}
