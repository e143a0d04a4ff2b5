// CallControlCall.transfer (spec §1.3), both forms. The event order follows the Cisco JTAPI guide's consult
// transfer (B transfers A–B to B–C; Call1.transfer(Call2)) [J3]:
//   CiscoTransferStartEv; B leaves Call1; C appears in Call1; B leaves Call2; C leaves Call2;
//   CallInvalidEv Call2; CiscoTransferEndEv.
// The single-step (blind) form brackets "B leaves, D is offered" the same way, with otherCallId null.
import { announceFeature } from './announce.ts';
import { connectionAt, requireTerminalParty, requireText, type CallCore, type TerminalParty } from './call-core.ts';
import { TelephonyError } from './errors.ts';
import { arrive, depart, hasOtherParty, movingParties, requireCallPair, requireController } from './merge.ts';
import { applyOffer, planOffer, refuseIfFailing } from './offer.ts';
import { dropConnection, endCall } from './party.ts';
import type { CallRecord } from './records.ts';

/** `controller` names the transferring terminal; without it the model picks one (setTransferController). */
export type TransferTarget =
  | { readonly otherCallId: string; readonly controller?: string }
  | { readonly dest: string; readonly controller?: string };

export function transfer(core: CallCore, callId: string, target: TransferTarget): void {
  if ('otherCallId' in target) consultTransfer(core, callId, target.otherCallId, target.controller);
  else singleStepTransfer(core, callId, target.dest, target.controller);
}

/** The controller TALKING on one call, TALKING or HELD on the other; `otherCallId`'s parties join `callId`. */
function consultTransfer(core: CallCore, callId: string, otherCallId: string, terminal: string | undefined): void {
  const [call, other] = requireCallPair(core, callId, otherCallId);
  const controller = requireController(call, other, terminal);
  const here = controller.here.terminalConnection.ccState;
  const there = controller.there.terminalConnection.ccState;
  const allowed = (here === 'TALKING' && (there === 'TALKING' || there === 'HELD'))
    || (here === 'HELD' && there === 'TALKING');
  if (!allowed) {
    throw new TelephonyError('InvalidState',
      `transfer needs ${controller.terminal} TALKING on one call and TALKING or HELD on the other (${here}, ${there})`);
  }
  if (!hasOtherParty(call, controller.here.connection)) {
    throw new TelephonyError('InvalidState', `call ${callId} has no party to transfer`);
  }
  const moving = movingParties(call, other, controller);

  const address = controller.here.connection.address;
  const [first] = moving;
  if (moving.length === 1 && first) call.called = first.address;
  call.lastRedirected = address;
  announceFeature(core.bus, call, 'CiscoTransferStartEv', address, controller.terminal, other.id);
  dropConnection(core, call, controller.here.connection, 'NORMAL');
  for (const connection of moving) arrive(core, call, connection, 'NORMAL');
  dropConnection(core, other, controller.there.connection, 'NORMAL');
  for (const connection of moving) depart(core, other, connection, 'NORMAL');
  endCall(core, other);
  announceFeature(core.bus, call, 'CiscoTransferEndEv', address, controller.terminal, other.id);
}

/** The controller leaves and `dest` is offered the call in its place; a failing `dest` refuses. */
function singleStepTransfer(core: CallCore, callId: string, dest: string, terminal: string | undefined): void {
  const call = core.requireCall(callId);
  const controller = terminal === undefined
    ? talkingParty(call)
    : requireTerminalParty(call, requireText(terminal, 'controller'));
  if (controller.terminalConnection.ccState !== 'TALKING') {
    throw new TelephonyError('InvalidState', `transfer needs ${controller.terminalConnection.terminal} TALKING`);
  }
  if (!hasOtherParty(call, controller.connection)) {
    throw new TelephonyError('InvalidState', `call ${callId} has no party to transfer`);
  }
  requireText(dest, 'dest');
  if (connectionAt(call, dest)) throw new TelephonyError('InvalidParty', `${dest} is already a party of call ${callId}`);
  const plan = planOffer(core, dest);
  refuseIfFailing(plan, dest);

  const address = controller.connection.address;
  const controllerTerminal = controller.terminalConnection.terminal;
  call.called = dest;
  call.lastRedirected = address;
  announceFeature(core.bus, call, 'CiscoTransferStartEv', address, controllerTerminal, null);
  dropConnection(core, call, controller.connection, 'NORMAL');
  applyOffer(core, call, dest, plan, 'NORMAL');
  announceFeature(core.bus, call, 'CiscoTransferEndEv', address, controllerTerminal, null);
}

function talkingParty(call: CallRecord): TerminalParty {
  for (const connection of call.connections) {
    for (const terminalConnection of connection.terminalConnections) {
      if (terminalConnection.ccState === 'TALKING') return { connection, terminalConnection };
    }
  }
  throw new TelephonyError('InvalidState', `call ${call.id} has no TALKING terminal to transfer from`);
}
