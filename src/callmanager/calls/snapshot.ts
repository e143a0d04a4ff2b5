// Plain, JSON-able copies of a call, for callers outside the model (the provider, the lab API, tests).
import type { EventCause } from './events.ts';
import type { CallRecord } from './records.ts';
import {
  connectionStateOf, terminalConnectionStateOf, type CallControlConnectionState,
  type CallControlTerminalConnectionState, type CallState, type ConnectionState, type TerminalConnectionState,
} from './states.ts';

export interface TerminalConnectionSnapshot {
  terminal: string;
  state: TerminalConnectionState;
  ccState: CallControlTerminalConnectionState;
}

export interface ConnectionSnapshot {
  address: string;
  state: ConnectionState;
  ccState: CallControlConnectionState;
  cause: EventCause;
  terminalConnections: TerminalConnectionSnapshot[];
}

export interface CallSnapshot {
  id: string;
  state: CallState;
  calling: string;
  called: string;
  lastRedirected: string | null;
  callVariables: Record<string, string>;
  connections: ConnectionSnapshot[];
  createdAt: number;
}

export function snapshotOf(call: CallRecord): CallSnapshot {
  return {
    id: call.id,
    state: call.state,
    calling: call.calling,
    called: call.called,
    lastRedirected: call.lastRedirected,
    callVariables: { ...call.callVariables },
    connections: call.connections.map((c) => ({
      address: c.address,
      state: connectionStateOf(c.ccState),
      ccState: c.ccState,
      cause: c.cause,
      terminalConnections: c.terminalConnections.map((tc) => ({
        terminal: tc.terminal, state: terminalConnectionStateOf(tc.ccState), ccState: tc.ccState,
      })),
    })),
    createdAt: call.createdAt,
  };
}
