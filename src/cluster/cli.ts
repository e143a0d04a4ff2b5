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
    // A node's own banner repeats what the pair's says; after it is up, whatever it writes (warnings) is shown.
    let up = false;
    const child = new NodeProcess({ label: p.label, flags: p.flags, env: p.env, onLine: (line) => { if (up) say(p.label, line); } });
    void child.ready.then(() => { up = true; }, () => {});
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
  // A first, so that its engine is the master the printed walk-through kills.
  const a = start(plan.a);
  await a.ready;
  const b = start(plan.b);
  await b.ready;
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
  process.stdout.write(`[${label}] ${readable(line)}\n`);
}

const LEVELS: Record<number, string> = { 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A pino line in a few words (its message, its service, the error's message); every other line as it is. */
function readable(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; service?: string; err?: { message?: string } };
    if (typeof entry.msg !== 'string') return line;
    const where = entry.service ? `${entry.service}: ` : '';
    return `${LEVELS[entry.level ?? 0] ?? 'log'} ${where}${entry.msg}${entry.err?.message ? ` (${entry.err.message})` : ''}`;
  } catch {
    return line;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`the pair could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
