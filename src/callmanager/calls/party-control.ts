// Operations on one party of a call (JTAPI Connection and TerminalConnection methods, spec §1.3 table).
// Each checks its pre-condition before changing anything.
import { connectionAt, requireConnection, requireTerminalParty, requireText, type CallCore } from './call-core.ts';
import { TelephonyError } from './errors.ts';
import { alert, applyOffer, planOffer, refuseIfFailing } from './offer.ts';
import { dropConnection, endCall, endIfAlone, moveConnection, moveTerminalConnection } from './party.ts';
import type { ConnectionRecord } from './records.ts';
import type { CallControlConnectionState, CallControlTerminalConnectionState } from './states.ts';

const OFFERED: readonly CallControlConnectionState[] = ['OFFERED', 'QUEUED'];
const REDIRECTABLE: readonly CallControlConnectionState[] = ['OFFERED', 'QUEUED', 'ALERTING'];

/** OFFERED → ALERTING: the application takes the offer; the line's devices ring. */
export function accept(core: CallCore, callId: string, address: string): void {
  const call = core.requireCall(callId);
  const connection = requireConnection(call, address);
  requireConnectionIn(connection, OFFERED, 'accept');
  alert(core, call, connection, 'NORMAL');
}

/** OFFERED → DISCONNECTED; the caller, now alone, is released. */
export function reject(core: CallCore, callId: string, address: string): void {
  const call = core.requireCall(callId);
  const connection = requireConnection(call, address);
  requireConnectionIn(connection, OFFERED, 'reject');
  dropConnection(core, call, connection, 'NORMAL');
  endIfAlone(core, call);
}

/** OFFERED or ALERTING (†): this connection leaves, a new one is offered at `dest`. A destination that would
 *  fail refuses the redirect and the call stays where it was. */
export function redirect(core: CallCore, callId: string, address: string, dest: string): void {
  const call = core.requireCall(callId);
  const connection = requireConnection(call, address);
  requireConnectionIn(connection, REDIRECTABLE, 'redirect');
  requireText(dest, 'dest');
  if (connectionAt(call, dest)) throw new TelephonyError('InvalidParty', `${dest} is already a party of call ${callId}`);
  const plan = planOffer(core, dest);
  refuseIfFailing(plan, dest);
  call.called = dest;
  call.lastRedirected = address;
  dropConnection(core, call, connection, 'NORMAL');
  applyOffer(core, call, dest, plan, 'NORMAL');
}

/** RINGING → TALKING and the connection ESTABLISHED (§1.5); other devices of a shared line go BRIDGED. */
export function answer(core: CallCore, callId: string, terminal: string): void {
  const call = core.requireCall(callId);
  const { connection, terminalConnection } = requireTerminalParty(call, terminal);
  requireTerminalConnectionIn(terminalConnection.ccState, 'RINGING', terminal, 'answer');
  moveConnection(core, call, connection, 'ESTABLISHED', 'NORMAL');
  moveTerminalConnection(core, call, connection, terminalConnection, 'TALKING', 'NORMAL');
  for (const other of connection.terminalConnections) {
    if (other.ccState === 'RINGING') moveTerminalConnection(core, call, connection, other, 'BRIDGED', 'NORMAL');
  }
}

export function hold(core: CallCore, callId: string, terminal: string): void {
  const call = core.requireCall(callId);
  const { connection, terminalConnection } = requireTerminalParty(call, terminal);
  requireTerminalConnectionIn(terminalConnection.ccState, 'TALKING', terminal, 'hold');
  moveTerminalConnection(core, call, connection, terminalConnection, 'HELD', 'NORMAL');
}

export function unhold(core: CallCore, callId: string, terminal: string): void {
  const call = core.requireCall(callId);
  const { connection, terminalConnection } = requireTerminalParty(call, terminal);
  requireTerminalConnectionIn(terminalConnection.ccState, 'HELD', terminal, 'unhold');
  moveTerminalConnection(core, call, connection, terminalConnection, 'TALKING', 'NORMAL');
}

/** One party hangs up (any state); the call ends when fewer than two parties are left. */
export function disconnect(core: CallCore, callId: string, address: string): void {
  const call = core.requireCall(callId);
  const connection = requireConnection(call, address);
  dropConnection(core, call, connection, 'NORMAL');
  endIfAlone(core, call);
}

/** CallControlCall.drop(): every connection ends. */
export function drop(core: CallCore, callId: string): void {
  endCall(core, core.requireCall(callId));
}

function requireConnectionIn(
  connection: ConnectionRecord, states: readonly CallControlConnectionState[], operation: string,
): void {
  if (!states.includes(connection.ccState)) {
    throw new TelephonyError('InvalidState', `cannot ${operation} ${connection.address}: it is ${connection.ccState}`);
  }
}

function requireTerminalConnectionIn(
  state: CallControlTerminalConnectionState, wanted: CallControlTerminalConnectionState, terminal: string,
  operation: string,
): void {
  if (state !== wanted) throw new TelephonyError('InvalidState', `cannot ${operation} at ${terminal}: it is ${state}`);
}
