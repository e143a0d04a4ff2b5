// What consultative transfer and conference share: the controller (a terminal in both calls, picked unless
// named, as setTransferController / setConferenceController allow), the parties that move, and the moves
// themselves. JTAPI shows a move as the party leaving one call and appearing in the other [J3]; the record
// itself is moved, so line usage is untouched.
import {
  announceConnection, announceConnectionCreated, announceTerminalConnection, announceTerminalConnectionCreated,
} from './announce.ts';
import {
  connectionAt, findTerminalParty, requireTerminalParty, requireText, type CallCore, type TerminalParty,
} from './call-core.ts';
import { TelephonyError } from './errors.ts';
import type { EventCause } from './events.ts';
import type { CallRecord, ConnectionRecord } from './records.ts';
import { isLive, terminalConnectionStateOf } from './states.ts';

export interface Controller {
  readonly terminal: string;
  readonly here: TerminalParty;   // in the call that stays
  readonly there: TerminalParty;  // in the call merged away
}

export function requireCallPair(core: CallCore, callId: string, otherCallId: string): [CallRecord, CallRecord] {
  const call = core.requireCall(callId);
  const other = core.requireCall(otherCallId);
  if (call === other) throw new TelephonyError('InvalidArgument', `call ${callId} cannot be merged with itself`);
  return [call, other];
}

/** The named terminal, else the first terminal ACTIVE (TALKING or HELD) in both calls, else any common one. */
export function requireController(call: CallRecord, other: CallRecord, terminal: string | undefined): Controller {
  if (terminal !== undefined) {
    requireText(terminal, 'controller');
    return { terminal, here: requireTerminalParty(call, terminal), there: requireTerminalParty(other, terminal) };
  }
  let common: Controller | undefined;
  for (const connection of call.connections) {
    for (const terminalConnection of connection.terminalConnections) {
      const there = findTerminalParty(other, terminalConnection.terminal);
      if (!there) continue;
      const candidate = { terminal: terminalConnection.terminal, here: { connection, terminalConnection }, there };
      const active = terminalConnectionStateOf(terminalConnection.ccState) === 'ACTIVE'
        && terminalConnectionStateOf(there.terminalConnection.ccState) === 'ACTIVE';
      if (active) return candidate;
      common ??= candidate;
    }
  }
  if (common) return common;
  throw new TelephonyError('InvalidParty', `calls ${call.id} and ${other.id} have no terminal in common`);
}

/** Everyone in `other` but the controller; they must all be live, and none may already be in `call`. */
export function movingParties(call: CallRecord, other: CallRecord, controller: Controller): ConnectionRecord[] {
  const moving = other.connections.filter((c) => c !== controller.there.connection);
  if (moving.length === 0 || moving.some((c) => !isLive(c.ccState))) {
    throw new TelephonyError('InvalidState', `call ${other.id} has no connected party besides the controller`);
  }
  for (const connection of moving) {
    if (connectionAt(call, connection.address)) {
      throw new TelephonyError('InvalidParty', `${connection.address} is in both calls`);
    }
  }
  return moving;
}

/** True when `call` has a live party other than `connection`. */
export function hasOtherParty(call: CallRecord, connection: ConnectionRecord): boolean {
  return call.connections.some((c) => c !== connection && isLive(c.ccState));
}

/** The party appears in `call` in the states it had: created, then moved there from IDLE. */
export function arrive(core: CallCore, call: CallRecord, connection: ConnectionRecord, cause: EventCause): void {
  call.connections.push(connection);
  connection.cause = cause;
  announceConnectionCreated(core.bus, call, connection.address, cause);
  announceConnection(core.bus, call, connection.address, 'IDLE', connection.ccState, cause);
  for (const tc of connection.terminalConnections) {
    announceTerminalConnectionCreated(core.bus, call, connection.address, tc.terminal, cause);
    announceTerminalConnection(core.bus, call, connection.address, tc.terminal, 'IDLE', tc.ccState, cause);
  }
}

/** The party leaves `call` as if it hung up there, without its record changing. */
export function depart(core: CallCore, call: CallRecord, connection: ConnectionRecord, cause: EventCause): void {
  call.connections.splice(call.connections.indexOf(connection), 1);
  for (const tc of connection.terminalConnections) {
    announceTerminalConnection(core.bus, call, connection.address, tc.terminal, tc.ccState, 'DROPPED', cause);
  }
  announceConnection(core.bus, call, connection.address, connection.ccState, 'DISCONNECTED', cause);
}
