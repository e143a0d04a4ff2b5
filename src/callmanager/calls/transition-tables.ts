// The transitions Poise allows, spec telephony-and-routing.md §1.2 (core, our reading) refined to the
// CallControl states of §1.3. Every state change in the model goes through these tables, so a bug that would
// take a party somewhere JTAPI cannot go fails loudly instead of emitting an impossible event.
import type { CallControlConnectionState as Cc, CallControlTerminalConnectionState as Tc } from './states.ts';

const ENDS = ['FAILED', 'DISCONNECTED'] as const;

const CONNECTION: Record<Cc, readonly Cc[]> = {
  // IDLE → INPROGRESS, ALERTING, CONNECTED, FAILED, DISCONNECTED
  IDLE: ['OFFERED', 'QUEUED', 'ALERTING', 'INITIATED', 'DIALING', 'NETWORK_REACHED', 'NETWORK_ALERTING',
    'ESTABLISHED', ...ENDS],
  // INPROGRESS → ALERTING, CONNECTED, FAILED, DISCONNECTED
  OFFERED: ['QUEUED', 'ALERTING', 'ESTABLISHED', ...ENDS],
  QUEUED: ['OFFERED', 'ALERTING', 'ESTABLISHED', ...ENDS],
  // ALERTING → CONNECTED, FAILED, DISCONNECTED
  ALERTING: ['ESTABLISHED', ...ENDS],
  // CONNECTED refinements move forward towards ESTABLISHED; CONNECTED may also FAIL
  INITIATED: ['DIALING', 'NETWORK_REACHED', 'ESTABLISHED', ...ENDS],
  DIALING: ['NETWORK_REACHED', 'ESTABLISHED', ...ENDS],
  NETWORK_REACHED: ['NETWORK_ALERTING', 'ESTABLISHED', ...ENDS],
  NETWORK_ALERTING: ['ESTABLISHED', ...ENDS],
  ESTABLISHED: [...ENDS],
  FAILED: ['DISCONNECTED'],
  DISCONNECTED: [], // final [J2]
  UNKNOWN: [...ENDS],
};

const TERMINAL_CONNECTION: Record<Tc, readonly Tc[]> = {
  // IDLE / RINGING → RINGING (from IDLE), ACTIVE, PASSIVE, DROPPED
  IDLE: ['RINGING', 'TALKING', 'HELD', 'BRIDGED', 'INUSE', 'DROPPED'],
  RINGING: ['TALKING', 'BRIDGED', 'INUSE', 'DROPPED'],
  // ACTIVE ↔ PASSIVE, each to DROPPED; hold/unhold stay inside ACTIVE
  TALKING: ['HELD', 'BRIDGED', 'INUSE', 'DROPPED'],
  HELD: ['TALKING', 'BRIDGED', 'INUSE', 'DROPPED'],
  BRIDGED: ['TALKING', 'HELD', 'DROPPED'],
  INUSE: ['TALKING', 'HELD', 'DROPPED'],
  DROPPED: [], // "left for good" [J2]
  UNKNOWN: ['DROPPED'],
};

export function connectionMayMove(from: Cc, to: Cc): boolean {
  return CONNECTION[from].includes(to);
}

export function terminalConnectionMayMove(from: Tc, to: Tc): boolean {
  return TERMINAL_CONNECTION[from].includes(to);
}
