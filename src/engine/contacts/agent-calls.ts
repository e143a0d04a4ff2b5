// Agent states that follow the calls on an agent's line (telephony-and-routing.md §2.2, cti-to-finesse.md §2.2–
// §2.4): a READY agent rung by a call that routing did not send (a consult, another agent's call) is RESERVED
// and TALKING once it answers, as UCCX reserves a consulted agent [C1]; an agent whose last call ends leaves
// TALKING by the rules of the CSQ that delivered the ACD call it was on, else as after a call without
// Automatic Work. Routing keeps its own contacts: their reservation, answer, RONA and abandon stay the router's.
import type { AgentStates } from '../resources/agent-states.ts';
import { AGT_OFFHOOK } from '../resources/reason-codes.ts';
import type { ResourceManager } from '../resources/resource-manager.ts';
import type { Csq } from '../resources/types.ts';
import type { Router } from '../routing/router.ts';
import type { TrackedCall } from './call-facts.ts';

/** After a call that no CSQ delivered: no wrap-up (§2.2 TALKING → READY / NOT_READY). */
const NO_WRAP_UP = { autoWork: false, wrapupTime: 0 } as const;

export class AgentCalls {
  /** userId → the calls the agent's line is connected to. */
  readonly #on = new Map<string, Set<string>>();
  /** userId → the call it was reserved for here (not by routing). */
  readonly #reservedFor = new Map<string, string>();
  /** userId → the CSQ of the ACD call it left, for the agent's end of calls. */
  readonly #lastCsq = new Map<string, Csq>();
  /** Agents whose last call ended, waiting for the step's call events to go out first (§1.5). */
  readonly #ending = new Set<string>();

  constructor(private readonly deps: { agents: AgentStates; resources: ResourceManager; router: Router }) {}

  /** The calls an agent's line is on, and the call it was reserved for here (not by routing): replicated. */
  of(userId: string): { readonly calls: readonly string[]; readonly reservedFor: string | undefined } {
    return { calls: [...this.#on.get(userId) ?? []], reservedFor: this.#reservedFor.get(userId) };
  }

  /** Takes on another engine's associations of agents and calls (take-over); the ones held now are dropped. */
  restore(rows: Iterable<{ readonly userId: string; readonly calls: readonly string[]; readonly reservedFor: string | undefined }>): void {
    this.#on.clear();
    this.#reservedFor.clear();
    this.#lastCsq.clear();
    this.#ending.clear();
    for (const { userId, calls, reservedFor } of rows) {
      if (calls.length > 0) this.#on.set(userId, new Set(calls));
      if (reservedFor !== undefined) this.#reservedFor.set(userId, reservedFor);
    }
  }

  /** The agent's line places a call: a READY agent goes NOT_READY first, as UCCX does for a Ready agent who
   *  goes off hook (cti-to-finesse.md §2.2 *(inference)*), so routing sends it nothing meanwhile. */
  offHook(userId: string): void {
    if (this.deps.agents.get(userId)?.state === 'READY') this.deps.agents.request(userId, 'NOT_READY', AGT_OFFHOOK);
  }

  /** The agent's line rings with `call`. */
  alerted(userId: string, call: TrackedCall): void {
    if (this.deps.router.reservationOf(call.id)?.userId === userId) return;
    if (this.deps.agents.reserve(userId, call.id)) this.#reservedFor.set(userId, call.id);
  }

  /** A merge moved the agent's ringing line from `from` into `to` (a transfer while it rings: TRANSFER_SST). The
   *  agent stays RESERVED, now for `to`, so answering `to` makes it TALKING and its end brings the CSQ's wrap-up. */
  ringingMoved(userId: string, from: TrackedCall, to: TrackedCall): void {
    if (this.#reservedFor.get(userId) === from.id) this.#reservedFor.set(userId, to.id);
  }

  /** The agent's line is connected to `call` (answered, placed it, or was moved into it). */
  joined(userId: string, call: TrackedCall): void {
    let calls = this.#on.get(userId);
    if (!calls) this.#on.set(userId, calls = new Set());
    calls.add(call.id);
    this.#ending.delete(userId);
    if (this.#reservedFor.get(userId) === call.id) {
      this.#reservedFor.delete(userId);
      this.deps.agents.answer(userId);
    }
  }

  /** The agent's line left `call`; true when it was the agent's last call (see `settle`). */
  left(userId: string, call: TrackedCall): boolean {
    if (this.#reservedFor.get(userId) === call.id) {
      // rung but never answered: back to READY, or the pending state (§2.2 RESERVED → READY †)
      this.#reservedFor.delete(userId);
      this.deps.agents.cancelReservation(userId);
      return false;
    }
    const calls = this.#on.get(userId);
    if (!calls?.delete(call.id)) return false;
    const csq = call.csqId === undefined ? undefined : this.deps.resources.csq(call.csqId);
    if (csq) this.#lastCsq.set(userId, csq);
    if (calls.size > 0) return false;
    this.#on.delete(userId);
    this.#ending.add(userId);
    return true;
  }

  /** Applies the end of call to every agent that `left` its last call since the last settle. */
  settle(): void {
    for (const userId of [...this.#ending]) {
      this.#ending.delete(userId);
      const csq = this.#lastCsq.get(userId);
      this.#lastCsq.delete(userId);
      this.deps.agents.callEnded(userId, csq ?? NO_WRAP_UP);
    }
  }
}
