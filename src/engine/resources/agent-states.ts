// The agent state machine (telephony-and-routing.md §2.2, §3.4; cti.md §5.2). Pure: time and timers come from
// the injected Clock, and every change is reported to one listener (routing keeps its indexes with it).
import type { Clock, TimerHandle } from '../../shared/clock.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { AGT_LOGON, AGT_RNA, AGT_WORK_TIMER_EXP, NO_REASON } from './reason-codes.ts';
import type { AgentState, PendingState, RequestedState } from './types.ts';

export interface AgentSession {
  readonly userId: string;
  state: AgentState;
  reasonCode: number;
  stateSince: number;
  /** Last entry into READY: the Longest Available key (§3.5). */
  readySince: number;
  pendingState: PendingState | undefined;
  pendingReasonCode: number;
  contactId: string | undefined;
  /** Automatic Available (§2.2): after-call states end in READY. */
  automaticAvailable: boolean;
  /** Contacts whose after-call work has ended since dayStartsAt (§3.8). */
  handledToday: number;
  /** Talk + hold + work of those contacts, in ms. */
  handleTimeTodayMs: number;
  answeredAt: number | undefined;
  wrapUpDeadline: number | undefined;
  wrapTimer: TimerHandle | undefined;
}

/** CONTROL_FAILURE_CONF FailureCode values of refused requests (cti.md §7.3, rest-api.md 3.3). */
export type StateRefusalCode =
  | 22   // INVALID_OBJECT_STATE: the machine does not allow this change
  | 33   // RESOURCE_BUSY: READY asked during a direct (non-ACD) call
  | 256  // INVALID_AGENT_ID
  | 265; // INVALID_AGENT_WORKMODE: READY, or a second NOT_READY with another reason, asked during an ACD call
export type StateReply = { readonly ok: true } | { readonly ok: false; readonly failureCode: StateRefusalCode; readonly reason: string };

export type AgentStateListener = (session: AgentSession, previous: AgentState) => void;

/** An agent's live state as another engine kept it (src/engine/replication): applied whole at take-over. */
export type RestoredAgent = Pick<AgentSession,
  | 'userId' | 'state' | 'reasonCode' | 'stateSince' | 'readySince' | 'pendingState' | 'pendingReasonCode' | 'contactId'
  | 'handledToday' | 'handleTimeTodayMs' | 'answeredAt' | 'wrapUpDeadline'>;

const OK: StateReply = { ok: true };
const refuse = (failureCode: StateRefusalCode, reason: string): StateReply => ({ ok: false, failureCode, reason });

export function averageHandleTimeMs(s: AgentSession): number {
  return s.handledToday === 0 ? 0 : s.handleTimeTodayMs / s.handledToday; // none handled counts as 0 (§3.5)
}

export class AgentStates {
  readonly #sessions = new Map<string, AgentSession>();
  readonly #clock: Clock;
  readonly #listeners: AgentStateListener[] = [];
  readonly #pendingListeners: ((session: AgentSession) => void)[] = [];
  #observers = 0;

  constructor(clock: Clock) { this.#clock = clock; }

  /** `observer` listeners (reporting: CTI events) hear of a change before the others (routing) react to it, so a
   *  READY is reported before the RESERVED that routing makes of it. */
  onChange(listener: AgentStateListener, options: { observer?: boolean } = {}): void {
    if (options.observer) this.#listeners.splice(this.#observers++, 0, listener);
    else this.#listeners.push(listener);
  }

  /** A pending state was set during a call, which changes no state (replication copies it). */
  onPending(listener: (session: AgentSession) => void): void { this.#pendingListeners.push(listener); }

  get(userId: string): AgentSession | undefined { return this.#sessions.get(userId); }

  sessions(): IterableIterator<AgentSession> { return this.#sessions.values(); }

  /** Makes a session for a resource in LOGOUT; the resource manager calls it for every agent it knows. */
  add(userId: string, automaticAvailable = true): AgentSession {
    const existing = this.#sessions.get(userId);
    if (existing) { existing.automaticAvailable = automaticAvailable; return existing; }
    const now = this.#clock.now();
    const session: AgentSession = {
      userId, state: 'LOGOUT', reasonCode: NO_REASON, stateSince: now, readySince: now, pendingState: undefined,
      pendingReasonCode: NO_REASON, contactId: undefined, automaticAvailable, handledToday: 0, handleTimeTodayMs: 0,
      answeredAt: undefined, wrapUpDeadline: undefined, wrapTimer: undefined,
    };
    this.#sessions.set(userId, session);
    return session;
  }

  /** An agent's or a supervisor's request (§2.2 transitions; §3.4 pending states). */
  request(userId: string, requested: RequestedState, reasonCode = NO_REASON): StateReply {
    const s = this.#sessions.get(userId);
    if (!s) return refuse(256, `no agent ${userId}`);
    switch (s.state) {
      case 'LOGOUT':
        if (requested !== 'LOGIN') return refuse(22, `${requested} while LOGOUT`);
        this.#set(s, 'NOT_READY', reasonCode || AGT_LOGON);
        return OK;
      case 'NOT_READY':
      case 'READY':
      case 'WORK':
      case 'WORK_READY':
        if (requested === 'LOGIN') return refuse(22, `LOGIN while ${s.state}`);
        if (requested === 'WORK') return refuse(22, `WORK while ${s.state}`);
        if (requested === 'READY' && s.state === 'READY') return refuse(22, 'READY while READY');
        if (requested === 'LOGOUT' || requested === 'NOT_READY' || requested === 'READY') {
          this.#leaveWork(s);
          this.#set(s, requested, requested === 'READY' ? NO_REASON : reasonCode);
          return OK;
        }
        return assertNever(requested, 'requested state');
      case 'RESERVED':
      case 'TALKING':
        // READY during a call is refused; WORK, NOT_READY, LOGOUT wait for the call's end (§3.4)
        if (requested === 'READY') return refuse(265, `READY while ${s.state}`);
        if (requested === 'LOGIN') return refuse(22, `LOGIN while ${s.state}`);
        if (requested === 'NOT_READY' && s.pendingState === 'NOT_READY' && s.pendingReasonCode !== reasonCode) {
          return refuse(265, `NOT_READY pending with reason ${s.pendingReasonCode}`); // rest-api.md §3.3, as UCCX
        }
        s.pendingState = requested;
        s.pendingReasonCode = reasonCode;
        for (const listener of this.#pendingListeners) listener(s);
        return OK;
      default:
        return assertNever(s.state, 'agent state');
    }
  }

  /** Routing selected the agent for a contact (§2.2 READY → RESERVED). */
  reserve(userId: string, contactId: string): boolean {
    const s = this.#sessions.get(userId);
    if (!s || s.state !== 'READY' || s.pendingState) return false;
    s.contactId = contactId;
    this.#set(s, 'RESERVED', NO_REASON);
    return true;
  }

  /** The agent answered (RESERVED → TALKING). */
  answer(userId: string): boolean {
    const s = this.#sessions.get(userId);
    if (!s || s.state !== 'RESERVED') return false;
    s.answeredAt = this.#clock.now();
    this.#set(s, 'TALKING', NO_REASON);
    return true;
  }

  /** Ring no answer: NOT_READY with AGT_RNA, or READY when Settings say so (§2.2, §2.4). */
  rona(userId: string, after: 'NOT_READY' | 'READY'): void {
    const s = this.#sessions.get(userId);
    if (!s || s.state !== 'RESERVED') return;
    s.contactId = undefined;
    if (s.pendingState) return this.#applyPending(s);
    this.#set(s, after, after === 'NOT_READY' ? AGT_RNA : NO_REASON);
  }

  /** The caller hung up while the agent's phone rang (§2.2 RESERVED → READY). */
  cancelReservation(userId: string): void {
    const s = this.#sessions.get(userId);
    if (!s || s.state !== 'RESERVED') return;
    s.contactId = undefined;
    if (s.pendingState) return this.#applyPending(s);
    this.#set(s, 'READY', NO_REASON);
  }

  /**
   * The agent's ACD call ended (§2.2, §3.4): a pending state applies now; otherwise Automatic Work gives WORK
   * (WORK_READY when it will end in READY) with the CSQ's wrap-up timer, else READY or NOT_READY by Automatic
   * Available.
   */
  callEnded(userId: string, csq: { readonly autoWork: boolean; readonly wrapupTime: number }): void {
    const s = this.#sessions.get(userId);
    if (!s || s.state !== 'TALKING') return;
    s.contactId = undefined;
    const pending = s.pendingState;
    if (pending === 'LOGOUT' || pending === 'NOT_READY') {
      this.#countHandled(s);
      return this.#applyPending(s);
    }
    if (pending === 'WORK' || csq.autoWork) {
      s.pendingState = undefined;
      this.#enterWork(s, csq.wrapupTime);
      return;
    }
    this.#countHandled(s);
    this.#set(s, s.automaticAvailable ? 'READY' : 'NOT_READY', NO_REASON);
  }

  /**
   * Takes on the states another engine kept (take-over, src/engine/replication): each known agent gets its row's
   * state, reason code and times, or LOGOUT when it has none; a wrap-up timer runs on for the time it had left.
   * Listeners hear every agent, so routing and statistics index the restored states.
   */
  restore(rows: readonly RestoredAgent[]): void {
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    const now = this.#clock.now();
    for (const s of this.#sessions.values()) {
      const row = byUser.get(s.userId);
      this.#clock.clearTimeout(s.wrapTimer);
      const previous = s.state;
      Object.assign(s, row ?? {
        state: 'LOGOUT', reasonCode: NO_REASON, stateSince: now, readySince: now, pendingState: undefined,
        pendingReasonCode: NO_REASON, contactId: undefined, answeredAt: undefined, wrapUpDeadline: undefined,
      }, { wrapTimer: undefined });
      if ((s.state === 'WORK' || s.state === 'WORK_READY') && s.wrapUpDeadline !== undefined) {
        this.#startWrapTimer(s, Math.max(0, s.wrapUpDeadline - now));
      } else s.wrapUpDeadline = undefined;
      for (const listener of this.#listeners) listener(s, previous);
    }
  }

  /** Cancels every wrap-up timer. */
  close(): void {
    for (const s of this.#sessions.values()) this.#clock.clearTimeout(s.wrapTimer);
  }

  #enterWork(s: AgentSession, wrapupSeconds: number): void {
    this.#set(s, s.automaticAvailable ? 'WORK_READY' : 'WORK', NO_REASON);
    if (wrapupSeconds <= 0) return;
    s.wrapUpDeadline = this.#clock.now() + wrapupSeconds * 1000;
    this.#startWrapTimer(s, wrapupSeconds * 1000);
  }

  #startWrapTimer(s: AgentSession, ms: number): void {
    s.wrapTimer = this.#clock.setTimeout(() => {
      s.wrapTimer = undefined;
      this.#leaveWork(s);
      if (s.automaticAvailable) this.#set(s, 'READY', NO_REASON);
      else this.#set(s, 'NOT_READY', AGT_WORK_TIMER_EXP);
    }, ms);
  }

  /** Leaving after-call work by any path ends the wrap-up timer and counts the contact (§3.8). */
  #leaveWork(s: AgentSession): void {
    if (s.state !== 'WORK' && s.state !== 'WORK_READY') return;
    this.#clock.clearTimeout(s.wrapTimer);
    s.wrapTimer = undefined;
    s.wrapUpDeadline = undefined;
    this.#countHandled(s);
  }

  #countHandled(s: AgentSession): void {
    if (s.answeredAt === undefined) return;
    s.handledToday++;
    s.handleTimeTodayMs += this.#clock.now() - s.answeredAt;
    s.answeredAt = undefined;
  }

  #applyPending(s: AgentSession): void {
    const pending = s.pendingState ?? 'NOT_READY';
    const reason = s.pendingReasonCode;
    s.pendingState = undefined;
    s.pendingReasonCode = NO_REASON;
    if (pending === 'WORK') return this.#enterWork(s, 0);
    this.#set(s, pending, reason);
  }

  #set(s: AgentSession, state: AgentState, reasonCode: number): void {
    const previous = s.state;
    const now = this.#clock.now();
    s.state = state;
    s.reasonCode = reasonCode;
    s.stateSince = now;
    if (state === 'READY') s.readySince = now;
    for (const listener of this.#listeners) listener(s, previous);
  }
}
