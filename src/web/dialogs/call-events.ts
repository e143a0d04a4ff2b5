// CTI call events applied to the calls the web service holds (cti-to-finesse.md §1.2): which participant each
// event names and the state it gives it. Pure: it reports what changed, and the dialog cache decides what to
// publish.
import {
  EventCause, NULL_ID, type CtiMessage, type CtiMessageOf,
} from '../../engine/cti/codec/index.ts';
import { applyCallData, callerAnsweredByIvr, isOriginatedByDevice } from './call-data.ts';
import {
  copyCall, isLive, newCall, participantOf, type CallRecord, type ParticipantState, type StateCause,
} from './call-record.ts';

export type CallEventMessage = CtiMessageOf<
  | 'BEGIN_CALL_EVENT' | 'CALL_SERVICE_INITIATED_EVENT' | 'CALL_ORIGINATED_EVENT' | 'CALL_DELIVERED_EVENT'
  | 'CALL_ESTABLISHED_EVENT' | 'CALL_HELD_EVENT' | 'CALL_RETRIEVED_EVENT' | 'CALL_FAILED_EVENT'
  | 'CALL_CONNECTION_CLEARED_EVENT' | 'CALL_CLEARED_EVENT' | 'CALL_TRANSFERRED_EVENT' | 'CALL_CONFERENCED_EVENT'
  | 'CALL_DATA_UPDATE_EVENT' | 'END_CALL_EVENT'
>;

const CALL_EVENTS = new Set<string>([
  'BEGIN_CALL_EVENT', 'CALL_SERVICE_INITIATED_EVENT', 'CALL_ORIGINATED_EVENT', 'CALL_DELIVERED_EVENT',
  'CALL_ESTABLISHED_EVENT', 'CALL_HELD_EVENT', 'CALL_RETRIEVED_EVENT', 'CALL_FAILED_EVENT',
  'CALL_CONNECTION_CLEARED_EVENT', 'CALL_CLEARED_EVENT', 'CALL_TRANSFERRED_EVENT', 'CALL_CONFERENCED_EVENT',
  'CALL_DATA_UPDATE_EVENT', 'END_CALL_EVENT',
] satisfies CallEventMessage['type'][]);

export const isCallEvent = (message: CtiMessage): message is CallEventMessage => CALL_EVENTS.has(message.type);

/** What an event did: the calls to render again, agents who left a call that goes on, a call that ended. */
export interface CallChange {
  readonly touched: number[];
  /** Each agent's participant removed from a call that goes on, with the call as that agent last saw it. */
  readonly left: { readonly address: string; readonly finalView: CallRecord }[];
  /** END_CALL: the call, removed from the book. */
  readonly ended: CallRecord | undefined;
}

export interface CallBookContext {
  readonly now: Date;
  readonly isAgent: (address: string) => boolean;
}

/** Applies one call event to `calls` (ConnectionCallID → call). */
export function applyCallEvent(calls: Map<number, CallRecord>, event: CallEventMessage, ctx: CallBookContext): CallChange {
  const change = { touched: [] as number[], left: [] as CallChange['left'], ended: undefined as CallRecord | undefined };
  const callOf = (id: number, callType = 0): CallRecord => {
    let call = calls.get(id);
    if (!call) {
      call = newCall(id, callType);
      calls.set(id, call);
    }
    if (!change.touched.includes(id)) change.touched.push(id);
    return call;
  };
  const setState = (call: CallRecord, address: string | undefined, state: ParticipantState, cause: StateCause = '') => {
    if (address === undefined || address === '') return undefined;
    let p = participantOf(call, address);
    if (!p) {
      p = { mediaAddress: address, state, stateCause: cause, startTime: ctx.now, stateChangeTime: ctx.now };
      call.participants.push(p);
      return p;
    }
    if (p.state !== state || p.stateCause !== cause) {
      p.state = state;
      p.stateCause = cause;
      p.stateChangeTime = ctx.now;
    }
    return p;
  };

  switch (event.type) {
    case 'BEGIN_CALL_EVENT': {
      const call = callOf(event.connectionCallId, event.callType);
      if (event.callType !== 0) call.callType = event.callType;
      applyCallData(call, event);
      if (isOriginatedByDevice(call.callType) && call.participants.length === 0) {
        setState(call, event.connectionDeviceId, 'INITIATING');
        call.fromAddress ||= event.connectionDeviceId;
        associateConsult(calls, call, event.connectionDeviceId);
      }
      return change;
    }
    case 'CALL_SERVICE_INITIATED_EVENT': {
      const call = callOf(event.connectionCallId);
      const device = event.callingDeviceId ?? event.connectionDeviceId;
      setState(call, device, 'INITIATING');
      call.fromAddress ||= device;
      return change;
    }
    case 'CALL_ORIGINATED_EVENT': {
      const call = callOf(event.connectionCallId);
      const device = event.callingDeviceId ?? event.connectionDeviceId;
      setState(call, device, 'INITIATED');
      call.fromAddress ||= device;
      if (event.calledDeviceId) call.toAddress = event.calledDeviceId;
      return change;
    }
    case 'CALL_DELIVERED_EVENT': {
      const call = callOf(event.connectionCallId);
      applyCallData(call, event);
      if (event.skillGroupNumber !== NULL_ID) call.csqId = event.skillGroupNumber;
      const calling = event.callingDeviceId ?? event.ani;
      const alerting = event.alertingDeviceId ?? event.connectionDeviceId;
      if (calling && calling !== alerting && !participantOf(call, calling)) {
        setState(call, calling, callerAnsweredByIvr(call.callType) ? 'ACTIVE' : 'INITIATED');
      }
      setState(call, alerting, 'ALERTING');
      call.fromAddress ||= calling ?? '';
      call.toAddress ||= event.calledDeviceId ?? alerting;
      return change;
    }
    case 'CALL_ESTABLISHED_EVENT': {
      const call = callOf(event.connectionCallId);
      setState(call, event.answeringDeviceId ?? event.connectionDeviceId, 'ACTIVE');
      const caller = event.callingDeviceId === undefined ? undefined : participantOf(call, event.callingDeviceId);
      if (caller && (caller.state === 'INITIATING' || caller.state === 'INITIATED')) setState(call, caller.mediaAddress, 'ACTIVE');
      return change;
    }
    case 'CALL_HELD_EVENT':
      setState(callOf(event.connectionCallId), event.holdingDeviceId ?? event.connectionDeviceId, 'HELD');
      return change;
    case 'CALL_RETRIEVED_EVENT':
      setState(callOf(event.connectionCallId), event.retrievingDeviceId ?? event.connectionDeviceId, 'ACTIVE');
      return change;
    case 'CALL_FAILED_EVENT': {
      const call = callOf(event.connectionCallId);
      call.failed = true;
      setState(call, event.connectionDeviceId, 'FAILED', stateCauseOf(event.eventCause, event.failingDeviceId, event.connectionDeviceId));
      return change;
    }
    case 'CALL_CONNECTION_CLEARED_EVENT': {
      const call = callOf(event.connectionCallId);
      const device = event.releasingDeviceId ?? event.connectionDeviceId;
      const before = participantOf(call, device)?.state;
      setState(call, device, 'DROPPED');
      if (ctx.isAgent(device) && goesOn(call, before, event.eventCause)) {
        change.left.push({ address: device, finalView: copyCall(call) });
        call.participants = call.participants.filter((p) => p.mediaAddress !== device);
      }
      return change;
    }
    case 'CALL_CLEARED_EVENT': {
      const call = callOf(event.connectionCallId);
      for (const p of call.participants) if (isLive(p.state)) setState(call, p.mediaAddress, 'DROPPED');
      return change;
    }
    case 'CALL_TRANSFERRED_EVENT':
    case 'CALL_CONFERENCED_EVENT':
      return merge(calls, event, ctx, change, callOf);
    case 'CALL_DATA_UPDATE_EVENT': {
      const call = callOf(event.connectionCallId);
      if (event.callType !== 0) call.callType = event.callType;
      applyCallData(call, event);
      return change;
    }
    case 'END_CALL_EVENT': {
      const call = calls.get(event.connectionCallId);
      if (!call) return change;
      calls.delete(call.id);
      const other = call.associatedCallId === undefined ? undefined : calls.get(call.associatedCallId);
      if (other?.associatedCallId === call.id) {
        other.associatedCallId = undefined;
        change.touched.push(other.id);
      }
      change.ended = call;
      return change;
    }
  }
}

/**
 * cti-to-finesse.md §1.4: an agent whose connection clears leaves a call that goes on (DELETE at once) when two
 * parties still talk, on RONA (the call rang and the caller waits on), or when the engine says the call went on
 * elsewhere; otherwise the call is ending and the agent keeps the dialog, DROPPED, until END_CALL.
 */
function goesOn(call: CallRecord, before: ParticipantState | undefined, cause: number): boolean {
  const live = call.participants.filter((p) => isLive(p.state)).length;
  if (live >= 2) return true;
  if (before === 'ALERTING' && live >= 1) return true;
  return cause === EventCause.CALL_NOT_ANSWERED || cause === EventCause.REDIRECTED || cause === EventCause.TRANSFER;
}

/** CALL_FAILED's stateCause (cti-to-finesse.md §1.2, inference). */
function stateCauseOf(cause: number, failing: string | undefined, own: string): StateCause {
  if (failing !== undefined && failing === own) return 'DEVICE_RESOURCE_NOT_AVAILABLE';
  if (cause === EventCause.BUSY) return 'BUSY';
  if (cause === EventCause.DEST_NOT_OBTAINABLE || cause === EventCause.INCOMPATIBLE_DESTINATION) return 'BAD_DESTINATION';
  return 'OTHER';
}

/** A consult call begins while its originator holds the original: link the two (associatedDialogUri). */
function associateConsult(calls: Map<number, CallRecord>, consult: CallRecord, originator: string): void {
  for (const other of calls.values()) {
    if (other.id !== consult.id && participantOf(other, originator)?.state === 'HELD') {
      consult.associatedCallId = other.id;
      other.associatedCallId = consult.id;
      return;
    }
  }
}

/**
 * CALL_TRANSFERRED / CALL_CONFERENCED: the primary call survives with its id and addresses (cti-to-finesse.md
 * §1.1, §2.3–§2.4); the event's party list replaces its participants. Parties keep the state they had on either
 * call; a conference makes everyone ACTIVE, the held controller included (§2.4, inference).
 */
function merge(
  calls: Map<number, CallRecord>, event: CtiMessageOf<'CALL_TRANSFERRED_EVENT' | 'CALL_CONFERENCED_EVENT'>,
  ctx: CallBookContext, change: CallChange, callOf: (id: number) => CallRecord,
): CallChange {
  const primary = callOf(event.primaryCallId);
  const secondary = calls.get(event.secondaryCallId);
  if (secondary && secondary !== primary) {
    secondary.merged = true;
    if (!change.touched.includes(secondary.id)) change.touched.push(secondary.id);
  }
  const parties = (event.parties ?? []).map((p) => p.connectedPartyDeviceId).filter((d): d is string => !!d);
  if (parties.length === 0) return change;
  const conference = event.type === 'CALL_CONFERENCED_EVENT';
  const next = parties.map((address) => {
    const known = participantOf(primary, address) ?? (secondary && participantOf(secondary, address));
    const state: ParticipantState = conference || !known || !isLive(known.state) ? 'ACTIVE' : known.state;
    if (known && known.state === state && participantOf(primary, address)) return known;
    return {
      mediaAddress: address, state, stateCause: '' as const, startTime: known?.startTime ?? ctx.now,
      stateChangeTime: known?.state === state ? known.stateChangeTime : ctx.now,
    };
  });
  for (const gone of primary.participants.filter((p) => !parties.includes(p.mediaAddress))) {
    if (!ctx.isAgent(gone.mediaAddress)) continue;
    const view = copyCall(primary);
    const mine = participantOf(view, gone.mediaAddress);
    if (mine) { mine.state = 'DROPPED'; mine.stateChangeTime = ctx.now; }
    change.left.push({ address: gone.mediaAddress, finalView: view });
  }
  primary.participants = next;
  if (primary.associatedCallId === event.secondaryCallId) primary.associatedCallId = undefined;
  if (secondary?.associatedCallId === primary.id) secondary.associatedCallId = undefined;
  return change;
}
