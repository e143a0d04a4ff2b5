// The load generator's schedule, as pure data: the same spec and seed always give the same calls.
import { z } from 'zod';
import { exponential, lognormal, stream } from './random-streams.ts';

const RoutePointWeight = z.object({ dn: z.string().min(1), weight: z.number().positive().default(1) });

export const LoadSpec = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  callsPerSecond: z.number().positive().max(10_000),
  durationSec: z.number().positive().optional(),
  totalCalls: z.number().int().positive().max(10_000_000).optional(),
  routePoints: z.array(RoutePointWeight).min(1),
  callerPattern: z.string().regex(/^[+0-9X]{1,32}$/).default('+1408555XXXX'),
  callVariables: z.record(z.string(), z.string()).default({}),
  ahtSec: z.number().positive().default(180),
  ahtDistribution: z.enum(['exponential', 'fixed', 'lognormal']).default('exponential'),
  ahtCv: z.number().positive().default(0.5),
  abandonProbability: z.number().min(0).max(1).default(0),
  patienceMeanSec: z.number().positive().default(60),
  answerDelaySec: z.number().min(0).default(2),
  noAnswerProbability: z.number().min(0).max(1).default(0),
  agents: z.array(z.string().min(1)).optional(),
  agentControl: z.enum(['none', 'cti']).default('none'),
}).refine((s) => s.durationSec !== undefined || s.totalCalls !== undefined, {
  message: 'one of durationSec or totalCalls is required',
});
export type LoadSpec = z.infer<typeof LoadSpec>;

export interface PlannedCall {
  seq: number;
  /** ms after the run starts */
  atMs: number;
  to: string;
  from: string;
  callVariables: Record<string, string>;
  /** talk time before the caller's robot hangs up */
  talkMs: number;
  /** set when this caller is impatient: hangs up this long after arriving unless answered first */
  patienceMs: number | undefined;
}

/** Per-device draws, taken in the order calls reach the robot phones. */
export interface AnswerDraws { answerDelayMs: number; neverAnswers: boolean }

export class LoadPlan {
  readonly #spec: LoadSpec;
  readonly #arrival: () => number;
  readonly #routePoint: () => number;
  readonly #caller: () => number;
  readonly #aht: () => number;
  readonly #abandon: () => number;
  readonly #patience: () => number;
  readonly #answer: () => number;
  readonly #noAnswer: () => number;
  readonly #totalWeight: number;
  #seq = 0;
  #atMs = 0;

  constructor(spec: LoadSpec) {
    this.#spec = spec;
    const s = spec.seed;
    this.#arrival = stream(s, 'arrival');
    this.#routePoint = stream(s, 'routePoint');
    this.#caller = stream(s, 'caller');
    this.#aht = stream(s, 'aht');
    this.#abandon = stream(s, 'abandon');
    this.#patience = stream(s, 'patience');
    this.#answer = stream(s, 'answer');
    this.#noAnswer = stream(s, 'noAnswer');
    this.#totalWeight = spec.routePoints.reduce((sum, rp) => sum + rp.weight, 0);
  }

  /** The next call of the run, or undefined once the stop condition is reached. */
  next(): PlannedCall | undefined {
    const spec = this.#spec;
    if (spec.totalCalls !== undefined && this.#seq >= spec.totalCalls) return undefined;
    const gapMs = exponential(this.#arrival(), 1000 / spec.callsPerSecond);
    const atMs = this.#atMs + gapMs;
    if (spec.durationSec !== undefined && atMs > spec.durationSec * 1000) return undefined;
    this.#atMs = atMs;
    const seq = ++this.#seq;
    const impatient = this.#abandon() < spec.abandonProbability;
    const patience = exponential(this.#patience(), spec.patienceMeanSec * 1000);
    return {
      seq,
      atMs: Math.round(atMs),
      to: this.#pickRoutePoint(),
      from: spec.callerPattern.replace(/X/g, () => String(Math.floor(this.#caller() * 10))),
      callVariables: Object.fromEntries(
        Object.entries(spec.callVariables).map(([k, v]) => [k, v.replaceAll('${n}', String(seq))]),
      ),
      talkMs: Math.round(this.#drawAht()),
      patienceMs: impatient ? Math.round(patience) : undefined,
    };
  }

  nextAnswer(): AnswerDraws {
    // answerDelaySec is read as the mean ring time, drawn like the spec's other exponential draws.
    return {
      answerDelayMs: Math.round(exponential(this.#answer(), this.#spec.answerDelaySec * 1000)),
      neverAnswers: this.#noAnswer() < this.#spec.noAnswerProbability,
    };
  }

  #pickRoutePoint(): string {
    let u = this.#routePoint() * this.#totalWeight;
    for (const rp of this.#spec.routePoints) {
      if (u < rp.weight) return rp.dn;
      u -= rp.weight;
    }
    return this.#spec.routePoints[this.#spec.routePoints.length - 1]!.dn;
  }

  #drawAht(): number {
    const mean = this.#spec.ahtSec * 1000;
    switch (this.#spec.ahtDistribution) {
      case 'fixed': return mean;
      case 'exponential': return exponential(this.#aht(), mean);
      case 'lognormal': return lognormal(this.#aht(), this.#aht(), mean, this.#spec.ahtCv);
    }
  }
}
