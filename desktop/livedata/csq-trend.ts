// Calls waiting and service level over the last 30 minutes, sampled from the CSQ Summary rows the chart receives:
// one point per 5 s bucket (the latest figures in it), the total waiting over the CSQs shown and their mean
// service level. Pure: the chart view draws what this returns.
import { numberOf, type LiveRow } from './rows.ts';

export const TREND_WINDOW_MS = 30 * 60_000;
export const TREND_BUCKET_MS = 5_000;

export interface TrendPoint { at: number; callsWaiting: number; serviceLevelPct: number | null }

export class CsqTrend {
  readonly #points: TrendPoint[] = [];

  constructor(readonly windowMs = TREND_WINDOW_MS, readonly bucketMs = TREND_BUCKET_MS) {}

  /** Records the figures of every CSQ row at `at` (server time). */
  record(rows: Iterable<LiveRow>, at: number): void {
    let waiting = 0;
    let levels = 0;
    let levelSum = 0;
    for (const row of rows) {
      waiting += numberOf(row, 'callsWaiting') ?? 0;
      const level = numberOf(row, 'short.serviceLevelPct');
      if (level !== undefined) { levels++; levelSum += level; }
    }
    const point: TrendPoint = { at: Math.floor(at / this.bucketMs) * this.bucketMs, callsWaiting: waiting, serviceLevelPct: levels === 0 ? null : levelSum / levels };
    const last = this.#points.at(-1);
    if (last && last.at === point.at) this.#points[this.#points.length - 1] = point;
    else if (!last || last.at < point.at) this.#points.push(point);
    while (this.#points.length > 0 && this.#points[0]!.at < point.at - this.windowMs) this.#points.shift();
  }

  get points(): readonly TrendPoint[] { return this.#points; }

  /** Columns for the chart: seconds, calls waiting, service level %. */
  series(): [number[], number[], (number | null)[]] {
    return [this.#points.map((p) => p.at / 1000), this.#points.map((p) => p.callsWaiting), this.#points.map((p) => p.serviceLevelPct)];
  }
}
