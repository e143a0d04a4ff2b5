// POISE_CSQ_STATISTICS_EVENT (cti.md §8.3): on change, at most one per second per CSQ. A change is sent after the
// routing step that made it (a microtask later), or when the CSQ's second is up; a record equal to the last one
// sent is not sent again. Timers are owned here and cleared in close().
import type { Clock, TimerHandle } from '../../shared/clock.ts';
import type { Engine } from '../engine.ts';
import type { CtiMessage } from './codec/index.ts';
import { csqStatisticsRecord } from './csq-statistics.ts';

const MIN_INTERVAL_MS = 1000;

type StatisticsSource = Pick<Engine, 'router' | 'statistics'>;

export class CsqStatisticsEvents {
  readonly #engine: StatisticsSource;
  readonly #clock: Clock;
  readonly #send: (message: CtiMessage) => void;
  readonly #last = new Map<number, { sentAt: number; key: string }>();
  readonly #timers = new Map<number, TimerHandle>();
  readonly #due = new Set<number>();
  readonly #unsubscribe: () => void;
  #closed = false;

  constructor(deps: { engine: StatisticsSource; clock: Clock; send: (message: CtiMessage) => void }) {
    this.#engine = deps.engine;
    this.#clock = deps.clock;
    this.#send = deps.send;
    this.#unsubscribe = deps.engine.statistics.onCsqChange((id) => this.#changed(id));
  }

  close(): void {
    this.#closed = true;
    this.#unsubscribe();
    for (const timer of this.#timers.values()) this.#clock.clearTimeout(timer);
    this.#timers.clear();
    this.#due.clear();
  }

  #changed(csqId: number): void {
    if (this.#closed || this.#timers.has(csqId) || this.#due.has(csqId)) return;
    const last = this.#last.get(csqId);
    const wait = last ? last.sentAt + MIN_INTERVAL_MS - this.#clock.now() : 0;
    if (wait > 0) {
      this.#timers.set(csqId, this.#clock.setTimeout(() => { this.#timers.delete(csqId); this.#emit(csqId); }, wait));
      return;
    }
    if (this.#due.size === 0) queueMicrotask(() => this.#flush());
    this.#due.add(csqId);
  }

  #flush(): void {
    const due = [...this.#due];
    this.#due.clear();
    for (const id of due) this.#emit(id);
  }

  #emit(csqId: number): void {
    if (this.#closed) return;
    const csq = this.#engine.router.csq(csqId);
    const figures = this.#engine.statistics.csq(csqId);
    if (!csq || !figures) return;
    const record = csqStatisticsRecord(csq, figures);
    const key = JSON.stringify(record);
    if (this.#last.get(csqId)?.key === key) return;
    this.#last.set(csqId, { sentAt: this.#clock.now(), key });
    this.#send({ type: 'POISE_CSQ_STATISTICS_EVENT', ...record });
  }
}
