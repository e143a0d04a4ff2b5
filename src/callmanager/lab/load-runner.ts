// Runs a LoadPlan against the call model: customers arrive on schedule, impatient ones hang up, robot agents'
// phones answer after their ring time (or never: RONA), and each customer hangs up after their talk time.
import type { Clock, TimerHandle } from '../../shared/clock.ts';
import { percentile } from '../../shared/percentiles.ts';
import type { CallEvent } from '../calls/types.ts';
import { LoadPlan, type LoadSpec, type PlannedCall } from './load-plan.ts';
import type { LabTelephony } from './lab-telephony.ts';

export type LoadRunState = 'running' | 'completed' | 'stopped';

export interface LoadProgress {
  runId: string; state: LoadRunState; elapsedSec: number;
  offered: number; answered: number; abandoned: number; rona: number; failed: number; inQueue: number;
  queueTimeMs: { p50: number | null; p95: number | null; max: number | null };
  eventLagMs: { p50: number | null; p99: number | null };
}

interface LiveCall {
  planned: PlannedCall; arrivedAt: number; answered: boolean;
  patienceTimer?: TimerHandle; talkTimer?: TimerHandle;
}

export class LoadRun {
  readonly #plan: LoadPlan;
  readonly #live = new Map<string, LiveCall>();
  // `${callId} ${terminal}` → the robot's answer timer; undefined for a robot that never answers
  readonly #ringing = new Map<string, TimerHandle | undefined>();
  readonly #queueTimes: number[] = [];
  readonly #lags: number[] = [];
  readonly #unsubscribe: () => void;
  #nextArrival: TimerHandle | undefined;
  #startedAt: number;
  #endedAt: number | undefined;
  #state: LoadRunState = 'running';
  #counts = { offered: 0, answered: 0, abandoned: 0, rona: 0, failed: 0 };

  constructor(readonly runId: string, spec: LoadSpec, private readonly telephony: LabTelephony,
              private readonly clock: Clock, private readonly isRobotPhone: (device: string) => boolean) {
    this.#plan = new LoadPlan(spec);
    this.#startedAt = clock.now();
    this.#unsubscribe = telephony.subscribe((event) => this.#onEvent(event));
    this.#scheduleNext();
  }

  progress(): LoadProgress {
    const end = this.#endedAt ?? this.clock.now();
    const orNull = (v: number | undefined) => (v === undefined ? null : Math.round(v));
    return {
      runId: this.runId, state: this.#state, elapsedSec: Math.round((end - this.#startedAt) / 100) / 10,
      ...this.#counts,
      inQueue: [...this.#live.values()].filter((c) => !c.answered).length,
      queueTimeMs: {
        p50: orNull(percentile(this.#queueTimes, 50)), p95: orNull(percentile(this.#queueTimes, 95)),
        max: this.#queueTimes.length ? Math.max(...this.#queueTimes) : null,
      },
      eventLagMs: { p50: orNull(percentile(this.#lags, 50)), p99: orNull(percentile(this.#lags, 99)) },
    };
  }

  /** Stops arrivals and every robot timer; calls already placed stay up (`POST /lab/reset` drops them). */
  stop(state: LoadRunState = 'stopped'): void {
    if (this.#state !== 'running') return;
    this.#state = state;
    this.#endedAt = this.clock.now();
    this.clock.clearTimeout(this.#nextArrival);
    for (const call of this.#live.values()) {
      this.clock.clearTimeout(call.patienceTimer);
      this.clock.clearTimeout(call.talkTimer);
    }
    for (const timer of this.#ringing.values()) this.clock.clearTimeout(timer);
    this.#ringing.clear();
    this.#unsubscribe();
  }

  #scheduleNext(): void {
    const next = this.#plan.next();
    if (!next) {
      if (this.#live.size === 0) this.stop('completed');
      this.#nextArrival = undefined;
      return;
    }
    const due = this.#startedAt + next.atMs;
    this.#nextArrival = this.clock.setTimeout(() => this.#arrive(next, due), Math.max(0, due - this.clock.now()));
  }

  #arrive(planned: PlannedCall, due: number): void {
    const now = this.clock.now();
    this.#lags.push(now - due);
    this.#counts.offered++;
    try {
      const call = this.telephony.placeInbound({ from: planned.from, to: planned.to, callVariables: planned.callVariables });
      if (call.connections.some((c) => c.ccState === 'FAILED')) {
        // Busy or unreachable: the caller hears it and hangs up at once.
        this.#counts.failed++;
        this.telephony.hangUpCaller(call.id);
        this.#scheduleNext();
        return;
      }
      const live: LiveCall = { planned, arrivedAt: now, answered: false };
      if (planned.patienceMs !== undefined) {
        live.patienceTimer = this.clock.setTimeout(() => this.#abandon(call.id), planned.patienceMs);
      }
      this.#live.set(call.id, live);
      // The call's first events went out before it was known here: pick up a phone already ringing. Read the call
      // again: an engine on the same event bus may have redirected it to an agent's phone inside placeInbound.
      for (const connection of (this.telephony.getCall(call.id) ?? call).connections) {
        for (const tc of connection.terminalConnections) {
          if (tc.ccState === 'RINGING' && this.isRobotPhone(tc.terminal)) this.#ring(call.id, tc.terminal);
        }
      }
    } catch {
      this.#counts.failed++; // the route point is busy or unknown: the caller hears a fast busy
    }
    this.#scheduleNext();
  }

  #abandon(callId: string): void {
    const live = this.#live.get(callId);
    if (!live || live.answered) return;
    this.#counts.abandoned++;
    this.telephony.hangUpCaller(callId);
  }

  #ring(callId: string, terminal: string): void {
    const key = `${callId} ${terminal}`;
    if (this.#ringing.has(key)) return;
    const draw = this.#plan.nextAnswer();
    if (draw.neverAnswers) {
      this.#ringing.set(key, undefined);
      return;
    }
    this.#ringing.set(key, this.clock.setTimeout(() => {
      this.#ringing.delete(key);
      this.telephony.tryAnswer(callId, terminal);
    }, draw.answerDelayMs));
  }

  #onEvent(event: CallEvent): void {
    const live = this.#live.get(event.callId);
    if (!live) return;
    const terminal = event.terminal;
    if (event.type === 'CallCtlTermConnRingingEv' && terminal && this.isRobotPhone(terminal)) {
      this.#ring(event.callId, terminal);
    } else if (event.type === 'CallCtlTermConnTalkingEv' && terminal && this.isRobotPhone(terminal) && !live.answered) {
      this.#ringing.delete(`${event.callId} ${terminal}`);
      live.answered = true;
      this.#counts.answered++;
      this.#queueTimes.push(this.clock.now() - live.arrivedAt);
      this.clock.clearTimeout(live.patienceTimer);
      live.talkTimer = this.clock.setTimeout(() => this.telephony.hangUpCaller(event.callId), live.planned.talkMs);
    } else if (event.type === 'CallCtlTermConnDroppedEv' && terminal && this.#ringing.has(`${event.callId} ${terminal}`)) {
      // The phone stopped ringing before its robot answered: the engine took the call back (RONA).
      this.clock.clearTimeout(this.#ringing.get(`${event.callId} ${terminal}`));
      this.#ringing.delete(`${event.callId} ${terminal}`);
      this.#counts.rona++;
    } else if (event.type === 'CallInvalidEv') {
      this.clock.clearTimeout(live.patienceTimer);
      this.clock.clearTimeout(live.talkTimer);
      this.#live.delete(event.callId);
      if (this.#state === 'running' && this.#nextArrival === undefined && this.#live.size === 0) this.stop('completed');
    }
  }
}
