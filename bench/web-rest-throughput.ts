// REST throughput of one node: C keep-alive clients (another process) each loop GET /finesse/api/User/{id} as
// that user over the seeded load agents; prints requests/s, p50/p99 latency, and the node's CPU (% of one core).
// Every request is authenticated (Basic, the AXL check cached per POISE_WEB_AUTH_CACHE_SECONDS) and answered
// from the web service's user cache.
//   npx tsx bench/web-rest-throughput.ts [--clients=32] [--seconds=15] [--warmup=3] [--users=100]
import { fork } from 'node:child_process';
import os from 'node:os';
import { cpuMeter, round, startBenchNode, TEST_PASSWORD } from './support/web-bench-node.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const clients = arg('clients', 32);
const seconds = arg('seconds', 15);
const warmup = arg('warmup', 3);
const users = arg('users', 100);

const fx = await startBenchNode(users);
await fx.web.cti?.whenOpen();
const port = new URL(fx.baseUrl).port;
const ids = Array.from({ length: users }, (_, i) => `load${i + 1}`);
const child = fork(new URL('./support/web-rest-clients.ts', import.meta.url),
  [port, String(clients), String(seconds), String(warmup), ids.join(','), TEST_PASSWORD],
  { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
await next(); // ready
child.send('go');
await next(); // measuring: the warm-up is over
const meter = cpuMeter();
const result = await next() as { ok: number; errors: number; statuses: Record<string, number>; wallMs: number; p50: number; p99: number; clientCpuSeconds: number };
const cpu = meter();
console.log(JSON.stringify({
  bench: 'web-rest-throughput', clients, seconds, users, requests: result.ok, errors: result.errors, error_statuses: result.statuses,
  req_per_s: Math.round(result.ok / (result.wallMs / 1000)), p50_ms: round(result.p50), p99_ms: round(result.p99),
  // On a shared machine the node may not get a whole core: requests per CPU-second of the node says what one core serves.
  node_cpu_pct: cpu.cpuPct, req_per_node_cpu_s: Math.round(result.ok / ((cpu.cpuPct / 100) * (cpu.wallMs / 1000))), client_cpu_s: round(result.clientCpuSeconds, 1), loadavg_1m: round(os.loadavg()[0] ?? 0),
}));
await fx.close();
