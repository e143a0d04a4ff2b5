// `npm run pair`: a whole two-node contact center on one machine — the call manager and nodes A and B, each node
// on its own loopback address — with the engine master on one node and standby on the other. A node that dies is
// started again after a pause, and comes back as standby: kill one (its PID is printed) to watch the desktops move.
import { join } from 'node:path';
import { NodeProcess } from './node-process.ts';
import { pairLayout, type ProcessPlan } from './pair-layout.ts';
import { loadPairSecrets } from './pair-secrets.ts';
import { checkRedis, ensureDatabase } from './prerequisites.ts';

const RESTART_AFTER_MS = 5_000;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/poise';
const REDIS_URL = process.env.POISE_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATA_DIR = join(process.env.POISE_DATA_DIR ?? './data', 'pair');

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  await checkRedis(REDIS_URL);
  const secrets = await loadPairSecrets(DATA_DIR, process.env.POISE_DEMO_PASSWORD);
  const plan = pairLayout({ dataDir: DATA_DIR, shared: { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, ...secrets } });

  let stopping = false;
  const running = new Map<string, NodeProcess>();
  const start = (p: ProcessPlan): NodeProcess => {
    const child = new NodeProcess({ label: p.label, flags: p.flags, env: p.env, onLine: (line) => say(p.label, line) });
    running.set(p.label, child);
    void child.exited.then((code) => {
      if (stopping) return;
      say(p.label, `exited (${code ?? 'killed'}); starting it again in ${RESTART_AFTER_MS / 1000} s`);
      setTimeout(() => { if (!stopping) void start(p).ready.then(() => say(p.label, `back (PID ${running.get(p.label)?.pid})`), () => {}); }, RESTART_AFTER_MS);
    });
    return child;
  };
  const stopAll = async () => {
    stopping = true;
    await Promise.all([...running.values()].map((child) => child.stop()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());

  await start(plan.callmanager).ready;
  const [a, b] = [start(plan.a), start(plan.b)];
  await Promise.all([a.ready, b.ready]);
  const web = plan.nodePorts.web;
  process.stdout.write([
    '',
    'Poise pair started: the engine is master on one node and standby on the other.',
    `  desktop on node A   http://${plan.a.host}:${web}/desktop/   (PID ${a.pid})`,
    `  desktop on node B   http://${plan.b.host}:${web}/desktop/   (PID ${b.pid})`,
    `  call manager        http://${plan.callmanager.host}:${String(plan.callmanager.flags['callmanager-http-port'])}/   (PID ${running.get('call manager')?.pid})`,
    `  demo logins: agent1 … agent10 (extensions 1001 … 1010), supervisor1, supervisor2; password ${secrets.demoPassword}`,
    `  try failover: sign in on node A, then  kill -9 ${a.pid}  — the desktop moves to node B, still signed in`,
    '',
  ].join('\n'));
}

function say(label: string, line: string): void {
  process.stdout.write(`[${label}] ${line}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`the pair could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
