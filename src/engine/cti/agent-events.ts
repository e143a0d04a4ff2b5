// Agent state as CTI messages (cti.md §5.1, §5.3) and the AgentStateMask bit of each state (§4.6).
import { assertNever } from '../../shared/assert-never.ts';
import type { AgentSession } from '../resources/agent-states.ts';
import type { KnownAgent } from '../resources/resource-manager.ts';
import type { AgentState } from '../resources/types.ts';
import { AgentStateMask, NULL_ID, PERIPHERAL_ID, PERIPHERAL_TYPE_CRS, type CtiMessageOf } from './codec/index.ts';

export function agentStateMaskBit(state: AgentState): number {
  switch (state) {
    case 'LOGOUT': return AgentStateMask.LOGOUT;
    case 'NOT_READY': return AgentStateMask.NOT_READY;
    case 'READY': return AgentStateMask.AVAILABLE;
    case 'RESERVED': return AgentStateMask.RESERVED;
    case 'TALKING': return AgentStateMask.TALKING;
    case 'WORK': case 'WORK_READY': return AgentStateMask.WORK; // WORK_READY follows the WORK bit (§4.6)
    default: return assertNever(state, 'agent state');
  }
}

/** One event per change, every CSQ of the agent as a group (§5.1 [Poise]). */
export function agentStateEvent(
  agent: KnownAgent, session: AgentSession, csqIds: readonly number[], nowMs: number,
): CtiMessageOf<'AGENT_STATE_EVENT'> {
  return {
    type: 'AGENT_STATE_EVENT', monitorId: 0, peripheralId: PERIPHERAL_ID, sessionId: 0,
    peripheralType: PERIPHERAL_TYPE_CRS, csqState: 'LOGIN', // 0: the event covers all CSQs (§5.1)
    stateDuration: Math.max(0, Math.floor((nowMs - session.stateSince) / 1000)), csqId: NULL_ID,
    skillGroupId: NULL_ID, skillGroupPriority: 0, agentState: session.state, eventReasonCode: session.reasonCode,
    mrdId: 1, numTasks: 0, agentMode: 0, maxTaskLimit: 0, icmAgentId: 0, agentAvailabilityStatus: 1,
    agentId: agent.resource.userId, agentExtension: agent.resource.extension,
    agentInstrument: agent.resource.extension,
    csqs: csqIds.slice(0, 20).map((csqId) => ({ csqId, skillGroupId: NULL_ID, skillGroupPriority: 0, csqState: session.state })),
  };
}

export function queryAgentStateConf(
  invokeId: number, agent: KnownAgent, session: AgentSession, csqIds: readonly number[],
): CtiMessageOf<'QUERY_AGENT_STATE_CONF'> {
  return {
    type: 'QUERY_AGENT_STATE_CONF', invokeId, agentState: session.state, mrdId: 1, numTasks: 0, agentMode: 0,
    maxTaskLimit: 0, icmAgentId: 0, agentAvailabilityStatus: 1, agentId: agent.resource.userId,
    agentExtension: agent.resource.extension, agentInstrument: agent.resource.extension,
    csqs: csqIds.slice(0, 20).map((csqId) => ({ csqId, skillGroupId: NULL_ID, skillGroupPriority: 0, csqState: session.state })),
  };
}
