// Call events, the "cm → engine" shape of spec telephony-and-routing.md §3.3. `type` is the JTAPI 1.2 event
// name (javax.telephony.events / .callcontrol.events) or a Cisco extension name; Poise adds two:
//   MediaTermConnDtmfEv     one per digit, `address` the party that sent it, `terminal` the one that hears it
//                           (JTAPI's media package names the event; Cisco reports digits the same way)
//   CiscoCallDataChangedEv  **[Poise]** the call's variables after setCallData (UCCX call variables and ECC)
// CiscoTransferStart/EndEv and CiscoConferenceStart/EndEv bracket the moves of a transfer or conference, as the
// Cisco JTAPI guide does, so that a party "dropped" between them is known to be moving, not leaving [J3].
import type {
  CallControlConnectionState, CallControlTerminalConnectionState, CallState, ConnectionState,
  TerminalConnectionState,
} from './states.ts';

export const EVENT_CAUSE_VALUES = {
  NORMAL: 100, UNKNOWN: 101, CALL_CANCELLED: 102, DEST_NOT_OBTAINABLE: 103, INCOMPATIBLE_DESTINATION: 104,
  LOCKOUT: 105, NEW_CALL: 106, RESOURCES_NOT_AVAILABLE: 107, NETWORK_CONGESTION: 108, NETWORK_NOT_OBTAINABLE: 109,
  SNAPSHOT: 110,
} as const;
export type EventCause = keyof typeof EVENT_CAUSE_VALUES;

/** The core event raised when a Connection enters each core state (ConnCreatedEv for IDLE). */
export const CONNECTION_EVENT = {
  IDLE: 'ConnCreatedEv', INPROGRESS: 'ConnInProgressEv', ALERTING: 'ConnAlertingEv', CONNECTED: 'ConnConnectedEv',
  DISCONNECTED: 'ConnDisconnectedEv', FAILED: 'ConnFailedEv', UNKNOWN: 'ConnUnknownEv',
} as const satisfies Record<ConnectionState, string>;

/** The CallControl event raised when a CallControlConnection enters each state (none for IDLE). */
export const CALL_CONTROL_CONNECTION_EVENT = {
  IDLE: null, OFFERED: 'CallCtlConnOfferedEv', QUEUED: 'CallCtlConnQueuedEv', ALERTING: 'CallCtlConnAlertingEv',
  INITIATED: 'CallCtlConnInitiatedEv', DIALING: 'CallCtlConnDialingEv',
  NETWORK_REACHED: 'CallCtlConnNetworkReachedEv', NETWORK_ALERTING: 'CallCtlConnNetworkAlertingEv',
  ESTABLISHED: 'CallCtlConnEstablishedEv', DISCONNECTED: 'CallCtlConnDisconnectedEv',
  FAILED: 'CallCtlConnFailedEv', UNKNOWN: 'CallCtlConnUnknownEv',
} as const satisfies Record<CallControlConnectionState, string | null>;

export const TERMINAL_CONNECTION_EVENT = {
  IDLE: 'TermConnCreatedEv', RINGING: 'TermConnRingingEv', PASSIVE: 'TermConnPassiveEv',
  ACTIVE: 'TermConnActiveEv', DROPPED: 'TermConnDroppedEv', UNKNOWN: 'TermConnUnknownEv',
} as const satisfies Record<TerminalConnectionState, string>;

export const CALL_CONTROL_TERMINAL_CONNECTION_EVENT = {
  IDLE: null, RINGING: 'CallCtlTermConnRingingEv', TALKING: 'CallCtlTermConnTalkingEv',
  HELD: 'CallCtlTermConnHeldEv', BRIDGED: 'CallCtlTermConnBridgedEv', INUSE: 'CallCtlTermConnInUseEv',
  DROPPED: 'CallCtlTermConnDroppedEv', UNKNOWN: 'CallCtlTermConnUnknownEv',
} as const satisfies Record<CallControlTerminalConnectionState, string | null>;

type ValueOf<T> = T[keyof T];
export type CallStateEventType = 'CallActiveEv' | 'CallInvalidEv';
export type ConnectionEventType =
  | ValueOf<typeof CONNECTION_EVENT> | NonNullable<ValueOf<typeof CALL_CONTROL_CONNECTION_EVENT>>;
export type TerminalConnectionEventType =
  | ValueOf<typeof TERMINAL_CONNECTION_EVENT> | NonNullable<ValueOf<typeof CALL_CONTROL_TERMINAL_CONNECTION_EVENT>>;
export type FeatureEventType =
  | 'CiscoTransferStartEv' | 'CiscoTransferEndEv' | 'CiscoConferenceStartEv' | 'CiscoConferenceEndEv';
export type DtmfDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#' | 'A' | 'B' | 'C' | 'D';

// Every member has the flat §3.3 shape, so `event.terminal` or `event.state` can be read before narrowing on
// `type`; each member then says which of the optional fields it always carries.
interface EventBase {
  readonly seq: number;          // global, increasing by one per event of the model
  readonly at: number;           // the model's clock, ms
  readonly callId: string;
  readonly address?: string;
  readonly terminal?: string;
  readonly state?: CallState | ConnectionState | TerminalConnectionState;
  readonly ccState?: CallControlConnectionState | CallControlTerminalConnectionState;
  readonly cause: EventCause;
  readonly calling: string;      // calling address
  readonly called: string;       // current called address (the last one the call was offered to)
  readonly lastRedirected: string | null;
}

export interface CallStateEvent extends EventBase {
  readonly type: CallStateEventType;
  readonly state: CallState;
}

export interface ConnectionEvent extends EventBase {
  readonly type: ConnectionEventType;
  readonly address: string;
  readonly state: ConnectionState;
  readonly ccState: CallControlConnectionState;
}

export interface TerminalConnectionEvent extends EventBase {
  readonly type: TerminalConnectionEventType;
  readonly address: string;
  readonly terminal: string;
  readonly state: TerminalConnectionState;
  readonly ccState: CallControlTerminalConnectionState;
}

export interface DtmfEvent extends EventBase {
  readonly type: 'MediaTermConnDtmfEv';
  readonly address: string;
  readonly terminal?: string;
  readonly digit: DtmfDigit;
}

export interface CallDataEvent extends EventBase {
  readonly type: 'CiscoCallDataChangedEv';
  readonly callVariables: Readonly<Record<string, string>>;
}

/** `address`/`terminal` name the transfer or conference controller; `otherCallId` the call merged away. */
export interface FeatureEvent extends EventBase {
  readonly type: FeatureEventType;
  readonly address: string;
  readonly terminal: string;
  readonly otherCallId: string | null;
}

export type CallEvent =
  | CallStateEvent | ConnectionEvent | TerminalConnectionEvent | DtmfEvent | CallDataEvent | FeatureEvent;
export type CallEventType = CallEvent['type'];
export type CallEventListener = (event: CallEvent) => void;
