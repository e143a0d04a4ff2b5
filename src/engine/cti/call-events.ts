// CallFacts as CTI call events (cti.md §6.2–§6.5), and the CallMsgMask bit each needs (§4.6); transfer,
// conference and call data in call-data-events.ts.
import { assertNever } from '../../shared/assert-never.ts';
import type { CallFact, CallKind, DeviceRole, TrackedCall } from '../contacts/call-facts.ts';
import { renderDataUpdate, renderMerge, variablesAsCallData } from './call-data-events.ts';
import {
  CallMsgMask, CallType, ConnectionDeviceIdType, DeviceType, EventCause, LocalConnectionState, NULL_ID,
  PERIPHERAL_ID, PERIPHERAL_TYPE_CRS, type CtiMessage,
} from './codec/index.ts';

/** The 0xFFFF line handle and the LineType of an ACD call (3) or another call (10) (cti.md §1). */
export const LINE_HANDLE = 0xffff;
export const lineType = (call: TrackedCall) => (call.csqId === undefined ? 10 : 3);
export const P = { monitorId: 0, peripheralId: PERIPHERAL_ID, peripheralType: PERIPHERAL_TYPE_CRS } as const;

export interface RenderedEvent { readonly mask: number; readonly message: CtiMessage }

/** How the engine knows a device (agent line, route point, port, other), for the DeviceType fields. */
export type RoleOf = (device: string) => DeviceRole;

export function renderCallFact(fact: CallFact, roleOf: RoleOf): RenderedEvent {
  const call = fact.call;
  const connection = { connectionDeviceIdType: ConnectionDeviceIdType.STATIC, connectionCallId: call.ctiCallId } as const;
  const line = { lineHandle: LINE_HANDLE, lineType: lineType(call) } as const;
  const service = { serviceNumber: call.applicationId ?? NULL_ID, serviceId: NULL_ID } as const;
  const skillGroup = { skillGroupNumber: call.csqId ?? NULL_ID, skillGroupId: NULL_ID, skillGroupPriority: 0 } as const;
  const calledDeviceId = call.dnis ?? call.called;
  const calledDeviceType = call.dnis === undefined ? deviceType(roleOf(call.called)) : DeviceType.ROUTE_POINT;
  const callingDeviceType = deviceType(roleOf(call.calling));
  const parties = {
    callingDeviceType, calledDeviceType,
    lastRedirectDeviceType: call.lastRedirected === null ? DeviceType.NONE : deviceType(roleOf(call.lastRedirected)),
    callingDeviceId: call.calling, calledDeviceId,
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
    case 'SERVICE_INITIATED':
      return {
        mask: CallMsgMask.SERVICE_INITIATED,
        message: {
          type: 'CALL_SERVICE_INITIATED_EVENT', ...P, ...connection, ...line, ...service, ...skillGroup,
          callingDeviceType: deviceType(roleOf(fact.device)), localConnectionState: LocalConnectionState.INITIATE,
          eventCause: EventCause.CEC_NONE, connectionDeviceId: fact.device, callingDeviceId: fact.device,
        },
      };
    case 'ORIGINATED':
      return {
        mask: CallMsgMask.ORIGINATED,
        message: {
          type: 'CALL_ORIGINATED_EVENT', ...P, ...connection, ...line, ...service, ...skillGroup,
          callingDeviceType: deviceType(roleOf(fact.device)), calledDeviceType,
          localConnectionState: LocalConnectionState.INITIATE, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, callingDeviceId: fact.device, calledDeviceId,
        },
      };
    case 'DELIVERED':
      return {
        mask: CallMsgMask.DELIVERED,
        message: {
          type: 'CALL_DELIVERED_EVENT', ...P, ...connection, ...line, ...service, ...skillGroup,
          alertingDeviceType: deviceType(fact.role), ...parties,
          localConnectionState: LocalConnectionState.ALERTING, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, alertingDeviceId: fact.device, ...callData(call),
        },
      };
    case 'ESTABLISHED':
      return {
        mask: CallMsgMask.ESTABLISHED,
        message: {
          type: 'CALL_ESTABLISHED_EVENT', ...P, ...connection, ...line, ...service, ...skillGroup,
          answeringDeviceType: deviceType(fact.role), ...parties,
          localConnectionState: LocalConnectionState.CONNECT, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, answeringDeviceId: fact.device,
        },
      };
    case 'FAILED':
      return {
        mask: CallMsgMask.FAILED,
        message: {
          type: 'CALL_FAILED_EVENT', ...P, ...connection, failingDeviceType: deviceType(fact.failing.role), calledDeviceType,
          localConnectionState: LocalConnectionState.FAIL,
          eventCause: fact.busy ? EventCause.BUSY : EventCause.DEST_NOT_OBTAINABLE,
          connectionDeviceId: fact.device, failingDeviceId: fact.failing.device, calledDeviceId,
        },
      };
    case 'HELD':
      return {
        mask: CallMsgMask.HELD,
        message: {
          type: 'CALL_HELD_EVENT', ...P, ...connection, holdingDeviceType: deviceType(roleOf(fact.device)),
          localConnectionState: LocalConnectionState.HOLD, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, holdingDeviceId: fact.device,
        },
      };
    case 'RETRIEVED':
      return {
        mask: CallMsgMask.RETRIEVED,
        message: {
          type: 'CALL_RETRIEVED_EVENT', ...P, ...connection, retrievingDeviceType: deviceType(roleOf(fact.device)),
          localConnectionState: LocalConnectionState.CONNECT, eventCause: EventCause.CEC_NONE,
          connectionDeviceId: fact.device, retrievingDeviceId: fact.device,
        },
      };
    case 'CONNECTION_CLEARED':
      return {
        mask: CallMsgMask.CONNECTION_CLEARED,
        message: {
          type: 'CALL_CONNECTION_CLEARED_EVENT', ...P, ...connection, releasingDeviceType: deviceType(fact.role),
          localConnectionState: LocalConnectionState.NULL, eventCause: fact.cause ? EventCause[fact.cause] : EventCause.CEC_NONE,
          connectionDeviceId: fact.device, releasingDeviceId: fact.device,
        },
      };
    case 'TRANSFERRED':
    case 'CONFERENCED':
      return renderMerge(fact, roleOf);
    case 'DATA_UPDATE':
      return renderDataUpdate(call, fact.changed);
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

export function callTypeOf(kind: CallKind): number {
  switch (kind) {
    case 'CCX_IN': return CallType.CCX_IN;
    case 'AGENT_INSIDE': return CallType.AGENT_INSIDE;
    case 'OTHER_IN': return CallType.OTHER_IN;
    case 'OUT': return CallType.OUT;
    case 'CONSULT': return CallType.CONSULT;
    case 'TRANSFER_IN': return CallType.TRANSFER_IN;
    case 'CONFERENCE': return CallType.CONFERENCE;
    default: return assertNever(kind, 'call kind');
  }
}

export function deviceType(role: DeviceRole): number {
  switch (role) {
    case 'AGENT_DEVICE': return DeviceType.AGENT_DEVICE;
    case 'ROUTE_POINT': return DeviceType.ROUTE_POINT;
    case 'CTI_PORT': return DeviceType.CTI_PORT;
    case 'OTHER': return DeviceType.DEVICE_IDENTIFIER;
    default: return assertNever(role, 'device role');
  }
}

/** Call data (§6.4): ANI, DNIS, and the call's variables. */
function callData(call: TrackedCall) {
  return {
    ani: call.calling, ...(call.dnis === undefined ? {} : { dnis: call.dnis, dialedNumber: call.dnis }),
    ...variablesAsCallData(call.callVariables),
  };
}
