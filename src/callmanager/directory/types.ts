// The directory's objects as its callers see them (telephony-and-routing.md §3.1). Secrets go in, never out.
import type { DeviceKind } from '../schema.ts';

export type { DeviceKind };

/** axl.md §4 object identity: users by userid or uuid, devices by name or uuid, lines by pattern (+ partition) or uuid. */
export type UserIdentity = { userid: string } | { uuid: string };
export type DeviceIdentity = { name: string } | { uuid: string };
export type LineIdentity = { pattern: string; routePartitionName?: string | undefined } | { uuid: string };

/** `skip` counts only when `first` is given (axl.md §4). */
export interface Page {
  first?: number | undefined;
  skip?: number | undefined;
}

/** A line's key; `''` is "no partition". */
export interface LineKey {
  pattern: string;
  routePartitionName: string;
}

export interface EndUser {
  uuid: string;
  userid: string;
  firstName: string | null;
  lastName: string;
  displayName: string | null;
  mailid: string | null;
  department: string | null;
  telephoneNumber: string | null;
  primaryExtension: LineKey | null;
  associatedDevices: string[];
  enableCti: boolean;
  presenceGroupName: string;
  roles: string[];
}

/** Optional text fields: `undefined` leaves a value alone, `null` (or `''`) clears it. */
type OptionalText = string | null | undefined;

export interface EndUserInput {
  userid: string;
  lastName: string;
  firstName?: OptionalText;
  displayName?: OptionalText;
  mailid?: OptionalText;
  department?: OptionalText;
  telephoneNumber?: OptionalText;
  password?: string | null | undefined;
  /** Four digits or more (axl.md §5.8). */
  pin?: string | null | undefined;
  primaryExtension?: { pattern: string; routePartitionName?: string | undefined } | null | undefined;
  associatedDevices?: readonly string[] | undefined;
  enableCti?: boolean | undefined;
  presenceGroupName?: string | undefined;
  roles?: readonly string[] | undefined;
}

/** A list given here replaces the whole stored list (axl.md §5.2). */
export type EndUserUpdate = Partial<Omit<EndUserInput, 'userid'>> & { newUserid?: string | undefined };

export interface EndUserCriteria {
  userid?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  department?: string | undefined;
}

export interface AppUser {
  uuid: string;
  userid: string;
  presenceGroupName: string;
  associatedDevices: string[];
  roles: string[];
}

export interface AppUserInput {
  userid: string;
  password?: string | null | undefined;
  presenceGroupName?: string | undefined;
  associatedDevices?: readonly string[] | undefined;
  roles?: readonly string[] | undefined;
}

export type AppUserUpdate = Partial<Omit<AppUserInput, 'userid'>> & { newUserid?: string | undefined };

export interface AppUserCriteria {
  userid?: string | undefined;
}

export interface Line {
  uuid: string;
  pattern: string;
  routePartitionName: string;
  usage: string;
  description: string | null;
  alertingName: string | null;
}

export interface LineInput {
  pattern: string;
  routePartitionName?: string | undefined;
  usage?: string | undefined;
  description?: OptionalText;
  alertingName?: OptionalText;
}

export interface LineUpdate {
  newPattern?: string | undefined;
  newRoutePartitionName?: string | undefined;
  usage?: string | undefined;
  description?: OptionalText;
  alertingName?: OptionalText;
}

export interface LineCriteria {
  pattern?: string | undefined;
  description?: string | undefined;
  usage?: string | undefined;
  routePartitionName?: string | undefined;
}

export interface DeviceLine {
  index: number;
  lineUuid: string;
  pattern: string;
  routePartitionName: string;
  label: string | null;
  display: string | null;
  maxNumCalls: number;
  busyTrigger: number;
}

/** A line on a device; without `index` it takes the next free one. Limits default by device kind. */
export interface DeviceLineInput {
  index?: number | undefined;
  pattern: string;
  routePartitionName?: string | undefined;
  label?: OptionalText;
  display?: OptionalText;
  maxNumCalls?: number | undefined;
  busyTrigger?: number | undefined;
}

/** Names a line already on a device, for `removeLines`: by index, or by pattern (+ partition). */
export type DeviceLineRef = { index: number } | { pattern: string; routePartitionName?: string | undefined };

export interface Device {
  uuid: string;
  name: string;
  kind: DeviceKind;
  product: string;
  class: string;
  protocol: string;
  protocolSide: string;
  devicePoolName: string;
  devicePoolUuid: string;
  locationName: string;
  description: string | null;
  ownerUserName: string | null;
  callingSearchSpaceName: string | null;
  lines: DeviceLine[];
}

export type Phone = Device & { kind: 'PHONE' | 'CTI_PORT' };
export type CtiRoutePoint = Device & { kind: 'CTI_ROUTE_POINT' };

export interface DeviceInput {
  name: string;
  product?: string | undefined;
  class?: string | undefined;
  protocol?: string | undefined;
  protocolSide?: string | undefined;
  devicePoolName: string;
  locationName?: string | undefined;
  description?: OptionalText;
  ownerUserName?: OptionalText;
  callingSearchSpaceName?: OptionalText;
  lines?: readonly DeviceLineInput[] | undefined;
}

/** A phone's product, class and protocol are required (axl.md §5.3); a route point's have defaults (§5.5). */
export type PhoneInput = DeviceInput & { product: string; class: string; protocol: string };
export type CtiRoutePointInput = DeviceInput;

export interface DeviceUpdate {
  newName?: string | undefined;
  description?: OptionalText;
  protocol?: string | undefined;
  protocolSide?: string | undefined;
  devicePoolName?: string | undefined;
  locationName?: string | undefined;
  ownerUserName?: OptionalText;
  callingSearchSpaceName?: OptionalText;
  /** Replaces every line. */
  lines?: readonly DeviceLineInput[] | undefined;
  addLines?: readonly DeviceLineInput[] | undefined;
  removeLines?: readonly DeviceLineRef[] | undefined;
}

export interface DeviceCriteria {
  name?: string | undefined;
  description?: string | undefined;
  protocol?: string | undefined;
  callingSearchSpaceName?: string | undefined;
  devicePoolName?: string | undefined;
}

export type Secret = { password: string } | { pin: string };

export interface Principal {
  kind: 'endUser' | 'appUser';
  uuid: string;
  userid: string;
  roles: string[];
  associatedDevices: string[];
}

export interface DialPlanLine {
  pattern: string;
  routePartitionName: string;
  maxNumCalls: number;
  busyTrigger: number;
}

export interface DialPlanDevice {
  name: string;
  kind: DeviceKind;
  /** Phones count as registered from the start; CTI ports and route points register through the provider. */
  registeredByDefault: boolean;
  lines: DialPlanLine[];
}

export interface DirectoryChange {
  entity: 'endUser' | 'appUser' | 'device' | 'line';
  action: 'added' | 'updated' | 'removed';
  uuid: string;
}
