// The figures kept per CSQ and per agent (telephony-and-routing.md §3.8): real time, and "today" since dayStartsAt.
import type { QueueEntry } from '../routing/contact-queue.ts';
import { SortedIndex } from '../routing/sorted-index.ts';
import type { AgentState } from '../resources/types.ts';
import { emptyAgentCounts, type AgentCounts } from './agent-counts.ts';

export interface Totals { total: number; max: number }

const totals = (): Totals => ({ total: 0, max: 0 });
export function addTo(t: Totals, ms: number): void {
  t.total += ms;
  if (ms > t.max) t.max = ms;
}

export interface CsqToday {
  presented: number;
  handled: number;
  abandoned: number;
  dequeued: number;
  handledWithinSL: number;
  abandonedWithinSL: number;
  queueMs: Totals;
  talkMs: Totals;
  handleMs: Totals;
}

export const emptyCsqToday = (): CsqToday => ({
  presented: 0, handled: 0, abandoned: 0, dequeued: 0, handledWithinSL: 0, abandonedWithinSL: 0,
  queueMs: totals(), talkMs: totals(), handleMs: totals(),
});

/** Oldest first; (queuedAt, seq) is unique within one CSQ, as SortedIndex.remove needs. */
const byAge = (a: QueueEntry, b: QueueEntry): number => a.queuedAt - b.queuedAt || a.seq - b.seq;

export class CsqFigures {
  readonly waiting = new SortedIndex<QueueEntry>(byAge);
  /** Index 0 is priority 1 (adminapi.md §3.2). */
  readonly waitingByPriority: number[] = new Array<number>(10).fill(0);
  agents: AgentCounts = emptyAgentCounts();
  today: CsqToday = emptyCsqToday();

  constructor(readonly csqId: number) {}

  get callsWaiting(): number { return this.waiting.size; }
  get oldestQueuedAt(): number | undefined { return this.waiting.first()?.queuedAt; }
}

export interface AgentToday {
  presented: number;
  handled: number;
  rona: number;
  talkMs: number;
  holdMs: number;
  workMs: number;
  handleMs: number;
  stateMs: Partial<Record<AgentState, number>>;
  reasonMs: Record<string, number>;
}

export const emptyAgentToday = (): AgentToday => ({
  presented: 0, handled: 0, rona: 0, talkMs: 0, holdMs: 0, workMs: 0, handleMs: 0, stateMs: {}, reasonMs: {},
});

/** An answered contact not yet counted: it counts when its after-call work ends (§3.8). */
export interface OpenContact {
  readonly csqId: number;
  readonly queueMs: number;
  readonly answeredAt: number;
  talkEndedAt: number | undefined;
}

export class AgentFigures {
  state: AgentState = 'LOGOUT';
  reasonCode = 0;
  since: number;
  /** The CSQ of the contact the agent is reserved for, talking on or wrapping up. */
  contactCsqId: number | undefined;
  /** What the agent was last counted as, so the same buckets are taken back: CSQs and contact CSQ. */
  countedCsqs: readonly number[] = [];
  countedContactCsqId: number | undefined;
  open: OpenContact | undefined;
  today: AgentToday = emptyAgentToday();

  constructor(readonly userId: string, now: number) { this.since = now; }
}
