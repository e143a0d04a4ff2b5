// Routing under load: 2,000 agents over 20 CSQs (100 per CSQ, one skill each), the call manager's seeded load
// generator at 100 calls/s (talk time 15 s exponential, robot phones answer after 1 s), so about three agents in
// four are busy and the rest READY. The engine runs in process on the call model through the telephony provider,
// with its CTI server on TCP and 10 bridge-mode CTI clients (with the Poise extensions) reading every event.
// Prints the routing decision latency (a new contact to the reserved agent, contacts matched at once) p50/p99,
// the process CPU % (engine, call model, load generator and the 10 clients together) and events/s received.
//   npx tsx bench/engine-routing.ts [--seconds=45] [--long]      (--long: 300 s)
import { performance } from 'node:perf_hooks';
import { CtiClient } from '../src/engine/cti/client.ts';
import { Service } from '../src/engine/cti/codec/index.ts';
import { CtiServer } from '../src/engine/cti/server.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { percentile } from '../src/shared/percentiles.ts';
import { openBenchContactCenter } from './support/bench-contact-center.ts';

const COMMAND = 'npx tsx bench/engine-routing.ts';
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const seconds = arg('long') ? 300 : Number(arg('seconds')?.split('=')[1] ?? 45);
const AGENTS = 2000;
const CSQS = 20;
const CLIENTS = 10;
const CALLS_PER_SECOND = 100;

const center = await openBenchContactCenter({ agents: AGENTS, csqs: CSQS });
const { engine, clock } = center;
const cti = new CtiServer({ engine, clock, log: silentLogger, host: '127.0.0.1', port: 0 });
const port = await cti.listen();

// --- 10 CTI clients count every event they receive
let received = 0;
let statisticsEvents = 0;
const clients = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
  const { client, reply } = await CtiClient.open({
    host: '127.0.0.1', port, clientId: `bench-${i}`,
    servicesRequested: Service.ALL_EVENTS | Service.CLIENT_CONTROL | Service.POISE_SERVICE_EXTENSIONS,
  });
  if (reply.type !== 'OPEN_CONF') throw new Error(`CTI session refused: ${reply.type}`);
  void (async () => {
    for (;;) {
      const m = await Promise.race([client.nextEvent(), client.closed.then(() => undefined)]);
      if (!m) return;
      received++;
      if (m.type === 'POISE_CSQ_STATISTICS_EVENT') statisticsEvents++;
    }
  })();
  return client;
}));

// cti.md §9.1: clients send a heartbeat every 15 s, or the engine resets them after IdleTimeout (60 s)
const heartbeats = setInterval(() => { for (const c of clients) void c.heartbeat(); }, 15_000);

// --- routing decision latency: OFFERED → RESERVED of contacts matched at once
const offeredAt = new Map<string, number>();
const latencies: number[] = [];
let queued = 0;
engine.router.observe((event) => {
  if (event.type === 'OFFERED') offeredAt.set(event.contactId, performance.now());
  else if (event.type === 'ENTERED') { if (offeredAt.delete(event.entry.contactId)) queued++; }
  else if (event.type === 'RESERVED') {
    const t0 = offeredAt.get(event.reservation.contactId);
    if (t0 === undefined) return;
    offeredAt.delete(event.reservation.contactId);
    latencies.push(performance.now() - t0);
  }
});

center.signInAll();
await new Promise((r) => setTimeout(r, 500)); // the sign-in events reach the clients before measuring
received = 0;
statisticsEvents = 0;

const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const run = center.startLoad(CALLS_PER_SECOND, seconds);
let busyPeak = 0;
const sampler = setInterval(() => {
  let busy = 0;
  for (const s of engine.agents.sessions()) if (s.state !== 'READY') busy++;
  busyPeak = Math.max(busyPeak, busy);
}, 1000);
await new Promise((r) => setTimeout(r, seconds * 1000));
const wallMs = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
const events = received;
const progress = run.progress();
run.stop();
clearInterval(sampler);
clearInterval(heartbeats);

const round = (n: number | undefined, digits = 3) => (n === undefined ? null : +n.toFixed(digits));
const result = {
  command: `${COMMAND}${seconds === 45 ? '' : seconds === 300 ? ' --long' : ` --seconds=${seconds}`}`,
  seconds, agents: AGENTS, csqs: CSQS, ctiClients: CLIENTS, callsPerSecond: CALLS_PER_SECOND,
  offered: progress.offered, answered: progress.answered, queuedFirst: queued, busyAgentsPeak: busyPeak,
  routingDecisionMs: { samples: latencies.length, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(Math.max(...latencies)) },
  cpuPercent: +(((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(1),
  ctiEventsPerSecond: Math.round(events / (wallMs / 1000)),
  ctiEventsPerSecondPerClient: Math.round(events / CLIENTS / (wallMs / 1000)),
  csqStatisticsEventsPerSecond: Math.round(statisticsEvents / (wallMs / 1000)),
  loadGeneratorLagMs: progress.eventLagMs, progress,
};
console.log(JSON.stringify(result));
console.log(`routing decision p50 ${result.routingDecisionMs.p50} ms, p99 ${result.routingDecisionMs.p99} ms over ${latencies.length} contacts; `
  + `CPU ${result.cpuPercent} %; ${result.ctiEventsPerSecond} CTI events/s received by ${CLIENTS} clients`);

await Promise.all(clients.map((c) => c.close()));
await cti.close();
await center.close();
process.exit(0);
