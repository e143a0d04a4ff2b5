// Builds the events of one step. A state change raises the core event only when the core state changes, then
// the CallControl event (§1.5: the originator's DIALING → ESTABLISHED raises CallCtlConnEstablishedEv alone).
// The `from`/`to` pair is explicit so that a party moving between calls can be announced in the call it left
// without touching its record. A new connection or terminal connection is announced IDLE (ConnCreatedEv,
// TermConnCreatedEv), then moved.
import type { CallEventBus } from './event-bus.ts';
import {
  CALL_CONTROL_CONNECTION_EVENT, CALL_CONTROL_TERMINAL_CONNECTION_EVENT, CONNECTION_EVENT, TERMINAL_CONNECTION_EVENT,
  type CallStateEventType, type ConnectionEventType, type DtmfDigit, type EventCause, type FeatureEventType,
  type TerminalConnectionEventType,
} from './events.ts';
import type { CallRecord } from './records.ts';
import {
  connectionStateOf, terminalConnectionStateOf, type CallControlConnectionState as Cc,
  type CallControlTerminalConnectionState as Tc,
} from './states.ts';

export function announceCall(bus: CallEventBus, call: CallRecord, type: CallStateEventType, cause: EventCause): void {
  const seq = bus.nextSeq();
  if (!bus.wanted) return;
  bus.enqueue({
    seq, at: bus.now(), type, callId: call.id, state: call.state, cause,
    calling: call.calling, called: call.called, lastRedirected: call.lastRedirected,
  });
}

export function announceConnectionCreated(bus: CallEventBus, call: CallRecord, address: string, cause: EventCause): void {
  connectionEvent(bus, call, 'ConnCreatedEv', address, 'IDLE', cause);
}

export function announceConnection(
  bus: CallEventBus, call: CallRecord, address: string, from: Cc, to: Cc, cause: EventCause,
): void {
  const state = connectionStateOf(to);
  if (connectionStateOf(from) !== state) connectionEvent(bus, call, CONNECTION_EVENT[state], address, to, cause);
  const ccType = CALL_CONTROL_CONNECTION_EVENT[to];
  if (ccType !== null) connectionEvent(bus, call, ccType, address, to, cause);
}

export function announceTerminalConnectionCreated(
  bus: CallEventBus, call: CallRecord, address: string, terminal: string, cause: EventCause,
): void {
  terminalConnectionEvent(bus, call, 'TermConnCreatedEv', address, terminal, 'IDLE', cause);
}

export function announceTerminalConnection(
  bus: CallEventBus, call: CallRecord, address: string, terminal: string, from: Tc, to: Tc, cause: EventCause,
): void {
  const state = terminalConnectionStateOf(to);
  if (terminalConnectionStateOf(from) !== state) {
    terminalConnectionEvent(bus, call, TERMINAL_CONNECTION_EVENT[state], address, terminal, to, cause);
  }
  const ccType = CALL_CONTROL_TERMINAL_CONNECTION_EVENT[to];
  if (ccType !== null) terminalConnectionEvent(bus, call, ccType, address, terminal, to, cause);
}

export function announceDtmf(
  bus: CallEventBus, call: CallRecord, address: string, terminal: string | undefined, digit: DtmfDigit,
): void {
  const seq = bus.nextSeq();
  if (!bus.wanted) return;
  bus.enqueue({
    seq, at: bus.now(), type: 'MediaTermConnDtmfEv', callId: call.id, address, terminal, digit, cause: 'NORMAL',
    calling: call.calling, called: call.called, lastRedirected: call.lastRedirected,
  });
}

export function announceCallData(bus: CallEventBus, call: CallRecord): void {
  const seq = bus.nextSeq();
  if (!bus.wanted) return;
  bus.enqueue({
    seq, at: bus.now(), type: 'CiscoCallDataChangedEv', callId: call.id, callVariables: call.callVariables,
    cause: 'NORMAL', calling: call.calling, called: call.called, lastRedirected: call.lastRedirected,
  });
}

export function announceFeature(
  bus: CallEventBus, call: CallRecord, type: FeatureEventType, address: string, terminal: string,
  otherCallId: string | null,
): void {
  const seq = bus.nextSeq();
  if (!bus.wanted) return;
  bus.enqueue({
    seq, at: bus.now(), type, callId: call.id, address, terminal, otherCallId, cause: 'NORMAL',
    calling: call.calling, called: call.called, lastRedirected: call.lastRedirected,
  });
}

function connectionEvent(
  bus: CallEventBus, call: CallRecord, type: ConnectionEventType, address: string, ccState: Cc, cause: EventCause,
): void {
  const seq = bus.nextSeq();
  if (!bus.wanted) return;
  bus.enqueue({
    seq, at: bus.now(), type, callId: call.id, address, state: connectionStateOf(ccState), ccState, cause,
    calling: call.calling, called: call.called, lastRedirected: call.lastRedirected,
  });
}

function terminalConnectionEvent(
  bus: CallEventBus, call: CallRecord, type: TerminalConnectionEventType, address: string, terminal: string,
  ccState: Tc, cause: EventCause,
): void {
  const seq = bus.nextSeq();
  if (!bus.wanted) return;
  bus.enqueue({
    seq, at: bus.now(), type, callId: call.id, address, terminal, state: terminalConnectionStateOf(ccState), ccState,
    cause, calling: call.calling, called: call.called, lastRedirected: call.lastRedirected,
  });
}
