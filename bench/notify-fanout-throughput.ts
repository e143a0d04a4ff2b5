// Fan-out throughput: S sessions (default 1,000) per transport at rising publish rates; for each server the
// highest delivery rate at which nothing was lost, per transport, and Poise's ratio to each Prosody collector.
// Usage: npx tsx bench/notify-fanout-throughput.ts [--sessions 1000] [--transports bosh,ws] [--rates 1000,2000,4000]
//        [--gc generational] [--out FILE]
import { PUBLISHER, benchOptions, emit, loadFlags, ratio, runLoad, say, startPoise, startProsody, type LoadResult, type Target } from './notify-peer.ts';

const { options: o, values } = await benchOptions({
  sessions: { type: 'string', default: '1000' },
  transports: { type: 'string', default: 'bosh,ws' },
  rates: { type: 'string', default: '1000,2000,4000' },
  duration: { type: 'string', default: '20' },
});
const sessions = Number(values.sessions);
const rates = values.rates.split(',').map(Number);

/** Best lossless delivery rate per transport, as measured on one freshly started server per cell. */
const best = new Map<string, number>();
const servers: Array<{ label: string; start: () => Promise<Target> }> = [
  ...o.gcModes.map((gc) => ({ label: `prosody-${gc}`, start: () => startProsody(o, sessions, PUBLISHER, gc) })),
  { label: 'poise', start: () => startPoise(o, PUBLISHER) },
];
for (const transport of values.transports.split(',')) {
  for (const server of servers) {
    for (const rate of rates) {
      say(`${server.label}: ${sessions} ${transport} sessions at ${rate} items/s`);
      const target = await server.start();
      let line: LoadResult | undefined;
      try {
        line = await runLoad(o, target, loadFlags({ transport, sessions, rate, duration: Number(values.duration), publisher: PUBLISHER,
          extra: ['--warmup', '5', '--drain', '10', '--setup-timeout', '1800'] }, o), `${transport}-${rate}`).result;
      } finally {
        await target.stop();
      }
      await emit(o, { bench: 'notify-fanout-throughput', ...line });
      const key = `${server.label}/${transport}`;
      if (line && line.lost === 0 && !line.aborted) best.set(key, Math.max(best.get(key) ?? 0, line.delivered_per_s ?? 0));
      if (!line || (line.lost ?? 0) > 0) break; // past saturation; higher rates only lose more
    }
  }
  for (const { label } of servers) {
    if (label === 'poise') continue;
    await emit(o, { ratio: `poise/${label}`, bench: 'notify-fanout-throughput', transport, sessions,
      lossless_delivered_per_s: [best.get(`poise/${transport}`) ?? 0, best.get(`${label}/${transport}`) ?? 0],
      delivered_per_s: ratio(best.get(`poise/${transport}`), best.get(`${label}/${transport}`)) });
  }
}
say(`done; logs in ${o.work}`);
