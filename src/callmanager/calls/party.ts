// The only code that changes a connection or terminal connection: each step checks the transition tables,
// updates the record, keeps line usage, and announces the step.
import {
  announceCall, announceConnection, announceConnectionCreated, announceTerminalConnection,
  announceTerminalConnectionCreated,
} from './announce.ts';
import type { CallCore } from './call-core.ts';
import type { EventCause } from './events.ts';
import type { CallRecord, ConnectionRecord, TerminalConnectionRecord } from './records.ts';
import {
  connectionStateOf, isLive, type CallControlConnectionState, type CallControlTerminalConnectionState,
} from './states.ts';
import { connectionMayMove, terminalConnectionMayMove } from './transition-tables.ts';

export function addConnection(
  core: CallCore, call: CallRecord, address: string, devices: readonly string[], cause: EventCause,
): ConnectionRecord {
  const connection: ConnectionRecord = { address, ccState: 'IDLE', cause, devices, terminalConnections: [] };
  call.connections.push(connection);
  if (devices.length > 0) core.usage.acquire(devices, address);
  announceConnectionCreated(core.bus, call, address, cause);
  return connection;
}

export function moveConnection(
  core: CallCore, call: CallRecord, connection: ConnectionRecord, to: CallControlConnectionState, cause: EventCause,
): void {
  const from = connection.ccState;
  if (!connectionMayMove(from, to)) throw new Error(`call model bug: connection ${connection.address} ${from} → ${to}`);
  connection.ccState = to;
  connection.cause = cause;
  announceConnection(core.bus, call, connection.address, from, to, cause);
}

export function addTerminalConnection(
  core: CallCore, call: CallRecord, connection: ConnectionRecord, terminal: string, cause: EventCause,
): TerminalConnectionRecord {
  const terminalConnection: TerminalConnectionRecord = { terminal, ccState: 'IDLE' };
  connection.terminalConnections.push(terminalConnection);
  announceTerminalConnectionCreated(core.bus, call, connection.address, terminal, cause);
  return terminalConnection;
}

export function moveTerminalConnection(
  core: CallCore, call: CallRecord, connection: ConnectionRecord, terminalConnection: TerminalConnectionRecord,
  to: CallControlTerminalConnectionState, cause: EventCause,
): void {
  const from = terminalConnection.ccState;
  if (!terminalConnectionMayMove(from, to)) {
    throw new Error(`call model bug: terminal connection ${terminalConnection.terminal} ${from} → ${to}`);
  }
  terminalConnection.ccState = to;
  announceTerminalConnection(core.bus, call, connection.address, terminalConnection.terminal, from, to, cause);
}

/** A party leaves: its terminal connections drop, then the connection disconnects and leaves the call [J4]. */
export function dropConnection(core: CallCore, call: CallRecord, connection: ConnectionRecord, cause: EventCause): void {
  for (const terminalConnection of connection.terminalConnections) {
    moveTerminalConnection(core, call, connection, terminalConnection, 'DROPPED', cause);
  }
  moveConnection(core, call, connection, 'DISCONNECTED', cause);
  call.connections.splice(call.connections.indexOf(connection), 1);
  if (connection.devices.length > 0) core.usage.release(connection.devices, connection.address);
}

/** Ends the call: every party leaves, then CallInvalidEv. A party never answered was cancelled, not hung up. */
export function endCall(core: CallCore, call: CallRecord): void {
  for (let connection = call.connections[0]; connection; connection = call.connections[0]) {
    const state = connectionStateOf(connection.ccState);
    const unanswered = state === 'INPROGRESS' || state === 'ALERTING';
    dropConnection(core, call, connection, unanswered ? 'CALL_CANCELLED' : 'NORMAL');
  }
  call.state = 'INVALID';
  core.calls.delete(call.id);
  announceCall(core.bus, call, 'CallInvalidEv', 'NORMAL');
}

/** A call needs two parties: when one is left (a failed attempt does not count), the call ends. */
export function endIfAlone(core: CallCore, call: CallRecord): void {
  let live = 0;
  for (const connection of call.connections) if (isLive(connection.ccState)) live++;
  if (live < 2) endCall(core, call);
}
