// Operations that create a call: a customer calling in from the network, a phone placing a call, and a
// consultation call from a terminal already in a call (JTAPI Call.connect and CallControlCall.consult).
import { requireTerminalParty, requireText, type CallCore } from './call-core.ts';
import { callVariablesFrom } from './call-variables.ts';
import { TelephonyError } from './errors.ts';
import { applyOffer, joinFromNetwork, newCall, placeOriginator, planOffer } from './offer.ts';
import { moveTerminalConnection } from './party.ts';
import type { CallRecord } from './records.ts';

export interface InboundCallRequest {
  readonly from: string;   // a network (PSTN) address: not in the dial plan
  readonly to: string;     // a directory number in the dial plan
  readonly callVariables?: Readonly<Record<string, string>>;
}

export interface OriginateRequest {
  readonly fromTerminal: string;
  readonly fromAddress?: string;  // default: the terminal's first line
  readonly to: string;
}

export function placeInbound(core: CallCore, request: InboundCallRequest): CallRecord {
  const from = requireText(request.from, 'from');
  const to = requireText(request.to, 'to');
  if (core.dialPlan.resolve(from).length > 0) {
    throw new TelephonyError('InvalidParty', `${from} is in the dial plan; a device calls with originate`);
  }
  if (core.dialPlan.resolve(to).length === 0) {
    throw new TelephonyError('InvalidParty', `${to} is not in the dial plan; the network does not call itself here`);
  }
  const callVariables = request.callVariables === undefined ? undefined : callVariablesFrom(request.callVariables);
  const plan = planOffer(core, to);
  const call = newCall(core, from, to, callVariables);
  joinFromNetwork(core, call, from, 'NEW_CALL');
  applyOffer(core, call, to, plan, 'NEW_CALL');
  return call;
}

export function originate(core: CallCore, request: OriginateRequest): CallRecord {
  const terminal = requireText(request.fromTerminal, 'fromTerminal');
  const to = requireText(request.to, 'to');
  const address = originatingLine(core, terminal, request.fromAddress);
  if (to === address) throw new TelephonyError('InvalidParty', `${terminal} cannot call its own line ${address}`);
  const plan = planOffer(core, to);
  const call = newCall(core, address, to);
  placeOriginator(core, call, terminal, address, 'NEW_CALL');
  applyOffer(core, call, to, plan, 'NEW_CALL');
  return call;
}

/** The controller's terminal connection goes HELD, then a new call leaves the same terminal and line. */
export function consult(core: CallCore, callId: string, terminal: string, dest: string): CallRecord {
  const call = core.requireCall(callId);
  const { connection, terminalConnection } = requireTerminalParty(call, terminal);
  if (terminalConnection.ccState !== 'TALKING') {
    throw new TelephonyError('InvalidState', `${terminal} is ${terminalConnection.ccState}, not TALKING, in call ${callId}`);
  }
  requireText(dest, 'dest');
  const address = originatingLine(core, terminal, connection.address);
  if (dest === address) throw new TelephonyError('InvalidParty', `${terminal} cannot consult its own line ${address}`);
  const plan = planOffer(core, dest);
  moveTerminalConnection(core, call, connection, terminalConnection, 'HELD', 'NORMAL');
  const consultation = newCall(core, address, dest);
  placeOriginator(core, consultation, terminal, address, 'NEW_CALL');
  applyOffer(core, consultation, dest, plan, 'NEW_CALL');
  return consultation;
}

function originatingLine(core: CallCore, terminal: string, address: string | undefined): string {
  const device = core.dialPlan.device(terminal);
  if (!device) throw new TelephonyError('InvalidArgument', `no terminal ${terminal}`);
  if (device.kind === 'CTI_ROUTE_POINT') {
    throw new TelephonyError('MethodNotSupported', `${terminal} is a route point; route points do not place calls`);
  }
  if (!device.registered) throw new TelephonyError('ResourceUnavailable', `${terminal} is not registered`);
  const line = address === undefined ? device.lines[0] : device.lines.find((l) => l.pattern === address);
  if (!line) throw new TelephonyError('InvalidArgument', `${terminal} has no line ${address ?? ''}`.trimEnd());
  if (core.usage.count(terminal, line.pattern) >= line.maxNumCalls) {
    throw new TelephonyError('ResourceUnavailable', `line ${line.pattern} on ${terminal} has ${line.maxNumCalls} calls`);
  }
  return line.pattern;
}
