// What the call model asks of the directory: who is at a directory number, and what a device carries. An
// address with no device is outside the cluster, a PSTN number reached through the network.
import type { DeviceKind } from '../schema.ts';

export type { DeviceKind };

/** One device's appearance of a directory number, with that line's limits (spec §3.1 Device `lines[]`). */
export interface LineAppearance {
  readonly deviceName: string;
  readonly kind: DeviceKind;
  readonly maxNumCalls: number;
  readonly busyTrigger: number;
  readonly registered: boolean;
}

export interface DeviceLine {
  readonly pattern: string;
  readonly maxNumCalls: number;
  readonly busyTrigger: number;
}

export interface DialPlanDevice {
  readonly name: string;
  readonly kind: DeviceKind;
  readonly registered: boolean;
  readonly lines: readonly DeviceLine[];
}

export interface DialPlan {
  /** The devices carrying `pattern`; empty for an address outside the cluster. */
  resolve(pattern: string): readonly LineAppearance[];
  device(name: string): DialPlanDevice | undefined;
}

/** A dial plan whose devices can register and unregister (spec §3.4 "Device"). */
export interface DeviceRegistry extends DialPlan {
  /** False when there is no such device. */
  setRegistered(name: string, registered: boolean): boolean;
}

// Calls / busy trigger per line: phones 4 / 2 (†), route points 5000 / 4500 [U9], CTI ports 1 / 1 (spec §3.1).
export const LINE_DEFAULTS = {
  PHONE: { maxNumCalls: 4, busyTrigger: 2 },
  CTI_ROUTE_POINT: { maxNumCalls: 5000, busyTrigger: 4500 },
  CTI_PORT: { maxNumCalls: 1, busyTrigger: 1 },
} as const satisfies Record<DeviceKind, { maxNumCalls: number; busyTrigger: number }>;

export const MAX_CALLS_PER_LINE = 10_000; // a route point line holds up to 10,000 calls [U9]
