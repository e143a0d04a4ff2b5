// Agent-state and call-control requests carried out on the engine and the call manager (cti.md §5.2, §5.3,
// §7); every request gets its CONF or the refusal in the protocol's own form, with the InvokeID echoed.
import type { Reply } from '../../callmanager/provider/types.ts';
import type { TelephonyErrorKind } from '../../callmanager/calls/types.ts';
import { assertNever } from '../../shared/assert-never.ts';
import type { Engine } from '../engine.ts';
import type { KnownAgent } from '../resources/resource-manager.ts';
import type { RequestedState } from '../resources/types.ts';
import { queryAgentStateConf } from './agent-events.ts';
import { controlFailure, handleCallControl, terminalOf } from './call-control.ts';
import { CtiStatus, FailureCode, NULL_ID, type CtiMessage, type CtiMessageOf } from './codec/index.ts';

export type EngineRequest = CtiMessageOf<
  | 'QUERY_AGENT_STATE_REQ' | 'SET_AGENT_STATE_REQ' | 'ANSWER_CALL_REQ' | 'HOLD_CALL_REQ' | 'RETRIEVE_CALL_REQ'
  | 'CLEAR_CONNECTION_REQ' | 'MAKE_CALL_REQ' | 'CONSULTATION_CALL_REQ' | 'TRANSFER_CALL_REQ' | 'CONFERENCE_CALL_REQ'
  | 'SEND_DTMF_SIGNAL_REQ' | 'SET_CALL_DATA_REQ'
>;


/** JTAPI refusals as CONTROL_FAILURE_CONF FailureCodes (§7.3). */
function failureCodeOf(error: TelephonyErrorKind): number {
  switch (error) {
    case 'InvalidState': return FailureCode.INVALID_OBJECT_STATE;
    case 'InvalidParty': return FailureCode.INVALID_DESTINATION;
    case 'InvalidArgument': return FailureCode.VALUE_OUT_OF_RANGE;
    case 'PrivilegeViolation': return FailureCode.PRIVILEGE_VIOLATION_ON_DEVICE;
    case 'ResourceUnavailable': return FailureCode.RESOURCE_BUSY;
    case 'MethodNotSupported': return FailureCode.GENERIC_OPERATION;
    default: return assertNever(error, 'telephony error');
  }
}

export async function handleRequest(engine: Engine, request: EngineRequest): Promise<CtiMessage> {
  const invokeId = request.invokeId;
  switch (request.type) {
    case 'QUERY_AGENT_STATE_REQ': {
      const agent = findAgent(engine, request.agentId, request.agentExtension ?? request.agentInstrument);
      const session = agent && engine.agents.get(agent.resource.userId);
      if (!agent || !session) {
        return { type: 'FAILURE_CONF', invokeId, status: CtiStatus.INVALID_AGENT_DATA, text: 'no such agent' };
      }
      return queryAgentStateConf(invokeId, agent, session, engine.router.csqsOf(agent.resource.userId));
    }
    case 'SET_AGENT_STATE_REQ': {
      const agent = findAgent(engine, request.agentId, undefined);
      if (!agent) return controlFailure(invokeId, FailureCode.INVALID_AGENT_ID, `no agent ${request.agentId}`, 88009);
      if (request.agentInstrument !== agent.resource.extension) {
        return controlFailure(invokeId, FailureCode.INVALID_CSTA_DEVICE_IDENTIFIER, 'AgentInstrument is not the agent\'s extension', 88003);
      }
      const requested = requestedState(request.agentState);
      if (!requested) return controlFailure(invokeId, FailureCode.INVALID_AGENT_WORKMODE, `cannot ask for ${request.agentState}`);
      const reply = engine.agents.request(agent.resource.userId, requested, request.eventReasonCode);
      return reply.ok ? { type: 'SET_AGENT_STATE_CONF', invokeId } : controlFailure(invokeId, reply.failureCode, reply.reason);
    }
    case 'ANSWER_CALL_REQ':
      return onAgentCall(engine, invokeId, request.connectionCallId, request.connectionDeviceId ?? request.agentInstrument,
        (callId, agent) => engine.session.answer({ callId, terminal: terminalOf(agent) }), 'ANSWER_CALL_CONF');
    case 'HOLD_CALL_REQ':
      return onAgentCall(engine, invokeId, request.connectionCallId, request.connectionDeviceId,
        (callId, agent) => engine.session.hold({ callId, terminal: terminalOf(agent) }), 'HOLD_CALL_CONF');
    case 'RETRIEVE_CALL_REQ':
      return onAgentCall(engine, invokeId, request.heldConnectionCallId, request.heldConnectionDeviceId,
        (callId, agent) => engine.session.unhold({ callId, terminal: terminalOf(agent) }), 'RETRIEVE_CALL_CONF');
    case 'CLEAR_CONNECTION_REQ':
      return onAgentCall(engine, invokeId, request.connectionCallId, request.connectionDeviceId,
        (callId, agent) => engine.session.disconnect({ callId, address: agent.resource.extension }), 'CLEAR_CONNECTION_CONF');
    case 'MAKE_CALL_REQ':
    case 'CONSULTATION_CALL_REQ':
    case 'TRANSFER_CALL_REQ':
    case 'CONFERENCE_CALL_REQ':
    case 'SEND_DTMF_SIGNAL_REQ':
    case 'SET_CALL_DATA_REQ':
      return handleCallControl(engine, request);
    default:
      return assertNever(request, 'engine request');
  }
}

function findAgent(engine: Engine, agentId: string | undefined, extension: string | undefined): KnownAgent | undefined {
  if (agentId !== undefined) return engine.resources.byUserId(agentId);
  return extension === undefined ? undefined : engine.resources.byExtension(extension);
}

function requestedState(state: CtiMessageOf<'SET_AGENT_STATE_REQ'>['agentState']): RequestedState | undefined {
  return state === 'LOGIN' || state === 'LOGOUT' || state === 'NOT_READY' || state === 'READY' || state === 'WORK'
    ? state : undefined;
}


type ConfType = 'ANSWER_CALL_CONF' | 'HOLD_CALL_CONF' | 'RETRIEVE_CALL_CONF' | 'CLEAR_CONNECTION_CONF';

/** A request on an agent's connection to a call: the device must be an agent's line and the call one we know. */
async function onAgentCall(
  engine: Engine, invokeId: number, ctiCallId: number, device: string | undefined,
  act: (callId: string, agent: KnownAgent) => Promise<Reply>, conf: ConfType,
): Promise<CtiMessage> {
  const agent = device === undefined ? undefined : engine.resources.byExtension(device);
  if (!agent) return controlFailure(invokeId, FailureCode.INVALID_CSTA_DEVICE_IDENTIFIER, `${device ?? 'no device'} is no agent's line`);
  const call = ctiCallId === NULL_ID ? undefined : engine.contacts.callOfCtiId(ctiCallId);
  if (!call) return controlFailure(invokeId, FailureCode.INVALID_CSTA_CALL_IDENTIFIER, `no call ${ctiCallId}`, 88012);
  const reply = await act(call.id, agent);
  if (!reply.ok) return controlFailure(invokeId, failureCodeOf(reply.error), reply.message);
  return { type: conf, invokeId };
}
