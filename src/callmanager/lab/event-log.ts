// The recent call-model events, for `GET /lab/events?since=seq` long polls.

export interface Sequenced { readonly seq: number }

export class EventLog<E extends Sequenced> {
  readonly #events: E[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(private readonly capacity = 10_000) {}

  push(event: E): void {
    this.#events.push(event);
    if (this.#events.length > this.capacity) this.#events.splice(0, this.#events.length - this.capacity);
    for (const wake of this.#waiters) wake();
    this.#waiters.clear();
  }

  since(seq: number, limit = 1000): E[] {
    // Events are in seq order, so a binary search finds the first one after `seq`.
    let lo = 0;
    let hi = this.#events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#events[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return this.#events.slice(lo, lo + limit);
  }

  get lastSeq(): number { return this.#events.at(-1)?.seq ?? 0; }

  /** Resolves with the events after `seq` as soon as there are any, or with none after `waitMs`. */
  wait(seq: number, waitMs: number, signal?: AbortSignal): Promise<E[]> {
    const ready = this.since(seq);
    if (ready.length > 0 || waitMs <= 0) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(finish);
        signal?.removeEventListener('abort', finish);
        resolve(this.since(seq));
      };
      const timer = setTimeout(finish, waitMs);
      this.#waiters.add(finish);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  /** Answers every waiting long poll now: the service is closing. */
  close(): void {
    for (const wake of [...this.#waiters]) wake();
  }

  clear(): void { this.#events.length = 0; }
}
