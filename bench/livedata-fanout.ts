// Live Data under load: 2,000 agents over 20 CSQs (teams of 50 with a supervisor each), the seeded load generator at
// 100 calls/s, the engine's statistics feed through the broker to the Live Data Socket.IO service, and 500 clients
// (another process) each watching its team's Agent State Detail and the CSQ Summary. Prints the update rate the
// clients receive, the delay from an agent's state change in the engine to the client (p50/p99), and the server
// process's CPU % and RSS (engine, call model, load generator and Live Data together).
//   npx tsx bench/livedata-fanout.ts [--seconds=30] [--clients=500] [--broker=amqp://guest:guest@127.0.0.1:5672]
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { openBroker } from '../src/livedata/broker/index.ts';
import { LivedataServer } from '../src/livedata/server/livedata-server.ts';
import type { Viewer } from '../src/livedata/reports/scope.ts';
import { StatisticsFeed } from '../src/engine/stats/statistics-feed.ts';
import { listenOn } from '../src/shared/listen.ts';
import { parseBasicAuthorization } from '../src/shared/basic-auth.ts';
import { openBenchContactCenter, TEAM_SIZE } from './support/bench-contact-center.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const seconds = Number(arg('seconds') ?? 30);
const clientCount = Number(arg('clients') ?? 500);
const brokerUrl = arg('broker') ?? 'memory://';
const AGENTS = 2000;
const CSQS = 20;
const CALLS_PER_SECOND = 100;
const quiet = { warn: () => undefined, info: () => undefined };

const center = await openBenchContactCenter({ agents: AGENTS, csqs: CSQS });
const broker = await openBroker(brokerUrl, quiet);
// With a real broker the engine and Live Data use separate connections, as on two nodes.
const livedataBroker = brokerUrl === 'memory://' ? broker : await openBroker(brokerUrl, quiet);
const feed = new StatisticsFeed({ engine: center.engine, broker, clock: center.clock });
// Sign-in is not what is measured: every bench supervisor is believed (the service signs in through AXL).
const authenticate = async (authorization: unknown): Promise<Viewer | undefined> => {
  const credentials = typeof authorization === 'string' ? parseBasicAuthorization(authorization) : undefined;
  return credentials && { userId: credentials.userid, supervisor: true, administrator: false };
};
const livedata = new LivedataServer({ broker: livedataBroker, authenticate, log: quiet, nodeName: 'bench' });
const http = createServer();
await livedata.start();
livedata.attach(http, '/socket.io');
const port = await listenOn(http, 0, '127.0.0.1');
center.signInAll();
feed.publishAll();
await new Promise((r) => setTimeout(r, 1000));

const teams = Math.ceil(AGENTS / TEAM_SIZE);
const clients = fork(new URL('./support/livedata-clients.ts', import.meta.url), [String(port), String(clientCount), String(teams), String(seconds)], {
  execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
await new Promise<void>((resolve) => clients.once('message', () => resolve()));
const run = center.startLoad(CALLS_PER_SECOND, seconds + 5);
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let rssPeak = 0;
const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 500);
clients.send('go');
const figures = await new Promise<Record<string, unknown>>((resolve) => clients.once('message', (m) => resolve(m as Record<string, unknown>)));
const wallMs = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
const progress = run.progress();
run.stop();

const result = {
  command: `npx tsx bench/livedata-fanout.ts --seconds=${seconds} --clients=${clientCount}${brokerUrl === 'memory://' ? '' : ` --broker=${brokerUrl.replace(/\/\/[^@]*@/, '//')}`}`,
  broker: broker.kind, agents: AGENTS, csqs: CSQS, callsPerSecond: CALLS_PER_SECOND, offered: progress.offered,
  ...figures,
  serverCpuPercent: +(((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(1),
  serverRssPeakMb: Math.round(rssPeak / 1048576),
};
console.log(JSON.stringify(result));
feed.close();
await livedata.close();
http.close();
if (livedataBroker !== broker) await livedataBroker.close();
await broker.close();
await center.close();
process.exit(0);
