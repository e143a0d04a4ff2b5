// CallFacts as CTI call events (cti.md §6.2–§6.5), and the CallMsgMask bit each needs (§4.6).
import { assertNever } from '../../shared/assert-never.ts';
import type { CallFact, CallKind, DeviceRole, TrackedCall } from '../contacts/call-facts.ts';
import {
  CallMsgMask, CallType, ConnectionDeviceIdType, DeviceType, EventCause, LocalConnectionState, NULL_ID,
  PERIPHERAL_ID, PERIPHERAL_TYPE_CRS, type CtiMessage,
} from './codec/index.ts';

/** The 0xFFFF line handle and the LineType of an ACD call (3) or another call (10) (cti.md §1). */
const LINE_HANDLE = 0xffff;
const lineType = (call: TrackedCall) => (call.kind === 'CCX_IN' ? 3 : 10);
const P = { monitorId: 0, peripheralId: PERIPHERAL_ID, peripheralType: PERIPHERAL_TYPE_CRS } as const;

export interface RenderedEvent { readonly mask: number; readonly message: CtiMessage }

export function renderCallFact(fact: CallFact): RenderedEvent {
  const call = fact.call;
  const connection = { connectionDeviceIdType: ConnectionDeviceIdType.STATIC, connectionCallId: call.ctiCallId } as const;
  const service = { serviceNumber: call.applicationId ?? NULL_ID, serviceId: NULL_ID } as const;
  const skillGroup = { skillGroupNumber: call.csqId ?? NULL_ID, skillGroupId: NULL_ID, skillGroupPriority: 0 } as const;
  const parties = {
    callingDeviceType: DeviceType.DEVICE_IDENTIFIER, calledDeviceType: DeviceType.ROUTE_POINT,
    lastRedirectDeviceType: call.lastRedirected === null ? DeviceType.NONE : DeviceType.ROUTE_POINT,
    callingDeviceId: call.calling, calledDeviceId: call.dnis ?? call.called,
    ...(call.lastRedirected === null ? {} : { lastRedirectDeviceId: call.lastRedirected }),
  } as const;
  switch (fact.kind) {
    case 'BEGIN':
      return {
        mask: CallMsgMask.BEGIN_CALL,
        message: {
          type: 'BEGIN_CALL_EVENT', ...P, callType: callTypeOf(call.kind), ...connection, calledPartyDisposition: 0,
          connectionDeviceId: fact.device, ...callData(call),
        },
      };
    case 'DELIVERED':
      return {
        mask: CallMsgMask.DELIVERED,
        message: {
          type: 'CALL_DELIVERED_EVENT', ...P, ...connection, lineHandle: LINE_HANDLE, lineType: lineType(call),
          ...service, ...skillGroup, alertingDeviceType: deviceType(fact.role), ...parties,
          localConnectionState: LocalConnectionState.ALERTING, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, alertingDeviceId: fact.device, ...callData(call),
        },
      };
    case 'ESTABLISHED':
      return {
        mask: CallMsgMask.ESTABLISHED,
        message: {
          type: 'CALL_ESTABLISHED_EVENT', ...P, ...connection, lineHandle: LINE_HANDLE, lineType: lineType(call),
          ...service, ...skillGroup, answeringDeviceType: deviceType(fact.role), ...parties,
          localConnectionState: LocalConnectionState.CONNECT, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, answeringDeviceId: fact.device,
        },
      };
    case 'HELD':
      return {
        mask: CallMsgMask.HELD,
        message: {
          type: 'CALL_HELD_EVENT', ...P, ...connection, holdingDeviceType: DeviceType.AGENT_DEVICE,
          localConnectionState: LocalConnectionState.HOLD, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, holdingDeviceId: fact.device,
        },
      };
    case 'RETRIEVED':
      return {
        mask: CallMsgMask.RETRIEVED,
        message: {
          type: 'CALL_RETRIEVED_EVENT', ...P, ...connection, retrievingDeviceType: DeviceType.AGENT_DEVICE,
          localConnectionState: LocalConnectionState.CONNECT, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, retrievingDeviceId: fact.device,
        },
      };
    case 'CONNECTION_CLEARED':
      return {
        mask: CallMsgMask.CONNECTION_CLEARED,
        message: {
          type: 'CALL_CONNECTION_CLEARED_EVENT', ...P, ...connection, releasingDeviceType: deviceType(fact.role),
          localConnectionState: LocalConnectionState.NULL, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, releasingDeviceId: fact.device,
        },
      };
    case 'CLEARED':
      return {
        mask: CallMsgMask.CLEARED,
        message: {
          type: 'CALL_CLEARED_EVENT', ...P, ...connection, localConnectionState: LocalConnectionState.NULL,
          eventCause: EventCause.CEC_NONE, connectionDeviceId: call.calling,
        },
      };
    case 'END':
      return {
        mask: CallMsgMask.END_CALL,
        message: { type: 'END_CALL_EVENT', ...P, ...connection, connectionDeviceId: call.calling },
      };
    default:
      return assertNever(fact, 'call fact');
  }
}

function callTypeOf(kind: CallKind): number {
  switch (kind) {
    case 'CCX_IN': return CallType.CCX_IN;
    case 'AGENT_INSIDE': return CallType.AGENT_INSIDE;
    case 'OTHER_IN': return CallType.OTHER_IN;
    default: return assertNever(kind, 'call kind');
  }
}

function deviceType(role: DeviceRole): number {
  switch (role) {
    case 'AGENT_DEVICE': return DeviceType.AGENT_DEVICE;
    case 'ROUTE_POINT': return DeviceType.ROUTE_POINT;
    case 'CTI_PORT': return DeviceType.CTI_PORT;
    case 'OTHER': return DeviceType.DEVICE_IDENTIFIER;
    default: return assertNever(role, 'device role');
  }
}

/** Call data (§6.4): ANI, DNIS and call variables 1–10; ECC variables stay for the next increment. */
function callData(call: TrackedCall) {
  const v = call.callVariables;
  return {
    ani: call.calling, ...(call.dnis === undefined ? {} : { dnis: call.dnis, dialedNumber: call.dnis }),
    ...(v.callVariable1 === undefined ? {} : { callVariable1: v.callVariable1 }),
    ...(v.callVariable2 === undefined ? {} : { callVariable2: v.callVariable2 }),
    ...(v.callVariable3 === undefined ? {} : { callVariable3: v.callVariable3 }),
    ...(v.callVariable4 === undefined ? {} : { callVariable4: v.callVariable4 }),
    ...(v.callVariable5 === undefined ? {} : { callVariable5: v.callVariable5 }),
    ...(v.callVariable6 === undefined ? {} : { callVariable6: v.callVariable6 }),
    ...(v.callVariable7 === undefined ? {} : { callVariable7: v.callVariable7 }),
    ...(v.callVariable8 === undefined ? {} : { callVariable8: v.callVariable8 }),
    ...(v.callVariable9 === undefined ? {} : { callVariable9: v.callVariable9 }),
    ...(v.callVariable10 === undefined ? {} : { callVariable10: v.callVariable10 }),
  };
}
