// Fan-out latency: S BOSH sessions (default 5,000), P items/s (default 500) published round-robin to their nodes;
// publish → delivery p50/p99 for Prosody (each collector) and Poise's notification service, and the ratios.
// Usage: npx tsx bench/notify-fanout-latency.ts [--sessions 5000] [--rate 500] [--transport bosh] [--out FILE]
import { PUBLISHER, benchOptions, eachServer, emit, loadFlags, ratio, runLoad, say } from './notify-peer.ts';

const { options: o, values } = await benchOptions({
  sessions: { type: 'string', default: '5000' },
  rate: { type: 'string', default: '500' },
  transport: { type: 'string', default: 'bosh' },
  duration: { type: 'string', default: '30' },
});
const sessions = Number(values.sessions);

const results = await eachServer(o, sessions, PUBLISHER, async (target) => {
  const flags = loadFlags({ transport: values.transport, sessions, rate: Number(values.rate), duration: Number(values.duration),
    publisher: PUBLISHER, extra: ['--warmup', '5', '--drain', '10', '--setup-timeout', '1800'] }, o);
  const line = await runLoad(o, target, flags, values.transport).result;
  await emit(o, { bench: 'notify-fanout-latency', ...line });
  return line;
});

const poise = results.find((r) => r.label === 'poise')?.value;
for (const { label, value } of results) {
  if (label === 'poise' || !poise || !value) continue;
  await emit(o, { ratio: `poise/${label}`, bench: 'notify-fanout-latency', transport: values.transport, sessions, rate: Number(values.rate),
    p50: ratio(poise.latency_ms?.p50, value.latency_ms?.p50), p99: ratio(poise.latency_ms?.p99, value.latency_ms?.p99),
    delivered_per_s: ratio(poise.delivered_per_s, value.delivered_per_s),
    cpu_pct_run: ratio(poise.server?.cpu_pct_run, value.server?.cpu_pct_run), lost: [poise.lost, value.lost] });
}
say(`done; logs in ${o.work}`);
