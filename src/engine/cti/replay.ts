// The live-state replay a bridge session with POISE_SERVICE_EXTENSIONS gets after its OPEN_CONF (cti.md §4.2
// [Poise]): an AGENT_STATE_EVENT per signed-in agent; per call a BEGIN_CALL and, per connection, CALL_DELIVERED
// (alerting) or CALL_ESTABLISHED (+ CALL_HELD if held), EventCause CEC_NONE; then POISE_SNAPSHOT_END_EVENT.
// A client that lost its link (web after a reconnect) rebuilds its users and dialogs from it.
import type { Engine } from '../engine.ts';
import type { TrackedCall } from '../contacts/call-facts.ts';
import { agentStateEvent, agentStateMaskBit } from './agent-events.ts';
import { renderCallFact, type RoleOf } from './call-events.ts';
import type { CtiMessage } from './codec/index.ts';

export interface ReplayMasks { readonly callMsgMask: number; readonly agentStateMask: number }

export function replayEvents(engine: Engine, masks: ReplayMasks, nowMs: number): CtiMessage[] {
  const out: CtiMessage[] = [];
  let numAgents = 0;
  for (const session of engine.agents.sessions()) {
    const agent = engine.resources.byUserId(session.userId);
    if (!agent || session.state === 'LOGOUT') continue;
    numAgents++;
    if ((masks.agentStateMask & agentStateMaskBit(session.state)) === 0) continue;
    out.push(agentStateEvent(agent, session, engine.router.csqsOf(session.userId), nowMs));
  }
  const roleOf: RoleOf = (device) => engine.contacts.roleOf(device);
  let numCalls = 0;
  for (const call of engine.contacts.calls()) {
    const events = callReplay(engine, call, roleOf);
    if (events.length === 0) continue;
    numCalls++;
    for (const { mask, message } of events) if ((masks.callMsgMask & mask) !== 0) out.push(message);
  }
  // The counts are U2 on the wire.
  out.push({ type: 'POISE_SNAPSHOT_END_EVENT', numAgents: Math.min(numAgents, 0xffff), numCalls: Math.min(numCalls, 0xffff) });
  return out;
}

/** One call as its events: the connections in the call manager's order, so the caller comes first. */
function callReplay(engine: Engine, call: TrackedCall, roleOf: RoleOf): ReturnType<typeof renderCallFact>[] {
  const snapshot = engine.session.knownCall({ callId: call.id });
  if (!snapshot.ok) return []; // ended between the two looks: its END went out on the live stream
  const begin = call.parties.has(call.calling) ? call.calling : [...call.parties][0] ?? call.calling;
  const events = [renderCallFact({ kind: 'BEGIN', call, device: begin }, roleOf)];
  for (const connection of snapshot.value.connections) {
    const device = connection.address;
    // A connection the engine does not report (a route point the call has left, a CTI port) is not replayed.
    if (!call.parties.has(device) && device !== call.calling) continue;
    const role = roleOf(device);
    if (connection.state === 'ALERTING') events.push(renderCallFact({ kind: 'DELIVERED', call, device, role }, roleOf));
    else if (connection.state === 'CONNECTED') {
      events.push(renderCallFact({ kind: 'ESTABLISHED', call, device, role }, roleOf));
      if (call.held.has(device)) events.push(renderCallFact({ kind: 'HELD', call, device }, roleOf));
    }
  }
  return events;
}
