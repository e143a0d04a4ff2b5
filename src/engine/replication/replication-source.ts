// The master's side of replication, free of sockets: which rows changed since the last delta. The engine's own
// signals (agent state and pending-state changes, routing's contact events, call facts) mark rows dirty; one
// flush per turn of the event loop compares each dirty row with the one last sent and hands the changes, as one
// numbered delta, to every subscriber. A sweep every `sweepMs` marks every row dirty, so a change no signal named
// still reaches the standby within that time.
import type { CallFact } from '../contacts/call-facts.ts';
import type { Engine } from '../engine.ts';
import type { ContactEvent } from '../routing/contact-events.ts';
import { captureAgent, captureAll, captureCall, captureContact, captureCounters, captureStatistics } from './capture.ts';
import type { ReplicaCounters, ReplicaDelta, ReplicaState } from './replica-state.ts';

type RowKind = 'agents' | 'calls' | 'contacts';

export interface NumberedDelta extends ReplicaDelta { readonly seq: number }
export type DeltaListener = (delta: NumberedDelta) => void;

export interface ReplicationSourceOptions {
  /** Default 1,000 ms. */
  readonly sweepMs?: number;
}

export class ReplicationSource {
  readonly #engine: Engine;
  readonly #subscribers = new Set<DeltaListener>();
  /** Each row as last sent, serialised, to tell a change from a repeat. */
  readonly #sent = { agents: new Map<string, string>(), calls: new Map<string, string>(), contacts: new Map<string, string>() };
  #sentCounters = '';
  #sentStatistics = '';
  readonly #dirty = { agents: new Set<string>(), calls: new Set<string>(), contacts: new Set<string>() };
  #seq = 0;
  #flushQueued = false;
  #closed = false;
  readonly #sweep: NodeJS.Timeout;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(engine: Engine, options: ReplicationSourceOptions = {}) {
    this.#engine = engine;
    engine.agents.onChange((s) => { if (!this.#closed) this.#mark('agents', s.userId); });
    engine.agents.onPending((s) => { if (!this.#closed) this.#mark('agents', s.userId); });
    this.#unsubscribe.push(engine.router.observe((event) => this.#onContact(event)));
    this.#unsubscribe.push(engine.contacts.onFact((fact) => this.#onFact(fact)));
    this.#unsubscribe.push(engine.onReload(() => { if (this.#subscribers.size > 0) this.#markAll(); }));
    this.#sweep = setInterval(() => { if (this.#subscribers.size > 0) this.#markAll(); }, options.sweepMs ?? 1000);
    this.#sweep.unref();
  }

  get seq(): number { return this.#seq; }

  /**
   * The whole state now, numbered: a subscriber added in the same turn gets the deltas after it. Pending changes
   * go out first to the subscribers already there, so every subscriber sees each change exactly once.
   */
  snapshot(): { readonly seq: number; readonly state: ReplicaState } {
    // every row is compared, so the subscribers already there get even a change no signal named
    this.#markAll();
    this.#flushNow();
    const state = captureAll(this.#engine);
    this.#sent.agents = rowsById(state.agents, (a) => a.userId);
    this.#sent.calls = rowsById(state.calls, (c) => c.callId);
    this.#sent.contacts = rowsById(state.contacts, (c) => c.contactId);
    this.#sentCounters = JSON.stringify(state.counters);
    this.#sentStatistics = JSON.stringify(state.statistics);
    return { seq: this.#seq, state };
  }

  subscribe(listener: DeltaListener): () => void {
    this.#subscribers.add(listener);
    return () => this.#subscribers.delete(listener);
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#sweep);
    for (const off of this.#unsubscribe) off();
    this.#subscribers.clear();
  }

  #onContact(event: ContactEvent): void {
    switch (event.type) {
      case 'OFFERED': case 'ABANDONED':
        this.#mark('contacts', event.contactId);
        if (event.type === 'ABANDONED' && event.reservation) this.#mark('agents', event.reservation.userId);
        return;
      case 'ENTERED': case 'LEFT':
        return this.#mark('contacts', event.entry.contactId);
      case 'RESERVED': case 'ANSWERED': case 'RONA':
        this.#mark('contacts', event.reservation.contactId);
        return this.#mark('agents', event.reservation.userId);
    }
  }

  #onFact(fact: CallFact): void {
    const calls = fact.kind === 'TRANSFERRED' || fact.kind === 'CONFERENCED' ? [fact.call, fact.secondary] : [fact.call];
    for (const call of calls) {
      this.#mark('calls', call.id);
      this.#mark('contacts', call.id);
      for (const device of call.seen) {
        const agent = this.#engine.resources.byExtension(device);
        if (agent) this.#mark('agents', agent.resource.userId);
      }
    }
  }

  #mark(kind: RowKind, id: string): void {
    if (this.#closed || this.#subscribers.size === 0) return;
    this.#dirty[kind].add(id);
    this.#queueFlush();
  }

  #markAll(): void {
    if (this.#closed) return;
    for (const s of this.#engine.agents.sessions()) this.#dirty.agents.add(s.userId);
    for (const id of this.#sent.agents.keys()) this.#dirty.agents.add(id);
    for (const call of this.#engine.contacts.calls()) { this.#dirty.calls.add(call.id); this.#dirty.contacts.add(call.id); }
    for (const id of this.#sent.calls.keys()) this.#dirty.calls.add(id);
    for (const id of this.#sent.contacts.keys()) this.#dirty.contacts.add(id);
    this.#queueFlush();
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#flushQueued = false;
    if (this.#closed) return;
    this.#flushNow();
  }

  #flushNow(): void {
    const agents = diff(this.#dirty.agents, this.#sent.agents, (id) => captureAgent(this.#engine, id));
    const calls = diff(this.#dirty.calls, this.#sent.calls, (id) => captureCall(this.#engine, id));
    const contacts = diff(this.#dirty.contacts, this.#sent.contacts, (id) => captureContact(this.#engine, id));
    const counters: ReplicaCounters = captureCounters(this.#engine);
    const countersText = JSON.stringify(counters);
    const countersChanged = countersText !== this.#sentCounters;
    this.#sentCounters = countersText;
    const statistics = captureStatistics(this.#engine);
    const statisticsText = JSON.stringify(statistics);
    const statisticsChanged = statisticsText !== this.#sentStatistics;
    this.#sentStatistics = statisticsText;
    if (this.#subscribers.size === 0) return;
    if (agents.changed.length + calls.changed.length + calls.gone.length + contacts.changed.length + contacts.gone.length === 0
      && !countersChanged && !statisticsChanged) return;
    const delta: NumberedDelta = {
      seq: ++this.#seq, agents: agents.changed, calls: calls.changed, callsGone: calls.gone,
      contacts: contacts.changed, contactsGone: contacts.gone, counters, statistics: statisticsChanged ? statistics : null,
    };
    for (const listener of this.#subscribers) listener(delta);
  }
}

function rowsById<T>(rows: readonly T[], idOf: (row: T) => string): Map<string, string> {
  return new Map(rows.map((row) => [idOf(row), JSON.stringify(row)]));
}

/** The dirty rows that differ from the ones sent (and are now recorded as sent), and the ones gone; clears `dirty`. */
function diff<T>(dirty: Set<string>, sent: Map<string, string>, capture: (id: string) => T | undefined): { changed: T[]; gone: string[] } {
  const changed: T[] = [];
  const gone: string[] = [];
  for (const id of dirty) {
    const row = capture(id);
    if (row === undefined) {
      if (sent.delete(id)) gone.push(id);
      continue;
    }
    const text = JSON.stringify(row);
    if (sent.get(id) === text) continue;
    sent.set(id, text);
    changed.push(row);
  }
  dirty.clear();
  return { changed, gone };
}
