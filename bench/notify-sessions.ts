// Sessions held: S sessions (half BOSH, half WebSocket) sign in and subscribe, then sit idle; the server's RSS per
// idle session, Prosody (each collector) and Poise's notification service in the same run, and the ratios.
// Usage: npx tsx bench/notify-sessions.ts [--sessions 10000] [--gc incremental,generational] [--out FILE]
import {
  PUBLISHER, benchOptions, eachServer, emit, loadFlags, ratio, rssKb, runLoad, say, type LoadResult,
} from './notify-peer.ts';

const { options: o, values } = await benchOptions({
  sessions: { type: 'string', default: '10000' },
  rate: { type: 'string', default: '10' }, // a trickle, so the sessions are idle but shown to be alive
  duration: { type: 'string', default: '10' },
  settle: { type: 'string', default: '10' }, // idle time after both halves are ready, before publishing
});
const sessions = Number(values.sessions);
const half = Math.floor(sessions / 2);

const results = await eachServer(o, sessions, PUBLISHER, async (target) => {
  const idleKb = await rssKb(target.pid);
  const started = Date.now();
  const common = { rate: Math.max(1, Math.round(Number(values.rate) / 2)), duration: Number(values.duration), publisher: PUBLISHER,
    extra: ['--settle', values.settle, '--warmup', '2', '--drain', '10', '--setup-timeout', '1800'] };
  const bosh = runLoad(o, target, loadFlags({ ...common, transport: 'bosh', sessions: half, firstId: 1 }, o), 'bosh');
  const ws = runLoad(o, target, loadFlags({ ...common, transport: 'ws', sessions: sessions - half, firstId: half + 1 }, o), 'ws');
  await Promise.all([bosh.setupDone, ws.setupDone]);
  const setupS = (Date.now() - started) / 1000;
  const readyKb = await rssKb(target.pid); // every session signed in, subscribed and idle
  const lines = (await Promise.all([bosh.result, ws.result])).filter((r): r is LoadResult => r !== undefined);
  const ready = lines.reduce((n, r) => n + (r.sessions_ready ?? 0), 0);
  const record = {
    bench: 'notify-sessions', server: target.label, sessions, sessions_ready: ready,
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
