// Sessions held: S sessions (half BOSH, half WebSocket) sign in and subscribe, then sit idle; the server's RSS per
// idle session, Prosody (each collector) and Poise's notification service in the same run, and the ratios.
// Usage: npx tsx bench/notify-sessions.ts [--sessions 10000] [--gc incremental,generational] [--out FILE]
import {
  PUBLISHER, benchOptions, eachServer, emit, loadFlags, ratio, rssKb, runLoad, say, type LoadResult,
} from './notify-peer.ts';

const { options: o, values } = await benchOptions({
  sessions: { type: 'string', default: '10000' },
  rate: { type: 'string', default: '10' }, // a trickle to the WebSocket half, showing the server alive
  duration: { type: 'string', default: '10' },
  settle: { type: 'string', default: '10' }, // idle time after both halves are ready, before publishing
});
const sessions = Number(values.sessions);
const half = Math.floor(sessions / 2);

const results = await eachServer(o, sessions, PUBLISHER, async (target) => {
  const idleKb = await rssKb(target.pid);
  const started = Date.now();
  const common = { rate: Number(values.rate), duration: Number(values.duration), publisher: PUBLISHER };
  const extra = (settle: string) => ['--settle', settle, '--warmup', '2', '--drain', '10', '--setup-timeout', '1800'];
  // One half after the other: a server signing in one half must still answer the other half's node set-up.
  // The BOSH half waits (a long settle) while the WebSocket half signs in, trickles items and drains; then the
  // BOSH driver is stopped. The WebSocket deliveries show the server alive with every session held.
  const bosh = runLoad(o, target, loadFlags({ ...common, transport: 'bosh', sessions: half, firstId: 1, extra: extra('3600') }, o), 'bosh');
  const boshReady = await bosh.setupDone;
  const ws = runLoad(o, target, loadFlags({ ...common, transport: 'ws', sessions: sessions - half, firstId: half + 1, extra: extra(values.settle) }, o), 'ws');
  const wsReady = await ws.setupDone;
  const setupS = (Date.now() - started) / 1000;
  const readyKb = await rssKb(target.pid); // every session signed in, subscribed and idle
  const wsLine = await ws.result;
  bosh.stop();
  await bosh.result;
  const lines = wsLine ? [wsLine] : [];
  const ready = boshReady + wsReady;
  const record = {
    bench: 'notify-sessions', server: target.label, sessions, sessions_ready: ready,
    bosh_ready: boshReady, ws_ready: wsReady,
    lost: lines.reduce((n, r) => n + (r.lost ?? 0), 0), expected: lines.reduce((n, r) => n + (r.expected ?? 0), 0),
    rss_mb_idle: Math.round(idleKb / 102.4) / 10, rss_mb_ready: Math.round(readyKb / 102.4) / 10,
    kb_per_idle_session: ready > 0 ? Math.round(((readyKb - idleKb) / ready) * 10) / 10 : null,
    setup_s: Math.round(setupS * 10) / 10,
    setup_cpu_s: lines.map((r) => r.server?.cpu_s_setup ?? null),
    p99_ms: lines.map((r) => r.latency_ms?.p99 ?? null),
  };
  await emit(o, { ...record, drivers: lines });
  return record;
});

const poise = results.find((r) => r.label === 'poise')?.value;
for (const { label, value } of results) {
  if (label === 'poise' || !poise) continue;
  await emit(o, { ratio: `poise/${label}`, bench: 'notify-sessions', sessions,
    rss_ready: ratio(poise.rss_mb_ready, value.rss_mb_ready),
    kb_per_idle_session: ratio(poise.kb_per_idle_session ?? undefined, value.kb_per_idle_session ?? undefined),
    setup_s: ratio(poise.setup_s, value.setup_s) });
}
say(`done; logs in ${o.work}`);
