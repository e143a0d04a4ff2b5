// The standby's copy of the master's live state: a checked snapshot replaces it whole, each checked delta then
// updates the rows it names, in order. A delta out of order is refused and leaves the copy as it was (the link
// is then dropped and a new snapshot taken). Whatever the link does, the copy holds the last state it was sure
// of: the one a take-over applies.
import type {
  ReplicaAgent, ReplicaCall, ReplicaContact, ReplicaCounters, ReplicaDelta, ReplicaState, ReplicaStatistics,
} from './replica-state.ts';

export type Applied = { readonly ok: true } | { readonly ok: false; readonly error: string };

export class ReplicaCopy {
  #agents = new Map<string, ReplicaAgent>();
  #calls = new Map<string, ReplicaCall>();
  #contacts = new Map<string, ReplicaContact>();
  #counters: ReplicaCounters | undefined;
  #statistics: ReplicaStatistics = { dayStartsAt: 0, csqs: [] };
  /** The seq of the last snapshot or delta applied; undefined before the first snapshot. */
  #seq: number | undefined;
  #updatedAt = 0;
  readonly #listeners = new Set<() => void>();

  /** True once a snapshot has been applied: there is a state to take over. */
  get complete(): boolean { return this.#counters !== undefined; }
  get seq(): number | undefined { return this.#seq; }
  /** Local time of the last change applied (ms since the epoch). */
  get updatedAt(): number { return this.#updatedAt; }

  /** Told after each snapshot or delta applied. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  applySnapshot(seq: number, state: ReplicaState): void {
    this.#agents = new Map(state.agents.map((a) => [a.userId, a]));
    this.#calls = new Map(state.calls.map((c) => [c.callId, c]));
    this.#contacts = new Map(state.contacts.map((c) => [c.contactId, c]));
    this.#counters = state.counters;
    this.#statistics = state.statistics;
    this.#seq = seq;
    this.#changed();
  }

  /** Deltas follow their snapshot one by one; a new link starts from a new snapshot (`expectSnapshot`). */
  applyDelta(seq: number, delta: ReplicaDelta): Applied {
    if (this.#seq === undefined) return { ok: false, error: 'delta before any snapshot' };
    if (seq !== this.#seq + 1) return { ok: false, error: `delta ${seq} after ${this.#seq}` };
    for (const row of delta.agents) this.#agents.set(row.userId, row);
    for (const row of delta.calls) this.#calls.set(row.callId, row);
    for (const id of delta.callsGone) this.#calls.delete(id);
    for (const row of delta.contacts) this.#contacts.set(row.contactId, row);
    for (const id of delta.contactsGone) this.#contacts.delete(id);
    this.#counters = delta.counters;
    if (delta.statistics) this.#statistics = delta.statistics;
    this.#seq = seq;
    this.#changed();
    return { ok: true };
  }

  /** A new link: the next message must be a snapshot; the rows stay until it comes. */
  expectSnapshot(): void { this.#seq = undefined; }

  /** The state to take over; undefined if no snapshot ever came. */
  state(): ReplicaState | undefined {
    if (!this.#counters) return undefined;
    return {
      agents: [...this.#agents.values()], calls: [...this.#calls.values()], contacts: [...this.#contacts.values()],
      counters: this.#counters, statistics: this.#statistics,
    };
  }

  #changed(): void {
    this.#updatedAt = Date.now();
    for (const listener of this.#listeners) listener();
  }
}
