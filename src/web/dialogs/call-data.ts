// Call data of CTI events (cti.md §6.4) as Dialog mediaProperties (rest-api.md §4.1), and back for
// SET_CALL_DATA_REQ. ECC variables carry their script name on CTI and `user.<name>` in Finesse.
import type { NamedArrayElement, NamedVariable } from '../../engine/cti/codec/index.ts';
import { CallType } from '../../engine/cti/codec/index.ts';
import type { CallRecord } from './call-record.ts';

/** The call-data fields an event may carry; every one optional. */
export interface CtiCallData {
  readonly ani?: string;
  readonly dnis?: string;
  readonly dialedNumber?: string;
  readonly callVariable1?: string; readonly callVariable2?: string; readonly callVariable3?: string;
  readonly callVariable4?: string; readonly callVariable5?: string; readonly callVariable6?: string;
  readonly callVariable7?: string; readonly callVariable8?: string; readonly callVariable9?: string;
  readonly callVariable10?: string;
  readonly callWrapupData?: string;
  readonly namedVariables?: readonly NamedVariable[];
  readonly namedArrays?: readonly NamedArrayElement[];
}

export const CALL_VARIABLE_NAMES = [
  'callVariable1', 'callVariable2', 'callVariable3', 'callVariable4', 'callVariable5',
  'callVariable6', 'callVariable7', 'callVariable8', 'callVariable9', 'callVariable10',
] as const;
export type CallVariableName = (typeof CALL_VARIABLE_NAMES)[number];

/** An ECC name as Finesse shows it; the engine may send it with the prefix already (as UCCE names are). */
export const eccName = (ctiName: string): string => (ctiName.startsWith('user.') ? ctiName : `user.${ctiName}`);

/** Merges what the event carries; absent items stay as they were (§6.4: CALL_DATA_UPDATE carries only changes). */
export function applyCallData(call: CallRecord, data: CtiCallData): void {
  if (data.dnis !== undefined) call.dnis = data.dnis;
  if (data.dialedNumber !== undefined) call.dialedNumber = data.dialedNumber;
  for (const name of CALL_VARIABLE_NAMES) {
    const value = data[name];
    if (value !== undefined) call.callVariables.set(name, value);
  }
  for (const v of data.namedVariables ?? []) call.callVariables.set(eccName(v.name), v.value);
  for (const a of data.namedArrays ?? []) call.callVariables.set(`${eccName(a.name)}[${a.index}]`, a.value);
  if (data.callWrapupData !== undefined) call.wrapUpReason = data.callWrapupData;
}

/** Finesse call variables and wrap-up reason as SET_CALL_DATA_REQ call data (cti.md §7.1). */
export function ctiCallDataOf(variables: ReadonlyMap<string, string>, wrapUpReason: string | undefined): CtiCallData {
  const out: Record<string, string> = {};
  const named: NamedVariable[] = [];
  const arrays: NamedArrayElement[] = [];
  for (const [name, value] of variables) {
    if ((CALL_VARIABLE_NAMES as readonly string[]).includes(name)) { out[name] = value; continue; }
    const array = /^(user\..+)\[(\d{1,3})\]$/.exec(name);
    // Sent as Finesse names them (`user.<name>`), which the engine keeps and echoes back (cti.md §6.4).
    if (array) arrays.push({ name: array[1]!, index: Number(array[2]), value });
    else named.push({ name, value });
  }
  return {
    ...out, ...(wrapUpReason === undefined ? {} : { callWrapupData: wrapUpReason }),
    ...(named.length ? { namedVariables: named } : {}), ...(arrays.length ? { namedArrays: arrays } : {}),
  };
}

/** rest-api.md §4.2: UCCX CallTypes as Finesse callType; unnamed ones keep their CTI name (inference). */
export function finesseCallType(callType: number): string {
  switch (callType) {
    case CallType.CCX_IN: return 'ACD_IN';
    case CallType.TRANSFER_IN: case CallType.OFFERED: return 'TRANSFER';
    case CallType.OTHER_IN: return 'OTHER_IN';
    case CallType.OUT: return 'OUT';
    case CallType.AGENT_INSIDE: return 'AGENT_INSIDE';
    case CallType.CONSULT: return 'CONSULT';
    case CallType.CONFERENCE: return 'CONFERENCE';
    case CallType.PREVIEW: case CallType.RESERVATION: return 'OUTBOUND_PREVIEW';
    case CallType.ASSIST: return 'ASSIST_CALL';
    case CallType.EMERGENCY: return 'EMERGENCY';
    case CallType.SUPERVISOR_MONITOR: return 'SUPERVISOR_MONITOR';
    case CallType.SUPERVISOR_BARGE_IN: return 'SUPERVISOR_BARGE_IN';
    case CallType.SUPERVISOR_INTERCEPT: return 'SUPERVISOR_INTERCEPT';
    case CallType.AGENT_OUTBOUND: return 'OUTBOUND';
    default: return '';
  }
}

/** Calls an agent places (the BEGIN_CALL device is the originator); others begin at their caller. */
export const isOriginatedByDevice = (callType: number): boolean =>
  callType === CallType.AGENT_INSIDE || callType === CallType.OUT || callType === CallType.CONSULT
  || callType === CallType.AGENT_OUTBOUND || callType === CallType.SUPERVISOR_MONITOR
  || callType === CallType.SUPERVISOR_BARGE_IN || callType === CallType.SUPERVISOR_INTERCEPT;

/** Routed through the IVR, which answered the caller before any agent rang (cti-to-finesse.md §1.2). */
export const callerAnsweredByIvr = (callType: number): boolean =>
  callType === CallType.CCX_IN || callType === CallType.TRANSFER_IN || callType === CallType.CONFERENCE;

/** ICD calls carry call variables; on a direct call they are protected (rest-api.md §4.5). */
export const isDirectCall = (callType: number): boolean =>
  callType === CallType.AGENT_INSIDE || callType === CallType.OTHER_IN || callType === CallType.OUT
  || callType === CallType.CONSULT;
