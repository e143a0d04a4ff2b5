// The client side of bench/web-notify-latency.ts, in its own process: signs in N agents, subscribes a sample of
// them over WebSocket (@xmpp/client) and BOSH (raw), then every agent changes state (READY ↔ NOT_READY) every
// `period` seconds on average. Sampled agents change over REST, timed from sending the PUT to the User
// notification carrying its requestId, per transport; the others sign in and change over a CTI session of their
// own (as a second CTI application would), so the web service still turns all of them into notifications without
// paying each one's first-request password check (about 0.3 s of CPU apiece here).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Element } from 'ltx';
import { connectClient, xml } from '../../test/support/xmpp.ts';
import { CtiClient } from '../../src/engine/cti/client.ts';
import { openBoshListener } from './bosh-listener.ts';

interface Setup {
  webPort: number; boshPort: number; ctiPort: number; xmppDomain: string; password: string;
  agents: number; sample: number; period: number; seconds: number; warmup: number;
}
const setup = JSON.parse(process.argv[2]!) as Setup;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const auth = (userid: string) => `Basic ${Buffer.from(`${userid}:${setup.password}`).toString('base64')}`;

function put(userid: string, body: string, requestId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: setup.webPort, path: `/finesse/api/User/${userid}`, method: 'PUT', agent,
      headers: { authorization: auth(userid), 'content-type': 'application/xml', requestId, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function getText(userid: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: setup.webPort, path, agent, headers: { authorization: auth(userid) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

const ids = Array.from({ length: setup.agents }, (_, i) => `load${i + 1}`);
const notReadyCode = /\/ReasonCode\/(\d+)</.exec(await getText(ids[0]!, `/finesse/api/User/${ids[0]}/ReasonCodes?category=NOT_READY`))?.[1];
const notReady = notReadyCode ? `<User><state>NOT_READY</state><reasonCodeId>${notReadyCode}</reasonCodeId></User>` : '<User><state>NOT_READY</state></User>';

// Sign in everyone over CTI (LOGIN leaves the agent NOT_READY); warm up the sampled agents' REST sign-in.
const opened = await CtiClient.open({ host: '127.0.0.1', port: setup.ctiPort, clientId: 'bench-load', callMsgMask: 0, agentStateMask: 0 });
if (opened.reply.type !== 'OPEN_CONF') throw new Error(`CTI session refused: ${JSON.stringify(opened.reply)}`);
const cti = opened.client;
const heartbeat = setInterval(() => void cti.heartbeat().catch(() => undefined), 15_000);
const ctiState = (id: string, agentState: 'LOGIN' | 'READY' | 'NOT_READY') => cti.request({
  type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0, eventReasonCode: 0,
  forcedFlag: 0, agentServiceReq: 0, agentInstrument: String(20000 + Number(id.slice(4))), agentId: id,
});
const signInT0 = performance.now();
for (let i = 0; i < ids.length; i += 50) {
  await Promise.all(ids.slice(i, i + 50).map(async (id) => {
    const reply = await ctiState(id, 'LOGIN');
    if (reply.type !== 'SET_AGENT_STATE_CONF') throw new Error(`sign-in of ${id} refused: ${JSON.stringify(reply)}`);
  }));
}
for (let i = 0; i < setup.sample; i += 4) await Promise.all(ids.slice(i, i + 4).map((id) => getText(id, `/finesse/api/User/${id}`)));
const signInMs = performance.now() - signInT0;

// Sampled agents: the first half on WebSocket, the second on BOSH.
type Transport = 'websocket' | 'bosh';
const sent = new Map<string, number>();
const latencies: Record<Transport, number[]> = { websocket: [], bosh: [] };
let measuring = false;
const seen = (transport: Transport, text: string) => {
  const now = performance.now();
  for (const m of text.matchAll(/lat-\d+/g)) {
    const t0 = sent.get(m[0]);
    if (t0 === undefined) continue;
    sent.delete(m[0]);
    if (measuring) latencies[transport].push(now - t0);
  }
};
const sample = ids.slice(0, setup.sample);
const wsClients = await Promise.all(sample.slice(0, Math.ceil(sample.length / 2)).map(async (id) => {
  const client = await connectClient({ service: `ws://127.0.0.1:${setup.boshPort}/ws/`, domain: setup.xmppDomain, username: id, password: setup.password });
  client.on('stanza', (stanza: Element) => { if (stanza.is('message')) seen('websocket', stanza.toString()); });
  await client.send(xml('presence'));
  return client;
}));
const boshClients = await Promise.all(sample.slice(Math.ceil(sample.length / 2)).map((id) => openBoshListener({
  url: `http://127.0.0.1:${setup.boshPort}/http-bind/`, domain: setup.xmppDomain, username: id, password: setup.password,
  onBody: (text) => seen('bosh', text),
})));

// Every agent changes state every `period` s on average: agents × 1/period changes per second, spread evenly.
const ready = new Set<string>();
const busy = new Set<string>();
let seq = 0;
let requests = 0;
let refused = 0;
const refusals: Record<string, number> = {};
const tickMs = 10;
const perTick = (setup.agents / setup.period) * (tickMs / 1000);
let owed = 0;
let ctiRequests = 0;
const timer = setInterval(() => {
  owed += perTick;
  for (; owed >= 1; owed--) {
    const index = Math.floor(Math.random() * ids.length);
    const id = ids[index]!;
    if (busy.has(id)) continue;
    busy.add(id);
    const goReady = !ready.has(id);
    const done = (ok: boolean, why = '') => {
      if (!ok) { refused++; refusals[why] = (refusals[why] ?? 0) + 1; }
      else if (goReady) ready.add(id); else ready.delete(id);
    };
    if (index >= setup.sample) {
      ctiRequests++;
      ctiState(id, goReady ? 'READY' : 'NOT_READY')
        .then((r) => done(r.type === 'SET_AGENT_STATE_CONF', `cti ${'status' in r ? r.status : r.type}`), () => done(false, 'cti error'))
        .finally(() => busy.delete(id));
      continue;
    }
    const requestId = `lat-${++seq}`;
    sent.set(requestId, performance.now());
    requests++;
    put(id, goReady ? '<User><state>READY</state></User>' : notReady, requestId).then((status) => {
      if (status !== 202) sent.delete(requestId);
      done(status === 202, `rest ${status}`);
    }, () => done(false, 'rest error')).finally(() => busy.delete(id));
  }
}, tickMs);

await new Promise((r) => setTimeout(r, setup.warmup * 1000));
process.send?.('measuring');
const requests0 = requests + ctiRequests;
const restRequests0 = requests;
const seq0 = seq;
measuring = true;
const t0 = performance.now();
await new Promise((r) => setTimeout(r, setup.seconds * 1000));
const wallMs = performance.now() - t0;
const measuredRequests = requests + ctiRequests - requests0;
const restRequests = requests - restRequests0;
const seq1 = seq;
clearInterval(timer);
await new Promise((r) => setTimeout(r, 2000)); // the last notifications
measuring = false;

const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN) * 100) / 100;
  return { count: s.length, p50_ms: at(50), p99_ms: at(99), max_ms: at(100) };
};
process.send?.({
  sign_in_s: Math.round(signInMs / 100) / 10, changes_per_s: Math.round(measuredRequests / (wallMs / 1000)), refused,
  // REST changes sent in the measured span whose notification never came (a sampled agent's own node).
  refusals, rest_changes: restRequests,
  unnotified: [...sent.keys()].filter((k) => { const n = Number(k.slice(4)); return n > seq0 && n <= seq1; }).length,
  websocket_clients: wsClients.length, bosh_clients: boshClients.length,
  websocket: stats(latencies.websocket), bosh: stats(latencies.bosh),
});
// The node closes next and takes every session with it; a client library stopped here may still be reading.
clearInterval(heartbeat);
for (const c of boshClients) c.close();
process.send?.('done', () => process.exit(0));
