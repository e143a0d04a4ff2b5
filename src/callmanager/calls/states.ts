// JTAPI 1.2 state names and their numeric values (spec telephony-and-routing.md §1.2 and §1.3, [J1]). The
// CallControl states refine the core ones; the core state is always derived, never stored.

export const PROVIDER_STATE_VALUES = { IN_SERVICE: 16, OUT_OF_SERVICE: 17, SHUTDOWN: 18 } as const;
export type ProviderState = keyof typeof PROVIDER_STATE_VALUES;

export const CALL_STATE_VALUES = { IDLE: 32, ACTIVE: 33, INVALID: 34 } as const;
export type CallState = keyof typeof CALL_STATE_VALUES;

export const CONNECTION_STATE_VALUES = {
  IDLE: 48, INPROGRESS: 49, ALERTING: 50, CONNECTED: 51, DISCONNECTED: 52, FAILED: 53, UNKNOWN: 54,
} as const;
export type ConnectionState = keyof typeof CONNECTION_STATE_VALUES;

export const CALL_CONTROL_CONNECTION_STATE_VALUES = {
  IDLE: 80, OFFERED: 81, QUEUED: 82, ALERTING: 83, INITIATED: 84, DIALING: 85, NETWORK_REACHED: 86,
  NETWORK_ALERTING: 87, ESTABLISHED: 88, DISCONNECTED: 89, FAILED: 90, UNKNOWN: 91,
} as const;
export type CallControlConnectionState = keyof typeof CALL_CONTROL_CONNECTION_STATE_VALUES;

export const TERMINAL_CONNECTION_STATE_VALUES = {
  IDLE: 64, RINGING: 65, PASSIVE: 66, ACTIVE: 67, DROPPED: 68, UNKNOWN: 69,
} as const;
export type TerminalConnectionState = keyof typeof TERMINAL_CONNECTION_STATE_VALUES;

export const CALL_CONTROL_TERMINAL_CONNECTION_STATE_VALUES = {
  IDLE: 96, RINGING: 97, TALKING: 98, HELD: 99, BRIDGED: 100, INUSE: 101, DROPPED: 102, UNKNOWN: 103,
} as const;
export type CallControlTerminalConnectionState = keyof typeof CALL_CONTROL_TERMINAL_CONNECTION_STATE_VALUES;

// §1.3 table; QUEUED and the NETWORK_* states carry a † there (inference).
const CORE_OF_CONNECTION = {
  IDLE: 'IDLE', OFFERED: 'INPROGRESS', QUEUED: 'INPROGRESS', ALERTING: 'ALERTING', INITIATED: 'CONNECTED',
  DIALING: 'CONNECTED', NETWORK_REACHED: 'CONNECTED', NETWORK_ALERTING: 'CONNECTED', ESTABLISHED: 'CONNECTED',
  DISCONNECTED: 'DISCONNECTED', FAILED: 'FAILED', UNKNOWN: 'UNKNOWN',
} as const satisfies Record<CallControlConnectionState, ConnectionState>;

// "TALKING and HELD refine ACTIVE, BRIDGED and INUSE refine PASSIVE" (§1.3).
const CORE_OF_TERMINAL_CONNECTION = {
  IDLE: 'IDLE', RINGING: 'RINGING', TALKING: 'ACTIVE', HELD: 'ACTIVE', BRIDGED: 'PASSIVE', INUSE: 'PASSIVE',
  DROPPED: 'DROPPED', UNKNOWN: 'UNKNOWN',
} as const satisfies Record<CallControlTerminalConnectionState, TerminalConnectionState>;

export function connectionStateOf(ccState: CallControlConnectionState): ConnectionState {
  return CORE_OF_CONNECTION[ccState];
}

export function terminalConnectionStateOf(ccState: CallControlTerminalConnectionState): TerminalConnectionState {
  return CORE_OF_TERMINAL_CONNECTION[ccState];
}

/** A party that still takes part in the call: neither gone (DISCONNECTED) nor a failed attempt. */
export function isLive(ccState: CallControlConnectionState): boolean {
  return ccState !== 'DISCONNECTED' && ccState !== 'FAILED';
}
