// CTI call and agent events as the engine sends them (cti.md §6.2–§6.3), built from the few fields a test cares
// about, for feeding the web service's dialog cache without a node.
import { NULL_ID, type CtiMessageOf } from '../../src/engine/cti/codec/index.ts';
import type { CallEventMessage } from '../../src/web/dialogs/call-events.ts';

const BASE = {
  monitorId: 0, peripheralId: 1, peripheralType: 21, connectionDeviceIdType: 0, lineHandle: 0xffff, lineType: 3,
  serviceNumber: 1, serviceId: NULL_ID, skillGroupNumber: NULL_ID, skillGroupId: NULL_ID, skillGroupPriority: 0,
  localConnectionState: 0, eventCause: 0xffff, alertingDeviceType: 76, answeringDeviceType: 76, callingDeviceType: 0,
  calledDeviceType: 74, lastRedirectDeviceType: 0xffff, holdingDeviceType: 76, retrievingDeviceType: 76,
  releasingDeviceType: 0, failingDeviceType: 0, numCtiClients: 0, calledPartyDisposition: 0,
  newConnectionDeviceIdType: 0xffff, newConnectionCallId: NULL_ID, campaignId: 0, queryRuleId: 0,
} as const;

/** A call event of `type` with `fields` over engine-like defaults. */
export function callEvent<T extends CallEventMessage['type']>(type: T, fields: Record<string, unknown>): CtiMessageOf<T> {
  return { ...BASE, type, ...fields } as unknown as CtiMessageOf<T>;
}

export const ev = {
  begin: (callId: number, device: string, callType: number, data: Record<string, unknown> = {}) =>
    callEvent('BEGIN_CALL_EVENT', { connectionCallId: callId, connectionDeviceId: device, callType, ...data }),
  delivered: (callId: number, alerting: string, calling: string, called: string, data: Record<string, unknown> = {}) =>
    callEvent('CALL_DELIVERED_EVENT', {
      connectionCallId: callId, connectionDeviceId: alerting, alertingDeviceId: alerting, callingDeviceId: calling,
      calledDeviceId: called, ...data,
    }),
  established: (callId: number, answering: string, calling: string) =>
    callEvent('CALL_ESTABLISHED_EVENT', { connectionCallId: callId, connectionDeviceId: answering, answeringDeviceId: answering, callingDeviceId: calling }),
  serviceInitiated: (callId: number, device: string) =>
    callEvent('CALL_SERVICE_INITIATED_EVENT', { connectionCallId: callId, connectionDeviceId: device, callingDeviceId: device }),
  originated: (callId: number, calling: string, called: string) =>
    callEvent('CALL_ORIGINATED_EVENT', { connectionCallId: callId, connectionDeviceId: calling, callingDeviceId: calling, calledDeviceId: called }),
  failed: (callId: number, device: string, failing: string, eventCause: number) =>
    callEvent('CALL_FAILED_EVENT', { connectionCallId: callId, connectionDeviceId: device, failingDeviceId: failing, eventCause }),
  cleared: (callId: number, device: string, eventCause = 0xffff) =>
    callEvent('CALL_CONNECTION_CLEARED_EVENT', { connectionCallId: callId, connectionDeviceId: device, releasingDeviceId: device, eventCause }),
  callCleared: (callId: number) => callEvent('CALL_CLEARED_EVENT', { connectionCallId: callId, connectionDeviceId: '' }),
  end: (callId: number) => callEvent('END_CALL_EVENT', { connectionCallId: callId, connectionDeviceId: '' }),
  held: (callId: number, device: string) =>
    callEvent('CALL_HELD_EVENT', { connectionCallId: callId, connectionDeviceId: device, holdingDeviceId: device }),
};

export function agentState(agentId: string, extension: string, agentState: CtiMessageOf<'AGENT_STATE_EVENT'>['agentState'],
                           cause?: { invokeId: number; clientId: string }): CtiMessageOf<'AGENT_STATE_EVENT'> {
  return {
    type: 'AGENT_STATE_EVENT', monitorId: 0, peripheralId: 1, sessionId: 0, peripheralType: 21, csqState: 'LOGIN',
    stateDuration: 0, csqId: NULL_ID, skillGroupId: NULL_ID, skillGroupPriority: 0, agentState, eventReasonCode: 0,
    mrdId: 1, numTasks: 0, agentMode: 0, maxTaskLimit: 0, icmAgentId: 0, agentAvailabilityStatus: 1, agentId,
    agentExtension: extension, agentInstrument: extension,
    ...(cause ? { poiseCauseInvokeId: cause.invokeId, poiseCauseClientId: cause.clientId } : {}),
  };
}
