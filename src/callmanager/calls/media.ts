// What travels on an established call besides state: DTMF digits and call data.
import { announceCallData, announceDtmf } from './announce.ts';
import { requireConnection, type CallCore } from './call-core.ts';
import { callVariablesFrom } from './call-variables.ts';
import { TelephonyError } from './errors.ts';
import type { DtmfDigit } from './events.ts';
import type { CallRecord, ConnectionRecord } from './records.ts';

const DIGITS: ReadonlySet<string> = new Set<DtmfDigit>(
  ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D'],
);
const isDigit = (c: string): c is DtmfDigit => DIGITS.has(c);

/** One MediaTermConnDtmfEv per digit, in order, naming the terminal that hears them (e.g. the CTI port); a
 *  media path needs the sender and a far end ESTABLISHED. */
export function sendDtmf(core: CallCore, callId: string, address: string, digits: string): void {
  const call = core.requireCall(callId);
  const connection = requireConnection(call, address);
  if (typeof digits !== 'string' || digits.length === 0 || ![...digits].every(isDigit)) {
    throw new TelephonyError('InvalidArgument', `digits must be 0-9, *, #, A-D: ${String(digits)}`);
  }
  const farEnd = call.connections.some((c) => c !== connection && c.ccState === 'ESTABLISHED');
  if (connection.ccState !== 'ESTABLISHED' || !farEnd) {
    throw new TelephonyError('InvalidState', `digits need ${address} and a far end ESTABLISHED in call ${callId}`);
  }
  const hearer = listeningTerminal(call, connection);
  for (const digit of digits) if (isDigit(digit)) announceDtmf(core.bus, call, address, hearer, digit);
}

/** Merges `variables` into the call's variables and announces the result. */
export function setCallData(core: CallCore, callId: string, variables: Readonly<Record<string, string>>): void {
  const call = core.requireCall(callId);
  const changes = callVariablesFrom(variables);
  call.callVariables = Object.freeze({ ...call.callVariables, ...changes });
  announceCallData(core.bus, call);
}

function listeningTerminal(call: CallRecord, sender: ConnectionRecord): string | undefined {
  for (const connection of call.connections) {
    if (connection === sender) continue;
    for (const tc of connection.terminalConnections) if (tc.ccState === 'TALKING') return tc.terminal;
  }
  return undefined;
}
