// One CSQ's waiting contacts in the order they are served (telephony-and-routing.md §3.5): highest priority
// first (10 before 1), then entries returned by RONA, then oldest queuedAt, then lowest contact number.
import { SortedIndex } from './sorted-index.ts';

export interface QueueEntry {
  readonly contactId: string;
  /** Arrival order of the contact: the last tie-break. */
  readonly seq: number;
  readonly csqId: number;
  /** 1–10. */
  readonly priority: number;
  readonly queuedAt: number;
  readonly returned: boolean;
}

export function compareEntries(a: QueueEntry, b: QueueEntry): number {
  return b.priority - a.priority
    || Number(b.returned) - Number(a.returned)
    || a.queuedAt - b.queuedAt
    || a.seq - b.seq;
}

/** Told of every entry that joins or leaves a queue, so statistics follow the queues without scanning them. */
export interface QueueObserver {
  added(entry: QueueEntry): void;
  removed(entry: QueueEntry): void;
}

export class ContactQueue {
  readonly #index = new SortedIndex<QueueEntry>(compareEntries);

  constructor(private readonly observer?: QueueObserver) {}

  get size(): number { return this.#index.size; }
  head(): QueueEntry | undefined { return this.#index.first(); }
  entries(): readonly QueueEntry[] { return this.#index.values(); }
  add(entry: QueueEntry): void {
    this.#index.insert(entry);
    this.observer?.added(entry);
  }

  remove(entry: QueueEntry): boolean {
    if (!this.#index.remove(entry)) return false;
    this.observer?.removed(entry);
    return true;
  }
}
