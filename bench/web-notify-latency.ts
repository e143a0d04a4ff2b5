// End-to-end notification latency: N signed-in agents (default 1,000, POISE_DEMO_AGENTS) each change state every
// P seconds on average (default 10: 100 changes/s); a sample of them (default 100, half WebSocket, half BOSH) is
// subscribed and changes over REST, each change timed from sending the PUT to receiving the User notification
// with its requestId; the rest change over a CTI session of their own (see support/web-notify-driver.ts). Clients and driver run in another process; prints p50/p99 per transport and
// the node's CPU (% of one core: web, engine, call manager and notification service together).
//   npx tsx bench/web-notify-latency.ts [--agents=1000] [--sample=100] [--period=10] [--seconds=30] [--warmup=5]
import { fork } from 'node:child_process';
import os from 'node:os';
import { isNotifyService } from '../src/notify/index.ts';
import { isEngineService } from '../src/engine/index.ts';
import { cpuMeter, round, startBenchNode, TEST_PASSWORD } from './support/web-bench-node.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const agents = arg('agents', 1000);
const setup = {
  agents, sample: Math.min(arg('sample', 100), agents), period: arg('period', 10), seconds: arg('seconds', 30),
  warmup: arg('warmup', 5), password: TEST_PASSWORD,
};

const fx = await startBenchNode(agents);
await fx.web.cti?.whenOpen();
const notify = fx.node.services.find(isNotifyService);
const engine = fx.node.services.find(isEngineService);
if (!notify || !engine) throw new Error('the node runs no notification service or engine');
const child = fork(new URL('./support/web-notify-driver.ts', import.meta.url), [JSON.stringify({
  ...setup, webPort: Number(new URL(fx.baseUrl).port), ctiPort: engine.ctiPort, boshPort: notify.ports.bosh, xmppDomain: notify.server.domain,
})], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const next = () => new Promise<unknown>((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`the driver exited (${code})`)));
});
await next(); // measuring: everyone signed in, clients subscribed, warm-up over
const meter = cpuMeter();
const result = await next() as Record<string, unknown>;
const cpu = meter();
console.log(JSON.stringify({
  bench: 'web-notify-latency', ...setup, password: undefined, ...result,
  node_cpu_pct: cpu.cpuPct, loadavg_1m: round(os.loadavg()[0] ?? 0),
}));
await fx.close();
