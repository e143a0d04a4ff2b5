// What the notification benchmarks share: Prosody from the peer folder (setup-prosody.sh, stop-prosody.sh) and a
// Poise notification service, each started fresh, driven by the peer's load.mjs with the same flags, and the
// ratios between the two result lines. Poise runs as two processes, the call manager (the user directory that
// sign-ins are checked against over AXL) and the notification service alone, so the RSS and CPU reported are the
// notification service's, as Prosody's are Prosody's.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOMAIN = 'localhost';
export const USER_PREFIX = 'load';
/** Every run signs in from one seeded directory: load1…load10001 are subscribers, the last the publisher. */
export const SEED_AGENTS = 10_002;
export const PUBLISHER = `${USER_PREFIX}${SEED_AGENTS}`;

export interface BenchOptions {
  peer: string;
  /** Where seeded call-manager data directories are kept between runs (seeding 10,000 users takes minutes). */
  seedRoot: string;
  password: string;
  out: string | undefined;
  gcModes: Array<'incremental' | 'generational'>;
  work: string;
  /** V8 flags for Poise's notification process, e.g. `--max-semi-space-size=1`. */
  nodeFlags: string[];
}

/** The options every notification benchmark takes, plus its own. */
export async function benchOptions<T extends Record<string, { type: 'string'; default: string }>>(own: T) {
  const { values } = parseArgs({
    options: {
      peer: { type: 'string', default: '/tmp/peer' },
      'seed-root': { type: 'string', default: path.join(os.tmpdir(), 'poise-notify-bench-seed') },
      password: { type: 'string', default: 'bench-pass-1' },
      out: { type: 'string' },
      gc: { type: 'string', default: 'incremental,generational' },
      'node-flags': { type: 'string', default: '' },
      ...own,
    },
  });
  const v = values as Record<string, string | undefined>;
  const peer = path.resolve(v.peer ?? '/tmp/peer');
  await access(path.join(peer, 'node_modules', 'ws')).catch(() => {
    throw new Error(`no peer folder with npm ci done at ${peer} (copy /work/shared/bench/peer there, npm ci)`);
  });
  const gcModes = (v.gc ?? '').split(',').filter((g): g is 'incremental' | 'generational' => g === 'incremental' || g === 'generational');
  const work = await mkdtemp(path.join(os.tmpdir(), 'notify-bench-'));
  await import('node:fs/promises').then((fs) => fs.chmod(work, 0o755)); // Prosody runs as its own user
  const options: BenchOptions = {
    peer, seedRoot: path.resolve(v['seed-root'] ?? ''), password: v.password ?? '', out: v.out, gcModes, work,
    nodeFlags: (v['node-flags'] ?? '').split(' ').filter(Boolean),
  };
  return { options, values: v as Record<keyof T, string> & Record<string, string | undefined> };
}

export const say = (message: string) => process.stderr.write(`[notify-bench] ${message}\n`);

export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => net.createServer());
  const ports = await Promise.all(servers.map((s) => new Promise<number>((resolve) => {
    s.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port));
  })));
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** The server under test: where load.mjs reaches it and which processes to measure. */
export interface Target { label: string; c2sPort: number; httpPort: number; pid: number; stop(): Promise<void> }

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function startProsody(o: BenchOptions, users: number, publisher: string, gc: 'incremental' | 'generational'): Promise<Target> {
  const dir = path.join(o.work, 'prosody');
  const [c2s, http] = await freePorts(2) as [number, number];
  const started = await run(path.join(o.peer, 'setup-prosody.sh'), [
    '--no-install', '--dir', dir, '--users', String(users), '--user-prefix', USER_PREFIX, '--password', o.password,
    '--publisher', publisher, '--gc', gc, '--domain', DOMAIN, '--c2s-port', String(c2s), '--http-port', String(http),
  ]);
  const pid = Number(started.stdout.trim().split('\n').pop());
  if (started.code !== 0 || !Number.isInteger(pid)) throw new Error(`prosody did not start: ${started.stderr}`);
  return {
    label: `prosody-${gc}`, c2sPort: c2s, httpPort: http, pid,
    async stop() { await run(path.join(o.peer, 'stop-prosody.sh'), ['--dir', dir, '--purge']); },
  };
}

async function waitForPort(port: number, child: ChildProcess, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    if (child.exitCode !== null) throw new Error(`process ${child.pid} exited (${child.exitCode}) before listening on ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('connect', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on ${port} within ${seconds} s`);
}

function startPoiseProcess(env: Record<string, string>, logFile: string, nodeFlags: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/cli.ts'], {
    cwd: ROOT, env: { ...process.env, POISE_HOST: '127.0.0.1', POISE_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const ALL_PORTS = ['WEB', 'WEB_HTTPS', 'XMPP', 'XMPP_TLS', 'BOSH', 'BOSH_HTTPS', 'CTI', 'CALLMANAGER', 'CALLMANAGER_HTTP', 'LIVEDATA'];

/** A call-manager data directory holding `agents` load agents with the bench password, made once and reused. */
async function seededDataDir(o: BenchOptions, agents: number): Promise<string> {
  const dir = path.join(o.seedRoot, `agents-${agents}-${o.password}`);
  if (await readFile(path.join(dir, '.seeded'), 'utf8').then(() => true, () => false)) return dir;
  say(`seeding ${agents} load agents into ${dir} (once; scrypt per user)`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const child = await startCallManager(o, dir, agents, path.join(o.work, 'seed.log'));
  await child.stop();
  await import('node:fs/promises').then((fs) => fs.writeFile(path.join(dir, '.seeded'), new Date().toISOString()));
  return dir;
}

async function startCallManager(o: BenchOptions, dataDir: string, agents: number, logFile: string): Promise<{ httpPort: number; pid: number; stop(): Promise<void> }> {
  const ports = await freePorts(ALL_PORTS.length);
  const env: Record<string, string> = Object.fromEntries(ALL_PORTS.map((name, i) => [`POISE_${name}_PORT`, String(ports[i])]));
  const httpPort = ports[ALL_PORTS.indexOf('CALLMANAGER_HTTP')]!;
  const child = startPoiseProcess({
    ...env, POISE_ONLY: 'callmanager', POISE_DATA_DIR: dataDir, POISE_DEMO_PASSWORD: o.password, POISE_DEMO_AGENTS: String(agents),
  }, logFile);
  await waitForPort(httpPort, child, 3_600);
  return { httpPort, pid: child.pid ?? 0, stop: () => stopProcess(child) };
}

export interface PoiseTarget extends Target { callmanagerPid: number }

/**
 * A fresh notification service (its own process, `POISE_ONLY=notify`) signing users in through a call manager
 * started on the seeded directory. `nodeFlags` go to the notification service's node (e.g. heap settings).
 */
export async function startPoise(o: BenchOptions, publisher: string, nodeFlags: string[] = []): Promise<PoiseTarget> {
  const dataDir = await seededDataDir(o, SEED_AGENTS);
  const cm = await startCallManager(o, dataDir, SEED_AGENTS, path.join(o.work, 'callmanager.log'));
  const ports = await freePorts(ALL_PORTS.length);
  const env: Record<string, string> = Object.fromEntries(ALL_PORTS.map((name, i) => [`POISE_${name}_PORT`, String(ports[i])]));
  const notifyData = path.join(o.work, 'notify-data');
  await rm(notifyData, { recursive: true, force: true });
  const child = startPoiseProcess({
    ...env, POISE_ONLY: 'notify', POISE_DATA_DIR: notifyData, POISE_DEMO_PASSWORD: o.password,
    POISE_AXL_URL: `http://127.0.0.1:${cm.httpPort}/axl/`, POISE_NOTIFY_PUBLISHER: publisher, POISE_XMPP_DOMAIN: DOMAIN,
  }, path.join(o.work, 'notify.log'), nodeFlags);
  const httpPort = ports[ALL_PORTS.indexOf('BOSH')]!;
  try {
    await waitForPort(httpPort, child, 120);
  } catch (err) {
    await cm.stop();
    throw err;
  }
  return {
    label: 'poise', c2sPort: ports[ALL_PORTS.indexOf('XMPP')]!, httpPort, pid: child.pid ?? 0, callmanagerPid: cm.pid,
    async stop() {
      await stopProcess(child);
      await cm.stop();
    },
  };
}

export type LoadResult = Record<string, unknown> & {
  transport?: string; sessions_ready?: number; delivered_per_s?: number; lost?: number; expected?: number; delivered?: number;
  latency_ms?: { p50?: number; p99?: number }; server?: Record<string, number>; aborted?: string;
};

export interface LoadRun {
  result: Promise<LoadResult | undefined>;
  /** Resolves with the sessions signed in and subscribed, once set-up is over. */
  setupDone: Promise<number>;
  /** Ends the driver early (its sessions close with it). */
  stop(): void;
}

/** One load.mjs run; `setupDone` resolves when its sessions are all signed in and subscribed. */
export function runLoad(o: BenchOptions, target: Target, flags: string[], tag: string): LoadRun {
  const child = spawn(process.execPath, [path.join(o.peer, 'load.mjs'), ...flags,
    '--c2s-port', String(target.c2sPort), '--http-port', String(target.httpPort), '--pid', String(target.pid), '--label', target.label,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(path.join(o.work, `load-${target.label}-${tag}.err`));
  let stdout = '';
  let markSetup: (ready: number) => void = () => {};
  const setupDone = new Promise<number>((resolve) => { markSetup = resolve; });
  child.stdout.on('data', (d: Buffer) => { stdout += d; });
  child.stderr.on('data', (d: Buffer) => {
    log.write(d);
    const done = /set-up done in [\d.]+ s: (\d+)\//.exec(String(d));
    if (done) markSetup(Number(done[1]));
  });
  const result = new Promise<LoadResult | undefined>((resolve) => {
    child.on('close', () => {
      markSetup(0);
      const line = stdout.trim().split('\n').pop();
      try { resolve(line ? JSON.parse(line) as LoadResult : undefined); } catch { resolve(undefined); }
    });
  });
  return { result, setupDone, stop: () => { child.kill('SIGTERM'); } };
}

/** The flags both servers get, as in the peer README's comparisons. */
export function loadFlags(f: { transport: string; sessions: number; rate: number; duration: number; firstId?: number; publisher: string; extra?: string[] }, o: BenchOptions): string[] {
  return [
    '--transport', f.transport, '--sessions', String(f.sessions), '--rate', String(f.rate), '--duration', String(f.duration),
    '--fanout', '1', // a Poise agent may subscribe only to its own User node (notifications.md §3.1); the same for both
    '--domain', DOMAIN, '--user-prefix', USER_PREFIX, '--first-id', String(f.firstId ?? 1), '--password', o.password,
    '--publisher', f.publisher, '--node-prefix', `/finesse/api/User/${USER_PREFIX}`, ...(f.extra ?? []),
  ];
}

export async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

export async function emit(o: BenchOptions, record: Record<string, unknown>): Promise<void> {
  const line = JSON.stringify(record);
  process.stdout.write(`${line}\n`);
  if (o.out) await import('node:fs/promises').then((fs) => fs.appendFile(o.out!, `${line}\n`));
}

/** a ÷ b rounded to two places; null when either is missing. */
export const ratio = (a: number | undefined, b: number | undefined): number | null =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : null;

/** Runs `measure` against each Prosody collector in turn, then Poise; stops every server it started. */
export async function eachServer<R>(o: BenchOptions, users: number, publisher: string,
  measure: (target: Target) => Promise<R>): Promise<Array<{ label: string; value: R }>> {
  const results: Array<{ label: string; value: R }> = [];
  for (const gc of o.gcModes) {
    say(`prosody (${gc})`);
    const prosody = await startProsody(o, users, publisher, gc);
    try { results.push({ label: prosody.label, value: await measure(prosody) }); } finally { await prosody.stop(); }
  }
  say('poise');
  const poise = await startPoise(o, publisher, o.nodeFlags);
  try { results.push({ label: poise.label, value: await measure(poise) }); } finally { await poise.stop(); }
  return results;
}
