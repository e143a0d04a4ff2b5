// Routing under load: 2,000 agents over 20 CSQs (100 per CSQ, one skill each), the call manager's seeded load
// generator at 100 calls/s (talk time 15 s exponential, robot phones answer after 1 s), so about three agents in
// four are busy and the rest READY. The engine runs in process on the call model through the telephony provider,
// with its CTI server on TCP and 10 bridge-mode CTI clients (with the Poise extensions) reading every event.
// Prints the routing decision latency (a new contact to the reserved agent, contacts matched at once) p50/p99,
// the process CPU % (engine, call model, load generator and the 10 clients together) and events/s received.
//   npx tsx bench/engine-routing.ts [--seconds=45] [--long]      (--long: 300 s)
import { performance } from 'node:perf_hooks';
import { CallModel } from '../src/callmanager/calls/call-model.ts';
import { MemoryDialPlan } from '../src/callmanager/calls/memory-dial-plan.ts';
import { labTelephonyOver } from '../src/callmanager/lab/call-model-telephony.ts';
import { LoadSpec } from '../src/callmanager/lab/load-plan.ts';
import { LoadRun } from '../src/callmanager/lab/load-runner.ts';
import { TelephonyProvider } from '../src/callmanager/provider/provider.ts';
import type { EngineConfig } from '../src/engine/config/engine-config.ts';
import { CtiClient } from '../src/engine/cti/client.ts';
import { Service } from '../src/engine/cti/codec/index.ts';
import { CtiServer } from '../src/engine/cti/server.ts';
import { openEngine } from '../src/engine/engine.ts';
import { DEFAULT_SETTINGS, type Csq } from '../src/engine/resources/types.ts';
import { RealClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { percentile } from '../src/shared/percentiles.ts';

const COMMAND = 'npx tsx bench/engine-routing.ts';
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const seconds = arg('long') ? 300 : Number(arg('seconds')?.split('=')[1] ?? 45);
const AGENTS = 2000;
const CSQS = 20;
const CLIENTS = 10;
const CALLS_PER_SECOND = 100;

// --- the call manager's devices: 20 route points, one phone per agent
const dialPlan = new MemoryDialPlan();
const routePoints = Array.from({ length: CSQS }, (_, i) => ({ dn: String(7201 + i), device: `RP_${7201 + i}` }));
for (const rp of routePoints) dialPlan.addDevice({ name: rp.device, kind: 'CTI_ROUTE_POINT', lines: [{ pattern: rp.dn }] });
const agents = Array.from({ length: AGENTS }, (_, i) => ({
  userId: `bench${i + 1}`, extension: String(30001 + i), phone: `SEP${String(30001 + i).padStart(12, '0')}`, csq: (i % CSQS) + 1,
}));
for (const a of agents) dialPlan.addDevice({ name: a.phone, kind: 'PHONE', registered: true, lines: [{ pattern: a.extension }] });
const model = new CallModel({ dialPlan });
const provider = new TelephonyProvider({
  model, devices: dialPlan,
  authenticateAppUser: async () => ({ userid: 'bench', associatedDevices: [...routePoints.map((r) => r.device), ...agents.map((a) => a.phone)] }),
});

// --- the engine's configuration, built directly: CSQ n serves skill n, its trigger is route point 720n
const csqs: Csq[] = Array.from({ length: CSQS }, (_, i) => ({
  id: i + 1, name: `Bench CSQ ${i + 1}`, queueType: 'VOICE', autoWork: false, wrapupTime: 0,
  pool: { type: 'SKILL_GROUP', skills: [{ skillId: i + 1, minimumCompetence: 1, weight: 1, order: 1 }] },
  selectionCriteria: 'Longest Available', serviceLevel: 5, serviceLevelPercentage: 80, ronaTimeoutSec: 0, ronaRequeue: 'HEAD',
}));
const config: EngineConfig = {
  skills: csqs.map((c) => ({ id: c.id, name: c.name })), resourceGroups: [], teams: [],
  resources: agents.map((a) => ({ userId: a.userId, automaticAvailable: true, skills: new Map([[a.csq, 5]]) })),
  csqs,
  applications: csqs.map((c) => ({ id: c.id, name: c.name, maxSessions: 1000, script: 'icd', parameters: { CSQ: c.name } })),
  callControlGroups: [],
  triggers: routePoints.map((rp, i) => ({
    directoryNumber: rp.dn, routePartitionName: '', deviceName: rp.device, applicationId: i + 1, enabled: true,
    maxSessions: 1000, idleTimeoutMs: 5000,
  })),
  settings: DEFAULT_SETTINGS,
};
const clock = new RealClock();
const engine = await openEngine({
  provider, credentials: { appUser: 'bench', password: 'bench' }, clock, log: silentLogger,
  repository: { load: async () => config },
  directory: { listAgents: async () => agents.map((a) => ({ userId: a.userId, extension: a.extension, type: 'AGENT' as const, devices: [a.phone] })) },
});
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

for (const a of agents) {
  engine.agents.request(a.userId, 'LOGIN');
  engine.agents.request(a.userId, 'READY');
}
await new Promise((r) => setTimeout(r, 500)); // the sign-in events reach the clients before measuring
received = 0;
statisticsEvents = 0;

const spec = LoadSpec.parse({
  seed: 20_260_525, callsPerSecond: CALLS_PER_SECOND, durationSec: seconds,
  routePoints: routePoints.map((r) => ({ dn: r.dn, weight: 1 })), ahtSec: 15, answerDelaySec: 1,
});
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const run = new LoadRun('bench', spec, labTelephonyOver(model, dialPlan), clock, (device) => device.startsWith('SEP'));
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
await engine.close();
clock.close();
process.exit(0);
