// The four UCCX service-level variants (telephony-and-routing.md §2.5), in percent with one decimal; null when the
// denominator is zero (adminapi.md §3.2: absent values are null).

export interface ServiceLevelCounts {
  readonly presented: number;
  readonly handled: number;
  readonly handledWithinSL: number;
  readonly abandonedWithinSL: number;
}

export interface ServiceLevelPct {
  readonly onlyHandled: number | null;
  readonly withoutAbandoned: number | null;
  readonly positiveAbandon: number | null;
  readonly negativeAbandon: number | null;
}

const pct = (part: number, whole: number): number | null =>
  whole <= 0 ? null : Math.round((part / whole) * 1000) / 10;

export function serviceLevelPct(c: ServiceLevelCounts): ServiceLevelPct {
  return {
    onlyHandled: pct(c.handledWithinSL, c.handled),
    withoutAbandoned: pct(c.handledWithinSL, c.presented - c.abandonedWithinSL),
    positiveAbandon: pct(c.handledWithinSL + c.abandonedWithinSL, c.presented),
    negativeAbandon: pct(c.handledWithinSL, c.presented),
  };
}
