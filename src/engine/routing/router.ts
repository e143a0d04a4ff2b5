// The routing step (telephony-and-routing.md §3.4, §3.5): new contacts meet READY agents, READY agents meet the
// oldest eligible contact, RONA puts the contact back, abandon takes it out. Every path runs through one
// drain loop, so two events never claim the same agent or contact. Pure: no telephony; the contact manager
// acts on `onReserved` (redirect the call) and reports answer, abandon and call end back.
import type { Clock, TimerHandle } from '../../shared/clock.ts';
import type { AgentSession, AgentStates } from '../resources/agent-states.ts';
import { inPool } from '../resources/csq-membership.ts';
import type { AgentState, Csq, Resource, Settings } from '../resources/types.ts';
import type { ContactEvent, ContactObserver } from './contact-events.ts';
import { ContactQueue, compareEntries, type QueueEntry, type QueueObserver } from './contact-queue.ts';
import { ReadyAgents } from './ready-agents.ts';

export interface QueueRequest { readonly csqId: number; readonly priority?: number }

export interface Reservation { readonly contactId: string; readonly userId: string; readonly csqId: number }

export type ContactState = 'QUEUED' | 'RESERVED' | 'CONNECTED' | 'ENDED' | 'ABANDONED';

/** A contact routing holds, as another engine can take it on (src/engine/replication). */
export interface RoutedContact {
  readonly contactId: string;
  readonly seq: number;
  readonly queuedAt: number;
  readonly state: 'QUEUED' | 'RESERVED' | 'CONNECTED';
  readonly entries: readonly Pick<QueueEntry, 'csqId' | 'priority' | 'queuedAt' | 'returned'>[];
  readonly reservation: Pick<Reservation, 'userId' | 'csqId'> | undefined;
  /** When the reserved agent's phone began to ring: the RONA timer counts from here. */
  readonly reservedAt: number | undefined;
  readonly ronaCount: number;
}

interface ContactRecord {
  readonly id: string;
  readonly seq: number;
  /** First entry into a queue: speed of answer and service level count from here (§3.8). */
  readonly queuedAt: number;
  state: ContactState;
  entries: QueueEntry[];
  reservation: Reservation | undefined;
  reservedAt: number | undefined;
  ronaTimer: TimerHandle | undefined;
  ronaCount: number;
}

export interface RouterEvents {
  /** An agent was reserved for a contact: redirect the call to the agent's line. */
  onReserved?(reservation: Reservation): void;
  /** The agent did not answer in time; the contact is back in its queues. */
  onRona?(reservation: Reservation): void;
}

export class Router {
  readonly #clock: Clock;
  readonly #agents: AgentStates;
  readonly #settings: () => Settings;
  readonly #events: RouterEvents;
  readonly #csqs = new Map<number, { csq: Csq; ready: ReadyAgents; queue: ContactQueue }>();
  readonly #resources = new Map<string, Resource>();
  /** The CSQs whose pool holds each agent. */
  readonly #csqsOf = new Map<string, number[]>();
  readonly #contacts = new Map<string, ContactRecord>();
  #seq = 0;
  #draining = false;
  readonly #work: (() => void)[] = [];
  readonly #observers: ContactObserver[] = [];
  readonly #queueObserver: QueueObserver = {
    added: (entry) => this.#emit({ type: 'ENTERED', entry }),
    removed: (entry) => this.#emit({ type: 'LEFT', entry }),
  };

  constructor(deps: { clock: Clock; agents: AgentStates; settings: () => Settings; events?: RouterEvents }) {
    this.#clock = deps.clock;
    this.#agents = deps.agents;
    this.#settings = deps.settings;
    this.#events = deps.events ?? {};
    this.#agents.onChange((s, previous) => this.#agentChanged(s, previous));
  }

  /** Adds or replaces a CSQ; membership is recomputed for every resource. */
  setCsq(csq: Csq): void {
    const old = this.#csqs.get(csq.id);
    this.#csqs.set(csq.id, { csq, ready: new ReadyAgents(csq), queue: old?.queue ?? new ContactQueue(this.#queueObserver) });
    for (const resource of this.#resources.values()) this.#placeResource(resource);
    this.#schedule(() => this.#matchCsq(csq.id));
  }

  /** Adds or replaces a resource, and its agent session (LOGOUT when new). */
  setResource(resource: Resource): void {
    this.#resources.set(resource.userId, resource);
    this.#agents.add(resource.userId, resource.automaticAvailable);
    this.#placeResource(resource);
  }

  /** Follows every contact's progress (statistics); returns the unsubscribe. */
  observe(observer: ContactObserver): () => void {
    this.#observers.push(observer);
    return () => { const i = this.#observers.indexOf(observer); if (i >= 0) this.#observers.splice(i, 1); };
  }

  csq(csqId: number): Csq | undefined { return this.#csqs.get(csqId)?.csq; }
  csqs(): IterableIterator<Csq> { return [...this.#csqs.values()].map((c) => c.csq).values(); }

  csqsOf(userId: string): readonly number[] { return this.#csqsOf.get(userId) ?? []; }
  queued(csqId: number): readonly QueueEntry[] { return this.#csqs.get(csqId)?.queue.entries() ?? []; }
  readyCount(csqId: number): number { return this.#csqs.get(csqId)?.ready.size ?? 0; }
  contactState(contactId: string): ContactState | undefined { return this.#contacts.get(contactId)?.state; }
  reservationOf(contactId: string): Reservation | undefined { return this.#contacts.get(contactId)?.reservation; }

  /** A contact asks for an agent in these CSQs (selectResource); matched at once when one is free. */
  enqueue(contactId: string, requests: readonly QueueRequest[]): void {
    const now = this.#clock.now();
    const record: ContactRecord = {
      id: contactId, seq: ++this.#seq, queuedAt: now, state: 'QUEUED', entries: [], reservation: undefined, reservedAt: undefined,
      ronaTimer: undefined, ronaCount: 0,
    };
    record.entries = requests.filter((r) => this.#csqs.has(r.csqId)).map((r) => ({
      contactId, seq: record.seq, csqId: r.csqId, priority: r.priority ?? 1, queuedAt: now, returned: false,
    }));
    this.#contacts.set(contactId, record);
    this.#emit({ type: 'OFFERED', contactId, csqIds: record.entries.map((e) => e.csqId) });
    this.#schedule(() => this.#queueAndMatch(record));
  }

  /** The reserved agent answered: TALKING, the RONA timer stops. */
  answered(contactId: string): boolean {
    const record = this.#contacts.get(contactId);
    if (!record?.reservation || record.state !== 'RESERVED') return false;
    this.#clock.clearTimeout(record.ronaTimer);
    record.ronaTimer = undefined;
    record.state = 'CONNECTED';
    this.#emit({ type: 'ANSWERED', reservation: record.reservation, queuedAt: record.queuedAt });
    this.#agents.answer(record.reservation.userId);
    return true;
  }

  /** The caller hung up before an agent answered: dequeue; a reserved agent goes back to READY (§3.4). */
  abandon(contactId: string): void {
    const record = this.#contacts.get(contactId);
    if (!record || (record.state !== 'QUEUED' && record.state !== 'RESERVED')) return;
    this.#dequeue(record);
    this.#clock.clearTimeout(record.ronaTimer);
    record.state = 'ABANDONED';
    this.#contacts.delete(contactId);
    this.#emit({
      type: 'ABANDONED', contactId, csqIds: record.entries.map((e) => e.csqId), queuedAt: record.queuedAt,
      reservation: record.reservation,
    });
    if (record.reservation) this.#agents.cancelReservation(record.reservation.userId);
  }

  /** The connected call ended: the agent moves on as §2.2 says, by the CSQ that delivered the contact. */
  ended(contactId: string): void {
    const record = this.#contacts.get(contactId);
    if (!record) return;
    if (record.state !== 'CONNECTED') return this.abandon(contactId);
    record.state = 'ENDED';
    this.#contacts.delete(contactId);
    const reservation = record.reservation;
    if (!reservation) return;
    const csq = this.#csqs.get(reservation.csqId)?.csq;
    this.#agents.callEnded(reservation.userId, csq ?? { autoWork: false, wrapupTime: 0 });
  }

  /** The connected call left routing's hands (it ended, or moved on by transfer): the contact is forgotten and
   *  the agents' side is the contact manager's, which knows who is still on the call. */
  release(contactId: string): void {
    const record = this.#contacts.get(contactId);
    if (!record) return;
    if (record.state !== 'CONNECTED') return this.abandon(contactId);
    record.state = 'ENDED';
    this.#contacts.delete(contactId);
  }

  /** The last contact number given: arrival order across a take-over. */
  get seq(): number { return this.#seq; }

  /** A contact as another engine can take it on; undefined once routing is done with it. */
  routedContact(contactId: string): RoutedContact | undefined {
    const r = this.#contacts.get(contactId);
    if (!r || (r.state !== 'QUEUED' && r.state !== 'RESERVED' && r.state !== 'CONNECTED')) return undefined;
    return {
      contactId: r.id, seq: r.seq, queuedAt: r.queuedAt, state: r.state, reservedAt: r.reservedAt, ronaCount: r.ronaCount,
      entries: r.entries.map(({ csqId, priority, queuedAt, returned }) => ({ csqId, priority, queuedAt, returned })),
      reservation: r.reservation && { userId: r.reservation.userId, csqId: r.reservation.csqId },
    };
  }

  contactIds(): IterableIterator<string> { return this.#contacts.keys(); }

  /**
   * Takes on the contacts another engine routed (take-over): every contact held now is dropped; a queued one joins
   * its CSQs' queues with its first enqueue time (served at once if an agent is free), a ringing one keeps ringing
   * with the RONA time it had left, a connected one waits for its call's end.
   */
  restore(rows: readonly RoutedContact[], seq: number): void {
    for (const record of this.#contacts.values()) {
      this.#clock.clearTimeout(record.ronaTimer);
      this.#dequeue(record);
    }
    this.#contacts.clear();
    this.#seq = Math.max(this.#seq, seq);
    const now = this.#clock.now();
    for (const row of rows) {
      const record: ContactRecord = {
        id: row.contactId, seq: row.seq, queuedAt: row.queuedAt, state: row.state, reservedAt: row.reservedAt,
        entries: row.entries.filter((e) => this.#csqs.has(e.csqId)).map((e) => ({ ...e, contactId: row.contactId, seq: row.seq })),
        reservation: row.reservation && { ...row.reservation, contactId: row.contactId }, ronaTimer: undefined, ronaCount: row.ronaCount,
      };
      this.#contacts.set(record.id, record);
      const reservation = record.reservation;
      if (record.state === 'QUEUED') this.#schedule(() => this.#queueAndMatch(record));
      else if (record.state === 'RESERVED' && reservation) {
        const left = (record.reservedAt ?? now) + this.#ronaMs(reservation.csqId) - now;
        record.ronaTimer = this.#clock.setTimeout(() => this.#rona(record, reservation), Math.max(0, left));
      }
    }
  }

  /** Cancels every RONA timer. */
  close(): void {
    for (const record of this.#contacts.values()) this.#clock.clearTimeout(record.ronaTimer);
  }

  #placeResource(resource: Resource): void {
    const session = this.#agents.get(resource.userId);
    const ids: number[] = [];
    for (const { csq, ready } of this.#csqs.values()) {
      ready.remove(resource.userId);
      if (!inPool(csq, resource)) continue;
      ids.push(csq.id);
      if (session && eligible(session)) ready.add(resource, session);
    }
    this.#csqsOf.set(resource.userId, ids);
    if (session && eligible(session)) this.#schedule(() => this.#matchAgent(resource.userId));
  }

  #agentChanged(session: AgentSession, previous: AgentState): void {
    const resource = this.#resources.get(session.userId);
    if (!resource) return;
    const ids = this.#csqsOf.get(session.userId) ?? [];
    if (eligible(session)) {
      for (const id of ids) this.#csqs.get(id)?.ready.add(resource, session);
      if (previous !== 'READY') this.#schedule(() => this.#matchAgent(session.userId));
    } else {
      for (const id of ids) this.#csqs.get(id)?.ready.remove(session.userId);
    }
  }

  /** Runs routing work one item at a time, in arrival order, even when an item causes more. */
  #schedule(item: () => void): void {
    this.#work.push(item);
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let next = this.#work.shift(); next; next = this.#work.shift()) next();
    } finally {
      this.#draining = false;
    }
  }

  #queueAndMatch(record: ContactRecord): void {
    if (record.state !== 'QUEUED') return;
    // a new contact goes to the first of its CSQs with an agent free (§3.5)
    for (const entry of record.entries) {
      const userId = this.#csqs.get(entry.csqId)?.ready.peek();
      if (userId !== undefined) return this.#reserve(record, userId, entry.csqId);
    }
    for (const entry of record.entries) this.#csqs.get(entry.csqId)?.queue.add(entry);
  }

  /** An agent became eligible: the best head among the queues of its CSQs (§3.5). */
  #matchAgent(userId: string): void {
    const session = this.#agents.get(userId);
    if (!session || !eligible(session)) return;
    let best: QueueEntry | undefined;
    for (const id of this.#csqsOf.get(userId) ?? []) {
      const head = this.#csqs.get(id)?.queue.head();
      if (head && (!best || compareEntries(head, best) < 0)) best = head;
    }
    const record = best && this.#contacts.get(best.contactId);
    if (best && record) this.#reserve(record, userId, best.csqId);
  }

  /** A CSQ changed: serve its queue while it has agents free. */
  #matchCsq(csqId: number): void {
    const entry = this.#csqs.get(csqId);
    if (!entry) return;
    for (;;) {
      const head = entry.queue.head();
      const userId = entry.ready.peek();
      const record = head && this.#contacts.get(head.contactId);
      if (!record || userId === undefined) return;
      this.#reserve(record, userId, csqId);
    }
  }

  #reserve(record: ContactRecord, userId: string, csqId: number): void {
    const csqEntry = this.#csqs.get(csqId);
    if (!csqEntry) return;
    csqEntry.ready.selected(userId);
    this.#dequeue(record);
    const reservation: Reservation = { contactId: record.id, userId, csqId };
    this.#emit({ type: 'RESERVED', reservation });
    if (!this.#agents.reserve(userId, record.id)) {
      // unreachable while indexes follow agent state; keep the contact waiting rather than lose it
      for (const entry of record.entries) this.#csqs.get(entry.csqId)?.queue.add(entry);
      return;
    }
    record.state = 'RESERVED';
    record.reservation = reservation;
    record.reservedAt = this.#clock.now();
    record.ronaTimer = this.#clock.setTimeout(() => this.#rona(record, reservation), this.#ronaMs(csqId));
    this.#events.onReserved?.(reservation);
  }

  #ronaMs(csqId: number): number {
    return (this.#csqs.get(csqId)?.csq.ronaTimeoutSec || this.#settings().ringNoAnswerSeconds) * 1000;
  }

  /** RONA (§2.4, §3.4): the agent leaves RESERVED; the contact returns to the head (HEAD) or tail (TAIL). */
  #rona(record: ContactRecord, reservation: Reservation): void {
    record.ronaTimer = undefined;
    if (record.state !== 'RESERVED' || record.reservation !== reservation) return;
    const now = this.#clock.now();
    const requeue = this.#csqs.get(reservation.csqId)?.csq.ronaRequeue ?? 'HEAD';
    record.state = 'QUEUED';
    record.reservation = undefined;
    record.reservedAt = undefined;
    record.ronaCount++;
    record.entries = record.entries.map((e) => requeue === 'HEAD' ? { ...e, returned: true } : { ...e, queuedAt: now });
    this.#emit({ type: 'RONA', reservation });
    // the ringing line is cleared first, then the agent's state changes (cti-to-finesse.md §2.6)
    this.#schedule(() => {
      this.#events.onRona?.(reservation);
      this.#agents.rona(reservation.userId, this.#settings().agentStateAfterRna);
    });
    this.#schedule(() => this.#queueAndMatch(record));
  }

  #emit(event: ContactEvent): void {
    for (const observer of this.#observers) observer(event);
  }

  #dequeue(record: ContactRecord): void {
    for (const entry of record.entries) this.#csqs.get(entry.csqId)?.queue.remove(entry);
  }
}

/** Eligible for routing: READY with no pending state (§3.5). */
function eligible(session: AgentSession): boolean {
  return session.state === 'READY' && session.pendingState === undefined;
}
