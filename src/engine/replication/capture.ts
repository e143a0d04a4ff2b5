// The master's live state as replica rows, one agent, call or contact at a time, so a change costs the rows it
// touched, not a scan of the engine.
import type { TrackedCall } from '../contacts/call-facts.ts';
import type { Engine } from '../engine.ts';
import type {
  ReplicaAgent, ReplicaAgentDay, ReplicaCall, ReplicaContact, ReplicaCounters, ReplicaState, ReplicaStatistics,
} from './replica-state.ts';

export function captureAgent(engine: Engine, userId: string): ReplicaAgent | undefined {
  const s = engine.agents.get(userId);
  const known = engine.resources.byUserId(userId);
  if (!s || !known) return undefined;
  const { calls, reservedFor } = engine.contacts.agentCalls.of(userId);
  return {
    userId, extension: known.resource.extension, state: s.state, reasonCode: s.reasonCode, stateSince: s.stateSince,
    readySince: s.readySince, pendingState: s.pendingState ?? null, pendingReasonCode: s.pendingReasonCode,
    contactId: s.contactId ?? null, handledToday: s.handledToday, handleTimeTodayMs: Math.round(s.handleTimeTodayMs),
    answeredAt: s.answeredAt ?? null, wrapUpDeadline: s.wrapUpDeadline ?? null, calls: [...calls], reservedFor: reservedFor ?? null,
    day: agentDay(engine, userId),
  };
}

function agentDay(engine: Engine, userId: string): ReplicaAgentDay | null {
  const day = engine.statistics.agentDay(userId);
  if (!day) return null;
  return {
    today: { ...day.today, stateMs: { ...day.today.stateMs }, reasonMs: { ...day.today.reasonMs } },
    open: day.open ? { ...day.open, talkEndedAt: day.open.talkEndedAt ?? null } : null, contactCsqId: day.contactCsqId ?? null,
  };
}

/** The CSQs' figures for the day (the agents' travel with their rows). */
export function captureStatistics(engine: Engine): ReplicaStatistics {
  const csqs: ReplicaStatistics['csqs'] = [];
  for (const csq of engine.router.csqs()) {
    const today = engine.statistics.csqDay(csq.id);
    if (today) csqs.push({ csqId: csq.id, today: structuredClone(today) });
  }
  return { dayStartsAt: engine.statistics.dayStartsAt, csqs };
}

export function captureCall(engine: Engine, callId: string): ReplicaCall | undefined {
  const call = engine.contacts.call(callId);
  return call && callRow(call);
}

export function callRow(call: TrackedCall): ReplicaCall {
  return {
    callId: call.id, ctiCallId: call.ctiCallId, kind: call.kind, calling: call.calling, called: call.called,
    lastRedirected: call.lastRedirected, dnis: call.dnis ?? null, csqId: call.csqId ?? null,
    applicationId: call.applicationId ?? null, callVariables: { ...call.callVariables }, held: [...call.held],
    originator: call.originator ?? null, parties: [...call.parties], seen: [...call.seen],
  };
}

export function captureContact(engine: Engine, contactId: string): ReplicaContact | undefined {
  const held = engine.contacts.heldContact(contactId);
  if (!held) return undefined;
  const routed = engine.router.routedContact(contactId);
  return {
    contactId, triggerDn: held.triggerDn, at: held.at,
    routing: routed ? {
      state: routed.state, seq: routed.seq, queuedAt: routed.queuedAt, entries: routed.entries.map((e) => ({ ...e })),
      reservation: routed.reservation ? { ...routed.reservation } : null, reservedAt: routed.reservedAt ?? null,
      ronaCount: routed.ronaCount,
    } : null,
  };
}

export function captureCounters(engine: Engine): ReplicaCounters {
  return { nextCallId: engine.contacts.nextCallId, contactSeq: engine.router.seq };
}

/** Every row: a new standby's first snapshot, and the periodic check that no change went unseen. */
export function captureAll(engine: Engine): ReplicaState {
  const agents: ReplicaAgent[] = [];
  for (const s of engine.agents.sessions()) {
    const row = captureAgent(engine, s.userId);
    if (row) agents.push(row);
  }
  const calls: ReplicaCall[] = [];
  const contacts: ReplicaContact[] = [];
  for (const call of engine.contacts.calls()) {
    calls.push(callRow(call));
    const contact = captureContact(engine, call.id);
    if (contact) contacts.push(contact);
  }
  return { agents, calls, contacts, counters: captureCounters(engine), statistics: captureStatistics(engine) };
}
