// Field groups shared by many messages (cti.md §6.2 abbreviations, §6.4 call data).
import { fx, type FixedSpec, type FloatSpec } from '../layout.ts';
import { Tag } from '../tags.ts';

/** P: MonitorID, PeripheralID, PeripheralType (§6.2). */
export const P = [fx('monitorId', 'U4'), fx('peripheralId', 'U4'), fx('peripheralType', 'U2')] as const;
/** CDT, CID. */
export const CONNECTION = [fx('connectionDeviceIdType', 'U2'), fx('connectionCallId', 'U4')] as const;
export const LINE = [fx('lineHandle', 'U2'), fx('lineType', 'U2')] as const;
/** SVC: ServiceNumber (= ApplicationID) and ServiceID (§1). */
export const SERVICE = [fx('serviceNumber', 'U4'), fx('serviceId', 'U4')] as const;
/** SG: SkillGroupNumber (= CSQID), SkillGroupID, SkillGroupPriority (§1). */
export const SKILL_GROUP = [fx('skillGroupNumber', 'U4'), fx('skillGroupId', 'U4'), fx('skillGroupPriority', 'U2')] as const;
/** LCS, EC. */
export const STATE_CAUSE = [fx('localConnectionState', 'U2'), fx('eventCause', 'U2')] as const;

export const NAMED_COUNTS = [
  { name: 'numNamedVariables', type: 'U2', countOf: 'namedVariables' },
  { name: 'numNamedArrays', type: 'U2', countOf: 'namedArrays' },
] as const satisfies readonly FixedSpec[];

export const CTI_CLIENTS_COUNT = { name: 'numCtiClients', type: 'U2', countOf: 'ctiClients' } as const;

/** A device ID floating field, all S[64] (§2.4). */
export function device<const N extends string>(tag: number, name: N) {
  return { tag, name, type: 'S', max: 64 } as const;
}
export const connectionDeviceId = { ...device(Tag.ConnectionDeviceID, 'connectionDeviceId'), required: true } as const;

function callVariable<const N extends number>(n: N) {
  return { tag: Tag.CallVariable1 + n - 1, name: `callVariable${n}`, type: 'S', max: 41 } as const;
}

/** Call data (§6.4): ANI … CallWrapupData, and the ECC NamedVariable / NamedArray lists. */
export const CALL_DATA = [
  { tag: Tag.ANI, name: 'ani', type: 'S', max: 40 },
  { tag: Tag.UserToUserInfo, name: 'userToUserInfo', type: 'X', max: 131 },
  { tag: Tag.DNIS, name: 'dnis', type: 'S', max: 32 },
  { tag: Tag.DialedNumber, name: 'dialedNumber', type: 'S', max: 40 },
  { tag: Tag.CallerEnteredDigits, name: 'callerEnteredDigits', type: 'S', max: 40 },
  callVariable(1), callVariable(2), callVariable(3), callVariable(4), callVariable(5),
  callVariable(6), callVariable(7), callVariable(8), callVariable(9), callVariable(10),
  { tag: Tag.CallWrapupData, name: 'callWrapupData', type: 'S', max: 40 },
  { tag: Tag.NamedVariable, name: 'namedVariables', type: 'NV', max: 251, list: true },
  { tag: Tag.NamedArray, name: 'namedArrays', type: 'NA', max: 252, list: true },
] as const satisfies readonly FloatSpec[];

/** NumCTIClients × (CTIClientSignature [23], CTIClientTimestamp [24]) (§6.4). */
export const CTI_CLIENTS_GROUP = {
  name: 'ctiClients',
  fields: [
    { tag: Tag.CTIClientSignature, name: 'ctiClientSignature', type: 'S', max: 64, required: true },
    { tag: Tag.CTIClientTimestamp, name: 'ctiClientTimestamp', type: 'T4' },
  ],
} as const;

/** NumParties × (ConnectedPartyCallID [39], ConnectedPartyDeviceType [40], ConnectedPartyDeviceID [41]) (§6.3). */
export const PARTIES_GROUP = {
  name: 'parties',
  fields: [
    { tag: Tag.ConnectedPartyCallID, name: 'connectedPartyCallId', type: 'U4', required: true },
    { tag: Tag.ConnectedPartyDeviceType, name: 'connectedPartyDeviceType', type: 'U2' },
    device(Tag.ConnectedPartyDeviceID, 'connectedPartyDeviceId'),
  ],
} as const;

/** PoiseCauseInvokeID [162] and PoiseCauseClientID [163]: the request that caused an event (§8.3). */
export const CAUSE = [
  { tag: Tag.PoiseCauseInvokeID, name: 'poiseCauseInvokeId', type: 'U4' },
  { tag: Tag.PoiseCauseClientID, name: 'poiseCauseClientId', type: 'S', max: 64 },
] as const satisfies readonly FloatSpec[];

/** M8: CallPlacementType … AnsweringMachine (U2 each), Priority, PostRoute (B2 each) (§7.1). */
export const M8_HEAD = [fx('callPlacementType', 'U2'), fx('callMannerType', 'U2')] as const;
export const M8_TAIL = [
  fx('alertRings', 'U2'), fx('callOption', 'U2'), fx('facilityType', 'U2'), fx('answeringMachine', 'U2'),
  fx('priority', 'B2'), fx('postRoute', 'B2'),
] as const;
