// What every operation works on: the calls, the dial plan, line usage and the event bus. Lookups refuse with
// the JTAPI exception a request naming a wrong call or party gets: an unknown call is a bad argument; an
// address or terminal that is not in that call is not a valid party of it.
import { TelephonyError } from './errors.ts';
import type { CallEventBus } from './event-bus.ts';
import type { DialPlan } from './dial-plan.ts';
import { LineUsage } from './line-usage.ts';
import type { CallRecord, ConnectionRecord, TerminalConnectionRecord } from './records.ts';

export class CallCore {
  readonly calls = new Map<string, CallRecord>();
  readonly usage = new LineUsage();
  constructor(readonly dialPlan: DialPlan, readonly bus: CallEventBus, readonly newCallId: () => string) {}

  requireCall(callId: string): CallRecord {
    const call = typeof callId === 'string' ? this.calls.get(callId) : undefined;
    if (!call) throw new TelephonyError('InvalidArgument', `no call ${String(callId)}`);
    return call;
  }
}

export function requireText(value: string, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TelephonyError('InvalidArgument', `${what} is empty`);
  return value;
}

export function connectionAt(call: CallRecord, address: string): ConnectionRecord | undefined {
  for (const connection of call.connections) if (connection.address === address) return connection;
  return undefined;
}

export function requireConnection(call: CallRecord, address: string): ConnectionRecord {
  const connection = connectionAt(call, address);
  if (!connection) throw new TelephonyError('InvalidParty', `${String(address)} is not a party of call ${call.id}`);
  return connection;
}

export interface TerminalParty {
  readonly connection: ConnectionRecord;
  readonly terminalConnection: TerminalConnectionRecord;
}

export function findTerminalParty(call: CallRecord, terminal: string): TerminalParty | undefined {
  for (const connection of call.connections) {
    for (const terminalConnection of connection.terminalConnections) {
      if (terminalConnection.terminal === terminal) return { connection, terminalConnection };
    }
  }
  return undefined;
}

export function requireTerminalParty(call: CallRecord, terminal: string): TerminalParty {
  const party = findTerminalParty(call, terminal);
  if (party) return party;
  // Offered to the terminal's line but not yet alerting there: a party, just not in a state to act.
  if (call.connections.some((c) => c.devices.includes(terminal))) {
    throw new TelephonyError('InvalidState', `call ${call.id} is offered, not alerting, at ${terminal}`);
  }
  throw new TelephonyError('InvalidParty', `${String(terminal)} has no terminal connection in call ${call.id}`);
}
