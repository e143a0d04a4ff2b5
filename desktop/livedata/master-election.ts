// Which Live Data gadget of a desktop holds the Socket.IO connection. Every gadget says hello; after a short wait
// the lowest module id among those it heard becomes master and says so; a master answers every later hello, so a
// gadget that loads later (a tab opened afterwards, a reloaded gadget) finds it at once. If two masters meet, the
// higher module id steps down.
import { TOPICS, midOf, type HubLike } from './hub-protocol.ts';

export interface ElectionTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ElectionOptions {
  hub: HubLike;
  mid: string;
  /** How long to listen before deciding; the hub delivers within milliseconds, so this is short. */
  waitMs?: number;
  timers?: ElectionTimers;
  /** Called with the master's mid whenever it is learned or changes (this gadget's own mid when it is master). */
  onMaster(mid: string): void;
}

/** Module ids are numbers in practice (`mid=3`); compare them as numbers when both are. */
export function midBefore(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) && a.trim() !== '' && b.trim() !== '' ? x < y : a < b;
}

const MAX_ROUNDS = 3;

export class MasterElection {
  readonly #known = new Set<string>();
  readonly #timers: ElectionTimers;
  readonly #waitMs: number;
  #master: string | undefined;
  #timer: unknown;
  #rounds = 0;

  constructor(readonly options: ElectionOptions) {
    this.#timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    this.#waitMs = options.waitMs ?? 300;
  }

  get master(): string | undefined { return this.#master; }
  get isMaster(): boolean { return this.#master === this.options.mid; }

  start(): void {
    const { hub, mid } = this.options;
    hub.subscribe(TOPICS.hello, (_t, data) => this.#onHello(midOf(data)));
    hub.subscribe(TOPICS.present, (_t, data) => { const m = midOf(data); if (m && m !== mid && !this.#master) this.#known.add(m); });
    hub.subscribe(TOPICS.master, (_t, data) => this.#onMaster(midOf(data)));
    hub.publish(TOPICS.hello, { mid });
    this.#schedule();
  }

  close(): void { this.#timers.clearTimeout(this.#timer); }

  #onHello(from: string | undefined): void {
    if (!from || from === this.options.mid) return;
    if (this.isMaster) return this.options.hub.publish(TOPICS.master, { mid: this.options.mid });
    if (this.#master) return;
    this.#known.add(from);
    this.options.hub.publish(TOPICS.present, { mid: this.options.mid });
  }

  #onMaster(from: string | undefined): void {
    if (!from || from === this.#master) return;
    if (this.isMaster) {
      if (from === this.options.mid || !midBefore(from, this.options.mid)) {
        return this.options.hub.publish(TOPICS.master, { mid: this.options.mid }); // the other steps down
      }
    }
    this.#timers.clearTimeout(this.#timer);
    this.#master = from;
    this.options.onMaster(from);
  }

  #schedule(): void {
    this.#timer = this.#timers.setTimeout(() => this.#decide(), this.#waitMs);
  }

  #decide(): void {
    if (this.#master) return;
    const { mid } = this.options;
    const lowest = [...this.#known].every((other) => midBefore(mid, other));
    // A lower gadget that never announced itself has gone (unloaded before deciding): take over after a few rounds.
    if (lowest || ++this.#rounds >= MAX_ROUNDS) {
      this.#master = mid;
      this.options.hub.publish(TOPICS.master, { mid });
      this.options.onMaster(mid);
      return;
    }
    this.#schedule();
  }
}
