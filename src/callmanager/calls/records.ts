// The model's own mutable call records. They never leave the model: callers get snapshots (snapshot.ts).
// Kept lean on purpose (a contact center holds thousands of calls): no core state stored (derived from the
// CallControl state), no per-call closures, DISCONNECTED connections removed as JTAPI removes them.
import type { EventCause } from './events.ts';
import type {
  CallControlConnectionState, CallControlTerminalConnectionState, CallState,
} from './states.ts';

export interface TerminalConnectionRecord {
  readonly terminal: string;
  ccState: CallControlTerminalConnectionState;
}

export interface ConnectionRecord {
  readonly address: string;
  ccState: CallControlConnectionState;
  cause: EventCause;
  /** Devices whose line this connection occupies; empty for a party in the network or a failed attempt. */
  readonly devices: readonly string[];
  readonly terminalConnections: TerminalConnectionRecord[];
}

export interface CallRecord {
  readonly id: string;
  state: CallState;
  calling: string;
  called: string;
  lastRedirected: string | null;
  /** Replaced, never mutated, so an event may carry it as it is. */
  callVariables: Readonly<Record<string, string>>;
  readonly connections: ConnectionRecord[];
  readonly createdAt: number;
}

export const NO_VARIABLES: Readonly<Record<string, string>> = Object.freeze({});
