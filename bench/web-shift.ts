// A shift, lab-driven, with nothing lost: N agents (default 2,000, POISE_DEMO_AGENTS) each with an XMPP desktop in
// another process (half WebSocket, half BOSH), all signed in and READY over CTI; the call manager's seeded load
// generator offers C calls/s (default 100) to the load route points for S seconds (default 300), robot phones
// answer after 1 s, customers talk about `aht` seconds, agents wrap up for `wrapup` seconds (the load CSQs are set
// so through /adminapi/) and go READY on their own. Every Dialog event a desktop should see, by the engine's word
// (a bridge-mode CTI session in the client process), is checked against what the desktops received: the offer,
// the answer, the end (support/shift-ledger.ts); and the updates the web service published to the agents' Dialogs
// nodes are counted against those received. Prints one JSON line, with the node's CPU (% of one core).
//   npx tsx bench/web-shift.ts [--agents=2000] [--rate=100] [--seconds=300] [--aht=12] [--wrapup=2] [--drain=30]
//   a short run: npx tsx bench/web-shift.ts --agents=200 --rate=20 --seconds=30
import { fork } from 'node:child_process';
import os from 'node:os';
import { isNotifyService } from '../src/notify/index.ts';
import { isEngineService } from '../src/engine/index.ts';
import { parseXml } from '../src/shared/xml/index.ts';
import { LOAD_ROUTE_POINTS, LOAD_TEAM_SIZE } from '../src/shared/demo-contact-center.ts';
import { basicAuth } from '../test/support/test-node.ts';
import { cpuMeter, round, startBenchNode, TEST_PASSWORD } from './support/web-bench-node.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const agents = arg('agents', Number(process.env.POISE_DEMO_AGENTS ?? 2000));
const rate = arg('rate', 100);
const seconds = arg('seconds', 300);
const wrapup = arg('wrapup', 2);
const answerDelay = 1;
// By default about three agents in four are busy: a call holds an agent for ring + talk + wrap-up.
const aht = arg('aht', Math.max(1, round((0.75 * agents) / rate - answerDelay - wrapup, 1)));
const drainSeconds = arg('drain', wrapup + 30);

const fx = await startBenchNode(agents);
await fx.web.cti?.whenOpen();
await fx.web.teams.whenBuilt();
const notify = fx.node.services.find(isNotifyService);
const engine = fx.node.services.find(isEngineService);
if (!notify || !engine) throw new Error('the node runs no notification service or engine');
const admin = { authorization: basicAuth('admin', TEST_PASSWORD) };

// The load CSQs' wrap-up, through the configuration API as an administrator would set it.
const adminapi = `${new URL(fx.baseUrl).origin}/adminapi`;
const listed = parseXml(await (await fetch(`${adminapi}/csq`, { headers: admin })).text());
if (!listed.ok) throw new Error('GET /adminapi/csq did not answer XML');
for (const csq of listed.root.getChildElements().filter((c) => c.getChildText('name')?.startsWith('Load CSQ'))) {
  const url = `${adminapi}/csq/${csq.getChildText('id')}`;
  const body = (await (await fetch(url, { headers: admin })).text()).replace(/<wrapupTime>\d+<\/wrapupTime>/, `<wrapupTime>${wrapup}</wrapupTime>`);
  const res = await fetch(url, { method: 'PUT', headers: { ...admin, 'content-type': 'application/xml' }, body });
  if (res.status !== 200) throw new Error(`PUT ${url}: ${res.status} ${await res.text()}`);
}

// What the web service published to the load agents' Dialogs nodes.
const published = { POST: 0, PUT: 0, DELETE: 0 };
const recording = fx.web.publisher;
const publish = recording.publish.bind(recording);
recording.publish = (node, updateXml) => {
  if (/^\/finesse\/api\/User\/load\d+\/Dialogs$/.test(node)) {
    const event = /<event>(POST|PUT|DELETE)<\/event>/.exec(updateXml)?.[1] as keyof typeof published | undefined;
    if (event) published[event]++;
  }
  publish(node, updateXml);
};

const child = fork(new URL('./support/web-shift-driver.ts', import.meta.url), [JSON.stringify({
  boshPort: notify.ports.bosh, ctiPort: engine.ctiPort, xmppDomain: notify.server.domain, password: TEST_PASSWORD, agents, drainSeconds,
})], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const next = () => new Promise<Record<string, unknown>>((resolve, reject) => {
  child.once('message', (m) => resolve(m as Record<string, unknown>));
  child.once('exit', (code) => reject(new Error(`the driver exited (${code})`)));
});
const ready = await next();

// The shift: Poisson arrivals over the route points of the load teams there are.
const routePoints = LOAD_ROUTE_POINTS.slice(0, Math.min(LOAD_ROUTE_POINTS.length, Math.ceil(agents / LOAD_TEAM_SIZE)));
const meter = cpuMeter();
const started = await fetch(`${fx.cmUrl}/lab/load`, {
  method: 'POST', headers: { ...admin, 'content-type': 'application/json' },
  body: JSON.stringify({
    seed: 20_261_206, callsPerSecond: rate, durationSec: seconds, routePoints: routePoints.map((dn) => ({ dn, weight: 1 })),
    ahtSec: aht, answerDelaySec: answerDelay, callVariables: { callVariable1: 'shift-${n}' },
  }),
});
if (started.status !== 201) throw new Error(`POST /lab/load: ${started.status} ${await started.text()}`);
const { runId } = await started.json() as { runId: string };
const progress = async () => await (await fetch(`${fx.cmUrl}/lab/load/${runId}`, { headers: admin })).json() as Record<string, unknown>;
await new Promise((r) => setTimeout(r, seconds * 1000));
// Arrivals are over; the calls in progress end within a few talk times.
const endBy = Date.now() + (aht * 10 + 60) * 1000;
let last = await progress();
while (last.state !== 'completed' && Date.now() < endBy) {
  await new Promise((r) => setTimeout(r, 1000));
  last = await progress();
}
const cpu = meter();
child.send('finish');
const result = await next();
const received = (event: 'POST' | 'PUT' | 'DELETE') => Number((result.clients as Record<string, number>)[event]);
console.log(JSON.stringify({
  bench: 'web-shift', agents, calls_per_s: rate, seconds, aht_s: aht, wrapup_s: wrapup, route_points: routePoints.length,
  ...ready,
  load: {
    state: last.state, offered: last.offered, answered: last.answered, abandoned: last.abandoned, rona: last.rona,
    failed: last.failed, queue_ms: last.queueTimeMs, event_lag_ms: last.eventLagMs,
  },
  ...result, phase: undefined,
  published,
  lost_after_publish: { POST: published.POST - received('POST'), PUT: published.PUT - received('PUT'), DELETE: published.DELETE - received('DELETE') },
  node_cpu_pct: cpu.cpuPct, loadavg_1m: round(os.loadavg()[0] ?? 0),
}));
await next(); // 'done'
await fx.close();
process.exit(0);
