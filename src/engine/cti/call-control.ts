// The call-control requests that place, merge and feed calls (cti.md §7.1–§7.3): MAKE_CALL, CONSULTATION_CALL,
// TRANSFER_CALL, CONFERENCE_CALL, SEND_DTMF_SIGNAL and SET_CALL_DATA, carried out through the engine's provider
// session. Each is checked before anything moves, so a refusal (CONTROL_FAILURE_CONF) changes nothing; the CONF
// carries what §7.2 gives it, and the events follow it (server.ts).
import type { TelephonyErrorKind } from '../../callmanager/calls/types.ts';
import { assertNever } from '../../shared/assert-never.ts';
import type { TrackedCall } from '../contacts/call-facts.ts';
import type { Engine } from '../engine.ts';
import type { KnownAgent } from '../resources/resource-manager.ts';
import { LINE_HANDLE, lineType } from './call-events.ts';
import { partyList } from './call-data-events.ts';
import { ConnectionDeviceIdType, FailureCode, NULL_ID, type CtiMessage, type CtiMessageOf } from './codec/index.ts';

export type CallControlRequest = CtiMessageOf<
  'MAKE_CALL_REQ' | 'CONSULTATION_CALL_REQ' | 'TRANSFER_CALL_REQ' | 'CONFERENCE_CALL_REQ' | 'SEND_DTMF_SIGNAL_REQ'
  | 'SET_CALL_DATA_REQ'
>;

/** AGENT_INVALID and CALL_ID_NULL PeripheralErrorCodes (§7.3). */
const AGENT_INVALID = 88009;
const CALL_ID_NULL = 88012;

class Refused extends Error {
  constructor(readonly failureCode: number, message: string, readonly peripheralErrorCode = 0) { super(message); }
}

export const controlFailure = (invokeId: number, failureCode: number, text: string, peripheralErrorCode = 0): CtiMessage =>
  ({ type: 'CONTROL_FAILURE_CONF', invokeId, failureCode, peripheralErrorCode, text: text.slice(0, 254) });

export async function handleCallControl(engine: Engine, request: CallControlRequest): Promise<CtiMessage> {
  try {
    return await carryOut(engine, request);
  } catch (err) {
    if (err instanceof Refused) return controlFailure(request.invokeId, err.failureCode, err.message, err.peripheralErrorCode);
    throw err;
  }
}

async function carryOut(engine: Engine, r: CallControlRequest): Promise<CtiMessage> {
  const invokeId = r.invokeId;
  switch (r.type) {
    case 'MAKE_CALL_REQ': {
      const agent = agentAt(engine, r.agentInstrument, 'AgentInstrument');
      const placed = await engine.contacts.originating('AGENT_INSIDE', agent.resource.extension, () =>
        engine.session.connect({ terminal: terminalOf(agent), address: agent.resource.extension, dest: r.dialedNumber ?? '' }));
      if (!placed.ok) throw refusal(placed.error, placed.message, 'make');
      return newCallConf('MAKE_CALL_CONF', invokeId, trackedOrThrow(engine, placed.value.id), agent);
    }
    case 'CONSULTATION_CALL_REQ': {
      const agent = agentAt(engine, r.activeConnectionDeviceId, 'ActiveConnectionDeviceID', r.agentInstrument);
      const call = partyCall(engine, r.activeConnectionCallId, agent);
      const placed = await engine.contacts.originating('CONSULT', agent.resource.extension, () =>
        engine.session.consult({ callId: call.id, terminal: terminalOf(agent), dest: r.dialedNumber ?? '' }));
      if (!placed.ok) throw refusal(placed.error, placed.message, 'consult');
      return newCallConf('CONSULTATION_CALL_CONF', invokeId, trackedOrThrow(engine, placed.value.id), agent);
    }
    case 'TRANSFER_CALL_REQ':
    case 'CONFERENCE_CALL_REQ': {
      const agent = agentAt(engine, r.heldConnectionDeviceId, 'HeldConnectionDeviceID', r.agentInstrument);
      if (r.activeConnectionDeviceId !== r.heldConnectionDeviceId) {
        throw new Refused(FailureCode.INVALID_CSTA_DEVICE_IDENTIFIER, 'the held and active connections must be one agent line');
      }
      const held = partyCall(engine, r.heldConnectionCallId, agent);
      const active = partyCall(engine, r.activeConnectionCallId, agent);
      if (held === active) throw new Refused(FailureCode.INVALID_CSTA_CALL_IDENTIFIER, 'the held and active calls are one call');
      // only the agent holding the original call controls the merge (cti-to-finesse.md §2.4: 22 otherwise)
      if (!held.held.has(agent.resource.extension)) {
        throw new Refused(FailureCode.INVALID_OBJECT_STATE, `${agent.resource.extension} does not hold call ${r.heldConnectionCallId}`);
      }
      const request = { callId: held.id, terminal: terminalOf(agent), otherCallId: active.id };
      const done = r.type === 'TRANSFER_CALL_REQ' ? await engine.session.transfer(request) : await engine.session.conference(request);
      if (!done.ok) throw refusal(done.error, done.message, 'merge');
      const snapshot = engine.session.knownCall({ callId: held.id });
      const parties = snapshot.ok
        ? snapshot.value.connections.filter((c) => c.state !== 'DISCONNECTED' && c.state !== 'FAILED')
          .map((c) => ({ device: c.address, role: engine.contacts.roleOf(c.address) }))
        : [];
      return {
        type: r.type === 'TRANSFER_CALL_REQ' ? 'TRANSFER_CALL_CONF' : 'CONFERENCE_CALL_CONF', invokeId,
        newConnectionCallId: held.ctiCallId, newConnectionDeviceIdType: ConnectionDeviceIdType.STATIC,
        lineHandle: LINE_HANDLE, lineType: lineType(held), newConnectionDeviceId: agent.resource.extension,
        parties: partyList(held, parties),
      };
    }
    case 'SEND_DTMF_SIGNAL_REQ': {
      const agent = agentAt(engine, r.connectionDeviceId, 'ConnectionDeviceID', r.agentInstrument);
      const call = partyCall(engine, r.connectionCallId, agent);
      const sent = await engine.session.sendDtmf({ callId: call.id, address: agent.resource.extension, digits: r.dtmfString });
      if (!sent.ok) throw refusal(sent.error, sent.message, 'active');
      return { type: 'SEND_DTMF_SIGNAL_CONF', invokeId };
    }
    case 'SET_CALL_DATA_REQ': {
      const agent = agentAt(engine, r.connectionDeviceId, 'ConnectionDeviceID');
      const call = partyCall(engine, r.connectionCallId, agent);
      const callVariables = variablesOf(r);
      if (Object.keys(callVariables).length > 0) {
        const set = await engine.session.setCallData({ callId: call.id, callVariables });
        if (!set.ok) throw refusal(set.error, set.message, 'data');
      }
      return { type: 'SET_CALL_DATA_CONF', invokeId };
    }
    default:
      return assertNever(r, 'call-control request');
  }
}

/** The agent whose line `device` is; an AgentInstrument, when given, names a known agent (else 256, §9.2) and
 *  must be that same line. */
function agentAt(engine: Engine, device: string, field: string, instrument?: string): KnownAgent {
  const agent = engine.resources.byExtension(device);
  if (!agent) {
    // MAKE_CALL names the agent only by its instrument: an unknown one is an unknown agent (§9.2)
    if (field === 'AgentInstrument') throw new Refused(FailureCode.INVALID_AGENT_ID, `no agent at ${device}`, AGENT_INVALID);
    throw new Refused(FailureCode.INVALID_CSTA_DEVICE_IDENTIFIER, `${field} ${device} is no agent's line`);
  }
  if (instrument !== undefined && instrument !== '' && !engine.resources.byExtension(instrument)) {
    throw new Refused(FailureCode.INVALID_AGENT_ID, `no agent at ${instrument}`, AGENT_INVALID);
  }
  if (instrument !== undefined && instrument !== '' && instrument !== device) {
    throw new Refused(FailureCode.INVALID_CSTA_DEVICE_IDENTIFIER, `AgentInstrument ${instrument} is not ${device}`);
  }
  return agent;
}

/** A call the engine tracks, with the agent's line among its parties. */
function partyCall(engine: Engine, ctiCallId: number, agent: KnownAgent): TrackedCall {
  const call = ctiCallId === NULL_ID ? undefined : engine.contacts.callOfCtiId(ctiCallId);
  if (!call) throw new Refused(FailureCode.INVALID_CSTA_CALL_IDENTIFIER, `no call ${ctiCallId}`, CALL_ID_NULL);
  if (!call.parties.has(agent.resource.extension)) {
    throw new Refused(FailureCode.INVALID_CSTA_CONNECTION_IDENTIFIER, `${agent.resource.extension} is not on call ${ctiCallId}`);
  }
  return call;
}

function trackedOrThrow(engine: Engine, callId: string): TrackedCall {
  const call = engine.contacts.call(callId);
  if (!call) throw new Error(`call ${callId} was placed but is not tracked`);
  return call;
}

function newCallConf(type: 'MAKE_CALL_CONF' | 'CONSULTATION_CALL_CONF', invokeId: number, call: TrackedCall, agent: KnownAgent): CtiMessage {
  return {
    type, invokeId, newConnectionCallId: call.ctiCallId, newConnectionDeviceIdType: ConnectionDeviceIdType.STATIC,
    lineHandle: LINE_HANDLE, lineType: lineType(call), newConnectionDeviceId: agent.resource.extension,
  };
}

/** The agent's phone: the terminal its extension rings on (the first associated device). */
export function terminalOf(agent: KnownAgent): string {
  return agent.devices[0] ?? '';
}

/** JTAPI refusals as FailureCodes (§7.3); an invalid state is named after what was missing
 *  (cti-to-finesse.md §3.3: 24 no active call for HOLD and CONSULT_CALL). */
function refusal(error: TelephonyErrorKind, message: string, action: 'make' | 'consult' | 'merge' | 'active' | 'data'): Refused {
  switch (error) {
    case 'InvalidState':
      return new Refused(action === 'consult' || action === 'active' ? FailureCode.NO_ACTIVE_CALL : FailureCode.INVALID_OBJECT_STATE, message);
    case 'InvalidParty': return new Refused(FailureCode.INVALID_DESTINATION, message);
    case 'InvalidArgument': return new Refused(FailureCode.VALUE_OUT_OF_RANGE, message);
    case 'PrivilegeViolation': return new Refused(FailureCode.PRIVILEGE_VIOLATION_ON_DEVICE, message);
    case 'ResourceUnavailable':
      return action === 'make' || action === 'consult'
        ? new Refused(FailureCode.RESOURCE_OUT_OF_SERVICE, message, 88004)
        : new Refused(FailureCode.RESOURCE_BUSY, message);
    case 'MethodNotSupported': return new Refused(FailureCode.GENERIC_OPERATION, message);
    default: return assertNever(error, 'telephony error');
  }
}

/** The call data a SET_CALL_DATA_REQ sets (§6.4): absent items stay as they are. */
function variablesOf(r: CtiMessageOf<'SET_CALL_DATA_REQ'>): Record<string, string> {
  const out: Record<string, string> = {};
  const numbered = [r.callVariable1, r.callVariable2, r.callVariable3, r.callVariable4, r.callVariable5,
    r.callVariable6, r.callVariable7, r.callVariable8, r.callVariable9, r.callVariable10];
  numbered.forEach((value, i) => { if (value !== undefined) out[`callVariable${i + 1}`] = value; });
  if (r.callWrapupData !== undefined) out['callWrapupData'] = r.callWrapupData;
  for (const v of r.namedVariables ?? []) out[v.name] = v.value;
  for (const a of r.namedArrays ?? []) out[`${a.name}[${a.index}]`] = a.value;
  return out;
}
