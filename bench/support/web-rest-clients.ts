// The client side of bench/web-rest-throughput.ts, in its own process: C keep-alive connections, each a loop of
// GET /finesse/api/User/{id} as that user; reports requests, errors and latencies over the measured span.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const [port, concurrency, seconds, warmup, users, password] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const auth = (userid: string) => `Basic ${Buffer.from(`${userid}:${password}`).toString('base64')}`;

function get(userid: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(port), path: `/finesse/api/User/${userid}`, agent,
      headers: { authorization: auth(userid) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const ids = users!.split(',');
let measuring = false;
let stop = false;
let ok = 0;
let errors = 0;
const statuses: Record<string, number> = {};
const latencies: number[] = [];

async function loop(i: number): Promise<void> {
  let n = i;
  while (!stop) {
    const userid = ids[n++ % ids.length]!;
    const t0 = performance.now();
    const status = await get(userid).catch(() => 0);
    if (!measuring) continue;
    if (status === 200) { ok++; latencies.push(performance.now() - t0); } else { errors++; statuses[status] = (statuses[status] ?? 0) + 1; }
  }
}

process.once('message', async () => {
  // Each user's first request pays for its sign-in check; not what is measured.
  for (let i = 0; i < ids.length; i += 4) await Promise.all(ids.slice(i, i + 4).map((id) => get(id)));
  const loops = Array.from({ length: Number(concurrency) }, (_, i) => loop(i));
  await new Promise((r) => setTimeout(r, Number(warmup) * 1000));
  measuring = true;
  const t0 = performance.now();
  process.send?.('measuring');
  await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
  measuring = false;
  const wallMs = performance.now() - t0;
  stop = true;
  await Promise.all(loops);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const cpu = process.cpuUsage();
  process.send?.({ ok, errors, statuses, wallMs, p50: at(50), p99: at(99), clientCpuSeconds: (cpu.user + cpu.system) / 1e6 });
  agent.destroy();
  process.disconnect();
});
process.send?.('ready');
