// Short and long sliding windows per CSQ (desktop-and-gadgets.md §6.1: 5/10/15 min short, 30 min long), derived
// from samples of the engine's cumulative "today" counters: a window's figure is now minus the sample at its start.
import type { CsqRecord } from '../broker/messages.ts';

export interface CsqWindow { abandoned: number; dequeued: number; avgHandleMs: number; avgWaitMs: number; serviceLevelPct: number | null }

type Counters = CsqRecord['today'];
interface Sample { at: number; today: Counters }

const SAMPLE_EVERY_MS = 10_000;

export class CsqWindows {
  readonly #samples = new Map<string, Sample[]>();

  constructor(readonly shortMs: number, readonly longMs: number) {}

  record(csq: CsqRecord, at: number): void {
    let samples = this.#samples.get(csq.csqId);
    if (!samples) this.#samples.set(csq.csqId, (samples = []));
    const last = samples.at(-1);
    // A counter that went down means a reset (midnight or the administrator): the old samples no longer subtract.
    if (last && last.today.presented > csq.today.presented) samples.length = 0;
    if (!last || at - last.at >= SAMPLE_EVERY_MS || samples.length === 0) samples.push({ at, today: { ...csq.today } });
    const keepFrom = at - this.longMs - SAMPLE_EVERY_MS;
    while (samples.length > 2 && samples[1]!.at <= keepFrom) samples.shift();
  }

  forget(csqId: string): void { this.#samples.delete(csqId); }

  window(csq: CsqRecord, now: number, spanMs: number): CsqWindow {
    const samples = this.#samples.get(csq.csqId) ?? [];
    // The newest sample at or before the window's start; with none that old, the oldest we have.
    let base: Counters | undefined;
    for (const sample of samples) { if (sample.at <= now - spanMs) base = sample.today; else break; }
    base ??= samples[0]?.today;
    return windowBetween(base, csq.today);
  }
}

/** Service level % is handled within SL over handled (UCCX's first SL figure); null when nothing was handled. */
export function windowBetween(from: Counters | undefined, to: Counters): CsqWindow {
  const d = (key: keyof Counters) => Math.max(0, to[key] - (from?.[key] ?? 0));
  const handled = d('handled');
  const dequeued = d('dequeued');
  return {
    abandoned: d('abandoned'),
    dequeued,
    avgHandleMs: handled === 0 ? 0 : Math.round(d('handleMsTotal') / handled),
    avgWaitMs: dequeued === 0 ? 0 : Math.round(d('queueMsTotal') / dequeued),
    serviceLevelPct: handled === 0 ? null : Math.round((1000 * d('handledWithinSl')) / handled) / 10,
  };
}
