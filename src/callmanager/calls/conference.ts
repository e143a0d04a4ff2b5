// CallControlCall.conference (spec §1.3): one controller, HELD on one call and TALKING on the other; the other
// call's parties move into `callId`, which the Cisco guide requires be the original call [J3] (Poise accepts
// either order). Events: CiscoConferenceStartEv; the controller back to TALKING here if it was HELD; the
// parties appear here; the controller leaves the other call; the parties leave it; CallInvalidEv for it;
// CiscoConferenceEndEv.
import { announceFeature } from './announce.ts';
import type { CallCore } from './call-core.ts';
import { TelephonyError } from './errors.ts';
import { arrive, depart, movingParties, requireCallPair, requireController } from './merge.ts';
import { dropConnection, endCall, moveTerminalConnection } from './party.ts';

export function conference(core: CallCore, callId: string, otherCallId: string, terminal?: string): void {
  const [call, other] = requireCallPair(core, callId, otherCallId);
  const controller = requireController(call, other, terminal);
  const here = controller.here.terminalConnection;
  const there = controller.there.terminalConnection;
  const oneHeld = (here.ccState === 'HELD' && there.ccState === 'TALKING')
    || (here.ccState === 'TALKING' && there.ccState === 'HELD');
  if (!oneHeld) {
    const states = `${here.ccState}, ${there.ccState}`;
    throw new TelephonyError('InvalidState',
      `conference needs ${controller.terminal} HELD on one call and TALKING on the other (${states})`);
  }
  const moving = movingParties(call, other, controller);

  const address = controller.here.connection.address;
  announceFeature(core.bus, call, 'CiscoConferenceStartEv', address, controller.terminal, other.id);
  if (here.ccState === 'HELD') moveTerminalConnection(core, call, controller.here.connection, here, 'TALKING', 'NORMAL');
  for (const connection of moving) arrive(core, call, connection, 'NORMAL');
  dropConnection(core, other, controller.there.connection, 'NORMAL');
  for (const connection of moving) depart(core, other, connection, 'NORMAL');
  endCall(core, other);
  announceFeature(core.bus, call, 'CiscoConferenceEndEv', address, controller.terminal, other.id);
}
