// Taking over (docs/failover.md "State hand-over"): the new master claims the route points, CTI ports and the
// agents' lines, takes on the copy of the old master's state, and then works out from the call manager, which
// kept carrying the calls, what happened while no engine was master.
//
// - Agents get their state, reason code, state-change time and pending state back; wrap-up runs on for the time
//   it had left.
// - Calls keep their CTI CallID (the Dialog id); the counter goes on from the old master's plus a gap, so an id
//   given in the last milliseconds before the old master died and not yet replicated is never given again.
// - Queued contacts go back into their CSQs with their first enqueue time and their place (returned by RONA or
//   not), and are served as soon as an agent is READY. A contact ringing an agent keeps ringing: the call is still
//   at the agent's phone, so the reservation stays and its RONA timer runs for the time it had left.
// - Against the call manager: a call it no longer has ended meanwhile; an agent's line no longer on a call left
//   it; a ringing agent whose line is now connected answered. Each is handled as the event would have been.
import type { CallEvent, CallSnapshot } from '../../callmanager/calls/types.ts';
import type { Logger } from '../../shared/logger.ts';
import type { TrackedCall } from '../contacts/call-facts.ts';
import type { Engine } from '../engine.ts';
import type { RestoredAgent } from '../resources/agent-states.ts';
import type { RoutedContact } from '../routing/router.ts';
import type { AgentDay } from '../stats/engine-statistics.ts';
import type { ReplicaAgent, ReplicaCall, ReplicaContact, ReplicaState } from './replica-state.ts';

const FIRST_CALL_ID = 0x01000000;
const NULL_CALL_ID = 0xffffffff;
/** CallIDs skipped at take-over: far more than a master gives in the milliseconds a delta takes to replicate. */
export const CALL_ID_TAKEOVER_GAP = 0x10000;

export interface TakeOverReport {
  readonly agentsSignedIn: number;
  readonly calls: number;
  readonly queued: number;
  /** Calls that ended while no engine was master. */
  readonly endedMeanwhile: number;
}

/** `copyExpected`: false for an engine alone, which has no copy when nothing was saved or it was set aside. */
export async function takeOver(engine: Engine, state: ReplicaState | undefined, log: Logger, copyExpected = true): Promise<TakeOverReport> {
  await engine.activate();
  if (!state) {
    if (copyExpected) log.warn('taking over without a copy of the previous master\'s state');
    return { agentsSignedIn: 0, calls: 0, queued: 0, endedMeanwhile: 0 };
  }
  const calls = state.calls.map(trackedCall);
  applyState(engine, state, calls);
  const endedMeanwhile = await reconcile(engine, calls);
  const report = {
    agentsSignedIn: state.agents.filter((a) => a.state !== 'LOGOUT').length, calls: calls.length - endedMeanwhile,
    queued: state.contacts.filter((c) => c.routing?.state === 'QUEUED').length, endedMeanwhile,
  };
  log.info(report, 'took over the previous master\'s state');
  return report;
}

/** Forgets every agent state, call and contact: an engine that stepped down must not show a stale state. */
export function forgetState(engine: Engine): void {
  engine.contacts.restore({ calls: [], contacts: [], nextCallId: engine.contacts.nextCallId });
  engine.contacts.agentCalls.restore([]);
  engine.router.restore([], engine.router.seq);
  engine.agents.restore([]);
}

/** The copy into the engine, in an order where each part finds what it refers to: calls before the agents on
 *  them, agents before the contacts that routing may hand to a READY agent at once. */
function applyState(engine: Engine, state: ReplicaState, calls: readonly TrackedCall[]): void {
  engine.contacts.restore({
    calls, contacts: state.contacts.map(({ contactId, triggerDn, at }) => ({ callId: contactId, triggerDn, at })),
    nextCallId: afterGap(state.counters.nextCallId),
  });
  engine.contacts.agentCalls.restore(state.agents.map((a) => ({ userId: a.userId, calls: a.calls, reservedFor: a.reservedFor ?? undefined })));
  engine.agents.restore(state.agents.map(restoredAgent));
  engine.router.restore(state.contacts.flatMap(routedContact), state.counters.contactSeq);
  engine.statistics.restoreDay({
    dayStartsAt: state.statistics.dayStartsAt,
    csqs: state.statistics.csqs.map(({ csqId, today }) => [csqId, today]),
    agents: state.agents.flatMap((a) => a.day ? [[a.userId, {
      today: a.day.today, contactCsqId: a.day.contactCsqId ?? undefined,
      open: a.day.open ? { ...a.day.open, talkEndedAt: a.day.open.talkEndedAt ?? undefined } : undefined,
    }] as [string, AgentDay]] : []),
  });
}

/** One call at a time, each applied as soon as its answer comes: events heard meanwhile are already applied, so a
 *  snapshot is never older than what the engine knows. */
async function reconcile(engine: Engine, calls: readonly TrackedCall[]): Promise<number> {
  let ended = 0;
  for (const call of calls) {
    const reply = await engine.session.getCall({ callId: call.id });
    if (engine.contacts.call(call.id) !== call) continue; // its end was heard meanwhile
    if (!reply.ok) {
      ended++;
      engine.contacts.learn({ ...eventBase(call.id, call), type: 'CallInvalidEv', state: 'INVALID' });
      continue;
    }
    const snapshot = reply.value;
    call.callVariables = snapshot.callVariables;
    const base = eventBase(call.id, snapshot);
    const stateAt = new Map(snapshot.connections.map((c) => [c.address, c.state]));
    for (const device of [...call.parties]) {
      const state = stateAt.get(device);
      if (!engine.resources.byExtension(device) || state === 'CONNECTED' || state === 'ALERTING' || state === 'INPROGRESS') continue;
      engine.contacts.learn({ ...base, type: 'CallCtlConnDisconnectedEv', address: device, state: 'DISCONNECTED', ccState: 'DISCONNECTED' });
    }
    for (const device of ringing(engine, call.id)) {
      if (stateAt.get(device) !== 'CONNECTED') continue;
      engine.contacts.learn({ ...base, type: 'CallCtlConnEstablishedEv', address: device, state: 'CONNECTED', ccState: 'ESTABLISHED' });
    }
  }
  return ended;
}

/** The agents' lines the call rings by the copy: routing's reservation, or a consult ringing a READY agent. */
function ringing(engine: Engine, callId: string): string[] {
  const lines: string[] = [];
  const reservation = engine.router.routedContact(callId);
  if (reservation?.state === 'RESERVED' && reservation.reservation) {
    const extension = engine.resources.byUserId(reservation.reservation.userId)?.resource.extension;
    if (extension) lines.push(extension);
  }
  for (const known of engine.resources.agents()) {
    if (engine.contacts.agentCalls.of(known.resource.userId).reservedFor === callId) lines.push(known.resource.extension);
  }
  return lines;
}

function eventBase(callId: string, call: Pick<CallSnapshot, 'calling' | 'called' | 'lastRedirected'>): Omit<CallEvent, 'type' | 'state'> {
  return { seq: 0, at: Date.now(), callId, cause: 'NORMAL', calling: call.calling, called: call.called, lastRedirected: call.lastRedirected };
}

function afterGap(next: number): number {
  const moved = next + CALL_ID_TAKEOVER_GAP;
  return moved < NULL_CALL_ID ? moved : FIRST_CALL_ID + (moved - NULL_CALL_ID);
}

function trackedCall(row: ReplicaCall): TrackedCall {
  return {
    id: row.callId, ctiCallId: row.ctiCallId, kind: row.kind, calling: row.calling, called: row.called,
    lastRedirected: row.lastRedirected, dnis: row.dnis ?? undefined, csqId: row.csqId ?? undefined,
    applicationId: row.applicationId ?? undefined, callVariables: row.callVariables, held: new Set(row.held),
    originator: row.originator ?? undefined, parties: new Set(row.parties), seen: new Set(row.seen),
  };
}

function restoredAgent(row: ReplicaAgent): RestoredAgent {
  return {
    userId: row.userId, state: row.state, reasonCode: row.reasonCode, stateSince: row.stateSince, readySince: row.readySince,
    pendingState: row.pendingState ?? undefined, pendingReasonCode: row.pendingReasonCode, contactId: row.contactId ?? undefined,
    handledToday: row.handledToday, handleTimeTodayMs: row.handleTimeTodayMs, answeredAt: row.answeredAt ?? undefined,
    wrapUpDeadline: row.wrapUpDeadline ?? undefined,
  };
}

function routedContact(row: ReplicaContact): RoutedContact[] {
  const r = row.routing;
  if (!r) return [];
  return [{
    contactId: row.contactId, seq: r.seq, queuedAt: r.queuedAt, state: r.state, entries: r.entries,
    reservation: r.reservation ?? undefined, reservedAt: r.reservedAt ?? undefined, ronaCount: r.ronaCount,
  }];
}
