// Bringing a party into a call. Where a call to a number goes is decided first (planOffer, which changes
// nothing), so an operation can refuse before it mutates; applyOffer then plays it out.
//   not in the dial plan → the network: NETWORK_REACHED, then ESTABLISHED at once (the lab's PSTN answers)
//   a route point or CTI port among the devices → OFFERED, until the application accepts, redirects or rejects
//   phones only → OFFERED then ALERTING at once, every device on the line RINGING (§1.5 B side)
//   nobody registered → FAILED, DEST_NOT_OBTAINABLE; all at their busy trigger → FAILED, RESOURCES_NOT_AVAILABLE
// A route point takes offers whether or not an application registered it: the call waits there (§3.1).
import { assertNever } from '../../shared/assert-never.ts';
import { announceCall } from './announce.ts';
import type { CallCore } from './call-core.ts';
import { TelephonyError } from './errors.ts';
import type { EventCause } from './events.ts';
import { addConnection, addTerminalConnection, moveConnection, moveTerminalConnection } from './party.ts';
import { NO_VARIABLES, type CallRecord, type ConnectionRecord } from './records.ts';

export type OfferPlan =
  | { readonly kind: 'NETWORK' }
  | { readonly kind: 'OFFER' | 'RING'; readonly devices: readonly string[] }
  | { readonly kind: 'FAIL'; readonly cause: 'DEST_NOT_OBTAINABLE' | 'RESOURCES_NOT_AVAILABLE' };

export function planOffer(core: CallCore, dest: string): OfferPlan {
  const appearances = core.dialPlan.resolve(dest);
  if (appearances.length === 0) return { kind: 'NETWORK' };
  const devices: string[] = [];
  let reachable = false;
  let offered = false;
  for (const a of appearances) {
    if (!a.registered && a.kind !== 'CTI_ROUTE_POINT') continue;
    reachable = true;
    if (core.usage.count(a.deviceName, dest) >= a.busyTrigger) continue;
    devices.push(a.deviceName);
    if (a.kind !== 'PHONE') offered = true;
  }
  if (devices.length === 0) return { kind: 'FAIL', cause: reachable ? 'RESOURCES_NOT_AVAILABLE' : 'DEST_NOT_OBTAINABLE' };
  return { kind: offered ? 'OFFER' : 'RING', devices };
}

/** For moves that must land (redirect, single-step transfer): a destination that would fail refuses instead,
 *  and the call stays where it was (Cisco's default redirect mode). */
export function refuseIfFailing(plan: OfferPlan, dest: string): void {
  if (plan.kind !== 'FAIL') return;
  if (plan.cause === 'RESOURCES_NOT_AVAILABLE') throw new TelephonyError('ResourceUnavailable', `${dest} is busy`);
  throw new TelephonyError('InvalidParty', `${dest} is not registered`);
}

export function newCall(
  core: CallCore, calling: string, called: string, callVariables: Readonly<Record<string, string>> = NO_VARIABLES,
): CallRecord {
  const call: CallRecord = {
    id: core.newCallId(), state: 'ACTIVE', calling, called, lastRedirected: null, callVariables,
    connections: [], createdAt: core.bus.now(),
  };
  core.calls.set(call.id, call);
  announceCall(core.bus, call, 'CallActiveEv', 'NEW_CALL');
  return call;
}

export function applyOffer(
  core: CallCore, call: CallRecord, dest: string, plan: OfferPlan, cause: EventCause,
): ConnectionRecord {
  switch (plan.kind) {
    case 'NETWORK': {
      const connection = addConnection(core, call, dest, [], cause);
      moveConnection(core, call, connection, 'NETWORK_REACHED', cause);
      moveConnection(core, call, connection, 'ESTABLISHED', cause);
      return connection;
    }
    case 'OFFER':
    case 'RING': {
      const connection = addConnection(core, call, dest, plan.devices, cause);
      moveConnection(core, call, connection, 'OFFERED', cause);
      if (plan.kind === 'RING') alert(core, call, connection, cause);
      return connection;
    }
    case 'FAIL': {
      const connection = addConnection(core, call, dest, [], plan.cause);
      moveConnection(core, call, connection, 'FAILED', plan.cause);
      return connection;
    }
    default:
      return assertNever(plan, 'offer plan');
  }
}

/** OFFERED → ALERTING, then a RINGING terminal connection on each device of the line. */
export function alert(core: CallCore, call: CallRecord, connection: ConnectionRecord, cause: EventCause): void {
  moveConnection(core, call, connection, 'ALERTING', cause);
  for (const device of connection.devices) {
    const terminalConnection = addTerminalConnection(core, call, connection, device, cause);
    moveTerminalConnection(core, call, connection, terminalConnection, 'RINGING', cause);
  }
}

/** A caller already connected in the network (an inbound PSTN call): no terminal in our domain. */
export function joinFromNetwork(core: CallCore, call: CallRecord, address: string, cause: EventCause): ConnectionRecord {
  const connection = addConnection(core, call, address, [], cause);
  moveConnection(core, call, connection, 'ESTABLISHED', cause);
  return connection;
}

/** The §1.5 A side: INITIATED with the terminal TALKING, DIALING, ESTABLISHED. The other devices sharing the
 *  line see the call BRIDGED. */
export function placeOriginator(
  core: CallCore, call: CallRecord, terminal: string, address: string, cause: EventCause,
): ConnectionRecord {
  const devices = [terminal];
  for (const a of core.dialPlan.resolve(address)) {
    if (a.deviceName !== terminal && a.registered && a.kind !== 'CTI_ROUTE_POINT') devices.push(a.deviceName);
  }
  const connection = addConnection(core, call, address, devices, cause);
  moveConnection(core, call, connection, 'INITIATED', cause);
  for (const device of devices) {
    const terminalConnection = addTerminalConnection(core, call, connection, device, cause);
    moveTerminalConnection(core, call, connection, terminalConnection, device === terminal ? 'TALKING' : 'BRIDGED', cause);
  }
  moveConnection(core, call, connection, 'DIALING', cause);
  moveConnection(core, call, connection, 'ESTABLISHED', cause);
  return connection;
}
