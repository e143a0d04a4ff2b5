// Statistics kept live by increments (telephony-and-routing.md §2.5, §3.8): the router's contact events and the
// agent state machine's changes update the CSQ and agent figures they touch, and nothing else; reads are O(1) per
// CSQ or agent. Only a configuration change (CSQ membership) recounts agents, once.
import type { Clock } from '../../shared/clock.ts';
import type { AgentSession, AgentStates } from '../resources/agent-states.ts';
import type { AgentState, Settings } from '../resources/types.ts';
import type { ContactEvent } from '../routing/contact-events.ts';
import type { Router } from '../routing/router.ts';
import { bucketOf } from './agent-counts.ts';
import { dayBounds } from './day-start.ts';
import {
  AgentFigures, CsqFigures, addTo, emptyAgentToday, emptyCsqToday, type AgentToday, type CsqToday, type OpenContact,
} from './figures.ts';

/** The day's figures of one agent, as another engine can take them on (src/engine/replication). */
export interface AgentDay {
  readonly today: AgentToday;
  readonly open: OpenContact | undefined;
  readonly contactCsqId: number | undefined;
}

export type CsqChangeListener = (csqId: number) => void;

const inWrapUp = (state: AgentState): boolean => state === 'WORK' || state === 'WORK_READY';
const withoutContact = (state: AgentState): boolean => state === 'READY' || state === 'NOT_READY' || state === 'LOGOUT';

export class EngineStatistics {
  readonly #clock: Clock;
  readonly #router: Router;
  readonly #agentStates: AgentStates;
  readonly #settings: () => Settings;
  readonly #csqs = new Map<number, CsqFigures>();
  readonly #agents = new Map<string, AgentFigures>();
  readonly #listeners = new Set<CsqChangeListener>();
  readonly #unobserve: () => void;
  #dayStartsAt = 0;
  #nextDayAt = 0;
  #seq = 0;

  constructor(deps: { clock: Clock; router: Router; agents: AgentStates; settings: () => Settings }) {
    this.#clock = deps.clock;
    this.#router = deps.router;
    this.#agentStates = deps.agents;
    this.#settings = deps.settings;
    this.#roll(this.#clock.now());
    this.#unobserve = this.#router.observe((event) => this.#onContact(event));
    this.#agentStates.onChange((session, previous) => this.#onAgent(session, previous));
    this.recount();
  }

  /** Real-time figures of a CSQ changed (agents, waiting contacts); called synchronously, possibly mid-step. */
  onCsqChange(listener: CsqChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The engine's clock: virtual in lab runs. */
  get now(): number { return this.#clock.now(); }

  /** Increases with every change reflected in the figures (adminapi.md §3.2 `seq`). */
  get seq(): number { return this.#seq; }
  get dayStartsAt(): number { this.#roll(this.#clock.now()); return this.#dayStartsAt; }

  csq(csqId: number): CsqFigures | undefined {
    this.#roll(this.#clock.now());
    return this.#router.csq(csqId) ? this.#csq(csqId) : undefined;
  }

  agent(userId: string): AgentFigures | undefined {
    this.#roll(this.#clock.now());
    return this.#agentStates.get(userId) ? this.#agent(userId) : undefined;
  }

  /** Time in the current state so far, for `stateMs` read before the state ends. */
  ongoingMs(figures: AgentFigures): number { return Math.max(0, this.#clock.now() - figures.since); }

  /** Re-counts every agent into the CSQs whose pool holds it now: after a configuration change. */
  recount(): void {
    for (const csq of this.#router.csqs()) {
      const figures = this.#csq(csq.id);
      for (const key of Object.keys(figures.agents) as (keyof typeof figures.agents)[]) figures.agents[key] = 0;
    }
    for (const session of this.#agentStates.sessions()) {
      const a = this.#agent(session.userId);
      a.countedCsqs = [];
      this.#count(a, session.state);
    }
    this.#seq++;
    for (const csq of this.#router.csqs()) this.#changed(csq.id);
  }

  /** The day's figures of a CSQ, for another engine to take on; undefined when none were kept. */
  csqDay(csqId: number): CsqToday | undefined {
    this.#roll(this.#clock.now());
    return this.#csqs.get(csqId)?.today;
  }

  agentDay(userId: string): AgentDay | undefined {
    this.#roll(this.#clock.now());
    const a = this.#agents.get(userId);
    return a && { today: a.today, open: a.open, contactCsqId: a.contactCsqId };
  }

  /**
   * Takes on another engine's figures of the same day (take-over), after the agents' states were restored: the time
   * in each agent's current state counts from its state-change time, and agents are counted again by contact CSQ.
   */
  restoreDay(copy: { dayStartsAt: number; csqs: Iterable<[number, CsqToday]>; agents: Iterable<[string, AgentDay]> }): void {
    this.#roll(this.#clock.now());
    if (copy.dayStartsAt !== this.#dayStartsAt) return; // another day: its figures start at zero here too
    for (const [csqId, today] of copy.csqs) this.#csq(csqId).today = structuredClone(today);
    for (const [userId, day] of copy.agents) {
      const session = this.#agentStates.get(userId);
      if (!session) continue;
      const a = this.#agent(userId);
      a.today = structuredClone(day.today);
      a.open = day.open && { ...day.open };
      a.contactCsqId = day.contactCsqId;
      a.since = Math.max(session.stateSince, this.#dayStartsAt);
    }
    this.recount();
  }

  close(): void {
    this.#unobserve();
    this.#listeners.clear();
  }

  #onContact(event: ContactEvent): void {
    const now = this.#clock.now();
    this.#roll(now);
    this.#seq++;
    switch (event.type) {
      case 'OFFERED':
        for (const id of event.csqIds) this.#csq(id).today.presented++;
        return;
      case 'ENTERED': {
        const csq = this.#csq(event.entry.csqId);
        csq.waiting.insert(event.entry);
        csq.waitingByPriority[priorityIndex(event.entry.priority)]!++;
        return this.#changed(csq.csqId);
      }
      case 'LEFT': {
        const csq = this.#csq(event.entry.csqId);
        if (!csq.waiting.remove(event.entry)) return;
        csq.waitingByPriority[priorityIndex(event.entry.priority)]!--;
        return this.#changed(csq.csqId);
      }
      case 'RESERVED': {
        const a = this.#agent(event.reservation.userId);
        a.contactCsqId = event.reservation.csqId;
        a.today.presented++;
        return;
      }
      case 'ANSWERED': {
        const a = this.#agent(event.reservation.userId);
        a.open = { csqId: event.reservation.csqId, queueMs: now - event.queuedAt, answeredAt: now, talkEndedAt: undefined };
        return;
      }
      case 'RONA':
        this.#agent(event.reservation.userId).today.rona++;
        return;
      case 'ABANDONED':
        for (const id of event.csqIds) {
          const today = this.#csq(id).today;
          today.abandoned++;
          if (now - event.queuedAt <= this.#slMs(id)) today.abandonedWithinSL++;
        }
        return;
      default:
        return;
    }
  }

  #onAgent(session: AgentSession, previous: AgentState): void {
    const now = this.#clock.now();
    this.#roll(now);
    this.#seq++;
    const a = this.#agent(session.userId);
    const spent = Math.max(0, now - a.since);
    a.today.stateMs[a.state] = (a.today.stateMs[a.state] ?? 0) + spent;
    if (a.reasonCode !== 0) a.today.reasonMs[a.reasonCode] = (a.today.reasonMs[a.reasonCode] ?? 0) + spent;
    const open = a.open;
    if (open && previous === 'TALKING') {
      open.talkEndedAt = now;
      if (!inWrapUp(session.state)) this.#handled(a, open, now);
    } else if (open?.talkEndedAt !== undefined && inWrapUp(previous) && !inWrapUp(session.state)) {
      this.#handled(a, open, now);
    }
    if (withoutContact(session.state)) a.contactCsqId = undefined;
    a.reasonCode = session.reasonCode;
    a.since = now;
    this.#uncount(a);
    this.#count(a, session.state);
  }

  /** The contact's after-call work is over: it counts as handled in the CSQ that delivered it (§3.8). */
  #handled(a: AgentFigures, open: OpenContact, now: number): void {
    a.open = undefined;
    const talkMs = (open.talkEndedAt ?? now) - open.answeredAt;
    const handleMs = now - open.answeredAt;
    a.today.handled++;
    a.today.talkMs += talkMs;
    a.today.workMs += handleMs - talkMs;
    a.today.handleMs += handleMs;
    const today = this.#csq(open.csqId).today;
    today.handled++;
    if (open.queueMs <= this.#slMs(open.csqId)) today.handledWithinSL++;
    addTo(today.queueMs, open.queueMs);
    addTo(today.talkMs, talkMs);
    addTo(today.handleMs, handleMs);
  }

  #uncount(a: AgentFigures): void {
    for (const id of a.countedCsqs) {
      const counts = this.#csq(id).agents;
      const bucket = bucketOf(a.state, a.countedContactCsqId, id);
      if (!bucket) continue;
      counts.loggedOn--;
      counts[bucket]--;
      this.#changed(id);
    }
    a.countedCsqs = [];
  }

  #count(a: AgentFigures, state: AgentState): void {
    a.state = state;
    a.countedContactCsqId = a.contactCsqId;
    a.countedCsqs = this.#router.csqsOf(a.userId);
    for (const id of a.countedCsqs) {
      const bucket = bucketOf(state, a.contactCsqId, id);
      if (!bucket) continue;
      const counts = this.#csq(id).agents;
      counts.loggedOn++;
      counts[bucket]++;
      this.#changed(id);
    }
  }

  #slMs(csqId: number): number { return (this.#router.csq(csqId)?.serviceLevel ?? 5) * 1000; }

  #csq(id: number): CsqFigures {
    let figures = this.#csqs.get(id);
    if (!figures) this.#csqs.set(id, figures = new CsqFigures(id));
    return figures;
  }

  #agent(userId: string): AgentFigures {
    let figures = this.#agents.get(userId);
    if (!figures) {
      figures = new AgentFigures(userId, this.#clock.now());
      const session = this.#agentStates.get(userId);
      if (session) { figures.state = session.state; figures.reasonCode = session.reasonCode; }
      this.#agents.set(userId, figures);
    }
    return figures;
  }

  /** A new day: the "today" figures start again at zero; time in the current state counts from the day's start. */
  #roll(now: number): void {
    if (now < this.#nextDayAt) return;
    const bounds = dayBounds(now, this.#settings().dayStartsAt);
    this.#dayStartsAt = bounds.startsAt;
    this.#nextDayAt = bounds.nextAt;
    for (const csq of this.#csqs.values()) csq.today = emptyCsqToday();
    for (const a of this.#agents.values()) {
      a.today = emptyAgentToday();
      if (a.since < bounds.startsAt) a.since = bounds.startsAt;
    }
  }

  #changed(csqId: number): void {
    for (const listener of this.#listeners) listener(csqId);
  }
}

const priorityIndex = (priority: number): number => Math.min(10, Math.max(1, Math.trunc(priority))) - 1;
