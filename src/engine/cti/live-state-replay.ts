// The live-state replay a session with POISE_SERVICE_EXTENSIONS gets after OPEN_CONF (cti.md §4.2 [Poise]): an
// AGENT_STATE_EVENT per signed-in agent; per call a BEGIN_CALL and, per connection, CALL_DELIVERED (ringing) or
// CALL_ESTABLISHED (+ CALL_HELD if held); then POISE_SNAPSHOT_END_EVENT. A client that reconnects (web after an
// engine restart or a move to the other engine) rebuilds its User and Dialog caches from it.
import type { Engine } from '../engine.ts';
import type { CallFact, TrackedCall } from '../contacts/call-facts.ts';
import { agentStateEvent } from './agent-events.ts';
import { renderCallFact } from './call-events.ts';
import type { CtiMessage } from './codec/index.ts';

export function liveStateReplay(engine: Engine, now: number): CtiMessage[] {
  const messages: CtiMessage[] = [];
  let agents = 0;
  for (const known of engine.resources.agents()) {
    const session = engine.agents.get(known.resource.userId);
    if (!session || session.state === 'LOGOUT') continue;
    messages.push(agentStateEvent(known, session, engine.router.csqsOf(known.resource.userId), now));
    agents++;
  }
  let calls = 0;
  for (const call of engine.contacts.calls()) {
    const facts = callFacts(engine, call);
    if (facts.length === 0) continue;
    for (const fact of facts) messages.push(renderCallFact(fact, (device) => engine.contacts.roleOf(device)).message);
    calls++;
  }
  messages.push({ type: 'POISE_SNAPSHOT_END_EVENT', numAgents: Math.min(agents, 0xffff), numCalls: Math.min(calls, 0xffff) });
  return messages;
}

/** The facts that describe a call as it stands: who rings, who talks, who holds. */
function callFacts(engine: Engine, call: TrackedCall): CallFact[] {
  const snapshot = engine.session.getCall({ callId: call.id });
  if (!snapshot.ok) return [];
  const parties = [...call.parties];
  const first = parties[0];
  if (first === undefined) return [];
  const facts: CallFact[] = [{ kind: 'BEGIN', call, device: first }];
  for (const device of parties) {
    const connection = snapshot.value.connections.find((c) => c.address === device);
    const role = engine.contacts.roleOf(device);
    if (connection?.state === 'ALERTING') facts.push({ kind: 'DELIVERED', call, device, role });
    else if (connection?.state === 'CONNECTED') {
      facts.push({ kind: 'ESTABLISHED', call, device, role });
      if (call.held.has(device)) facts.push({ kind: 'HELD', call, device });
    }
  }
  return facts;
}
