// Transfer, conference and call data as CTI events (cti.md §6.2–§6.4): CALL_TRANSFERRED, CALL_CONFERENCED with
// the surviving call's parties, CALL_DATA_UPDATE with the CallType and the variables that changed.
import type { MergeFact, Party, TrackedCall } from '../contacts/call-facts.ts';
import { LINE_HANDLE, P, callTypeOf, deviceType, lineType, type RenderedEvent, type RoleOf } from './call-events.ts';
import {
  CallMsgMask, ConnectionDeviceIdType, EventCause, LocalConnectionState, NULL_ID, type NamedArrayElement,
  type NamedVariable,
} from './codec/index.ts';

/** All named data of one message ≤ 2000 bytes (§2.2); each field counts its two NULs and its index byte. */
const NAMED_DATA_BUDGET = 2000;
const MAX_ECC_NAME = 32;
const MAX_ECC_VALUE = 210;
const CALL_VARIABLE = /^callVariable([1-9]|10)$/;
const ARRAY_ELEMENT = /^(.+)\[(\d{1,3})\]$/;

export function renderMerge(fact: MergeFact, roleOf: RoleOf): RenderedEvent {
  const { call, secondary } = fact;
  const head = {
    ...P, primaryDeviceIdType: ConnectionDeviceIdType.STATIC, primaryCallId: call.ctiCallId,
    lineHandle: LINE_HANDLE, lineType: lineType(call),
    skillGroupNumber: call.csqId ?? NULL_ID, skillGroupId: NULL_ID, skillGroupPriority: 0,
    secondaryDeviceIdType: ConnectionDeviceIdType.STATIC, secondaryCallId: secondary.ctiCallId,
    localConnectionState: LocalConnectionState.CONNECT,
    primaryDeviceId: fact.controller, secondaryDeviceId: fact.controller,
    parties: partyList(call, fact.parties),
  } as const;
  const controllerType = deviceType(roleOf(fact.controller));
  if (fact.kind === 'TRANSFERRED') {
    return {
      mask: CallMsgMask.TRANSFERRED,
      message: {
        type: 'CALL_TRANSFERRED_EVENT', ...head, transferringDeviceType: controllerType,
        transferredDeviceType: deviceType(fact.added.role), eventCause: EventCause.TRANSFER,
        transferringDeviceId: fact.controller, transferredDeviceId: fact.added.device,
      },
    };
  }
  return {
    mask: CallMsgMask.CONFERENCED,
    message: {
      type: 'CALL_CONFERENCED_EVENT', ...head, controllerDeviceType: controllerType,
      addedPartyDeviceType: deviceType(fact.added.role), eventCause: EventCause.CEC_NONE,
      controllerDeviceId: fact.controller, addedPartyDeviceId: fact.added.device,
    },
  };
}

/** The parties of a call as ConnectedParty triplets (§6.3); at most 16 (§1). */
export function partyList(call: TrackedCall, parties: readonly Party[]) {
  return parties.slice(0, 16).map((p) => ({
    connectedPartyCallId: call.ctiCallId, connectedPartyDeviceType: deviceType(p.role), connectedPartyDeviceId: p.device,
  }));
}

/** The call keeps its CallID: the New… fields say "no new call" (NONE, NULL_CALL_ID) *(inference)*. */
export function renderDataUpdate(call: TrackedCall, changed: Readonly<Record<string, string>>): RenderedEvent {
  return {
    mask: CallMsgMask.CALL_DATA_UPDATE,
    message: {
      type: 'CALL_DATA_UPDATE_EVENT', ...P, callType: callTypeOf(call.kind),
      connectionDeviceIdType: ConnectionDeviceIdType.STATIC, connectionCallId: call.ctiCallId,
      newConnectionDeviceIdType: ConnectionDeviceIdType.NONE, newConnectionCallId: NULL_ID,
      calledPartyDisposition: 0, campaignId: 0, queryRuleId: 0, connectionDeviceId: call.calling,
      ...variablesAsCallData(changed),
    },
  };
}

type CallVariableName = `callVariable${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`;
export interface CallDataFields {
  callWrapupData?: string;
  namedVariables?: NamedVariable[];
  namedArrays?: NamedArrayElement[];
}

/** Call variables 1–10, the wrap-up data and ECC variables (§6.4), within the named-data budget. */
export function variablesAsCallData(variables: Readonly<Record<string, string>>): CallDataFields & Partial<Record<CallVariableName, string>> {
  const out: CallDataFields & Partial<Record<CallVariableName, string>> = {};
  const namedVariables: NamedVariable[] = [];
  const namedArrays: NamedArrayElement[] = [];
  let budget = NAMED_DATA_BUDGET;
  for (const [key, raw] of Object.entries(variables)) {
    if (CALL_VARIABLE.test(key)) {
      out[key as CallVariableName] = raw.slice(0, 40);
      continue;
    }
    if (key === 'callWrapupData') {
      out.callWrapupData = raw.slice(0, 39);
      continue;
    }
    const value = raw.slice(0, MAX_ECC_VALUE);
    const element = ARRAY_ELEMENT.exec(key);
    const name = (element?.[1] ?? key).slice(0, MAX_ECC_NAME);
    const cost = Buffer.byteLength(name) + Buffer.byteLength(value) + 2 + (element ? 1 : 0);
    if (cost > budget) continue;
    budget -= cost;
    if (element) namedArrays.push({ index: Number(element[2]) & 0xff, name, value });
    else namedVariables.push({ name, value });
  }
  if (namedVariables.length > 0) out.namedVariables = namedVariables;
  if (namedArrays.length > 0) out.namedArrays = namedArrays;
  return out;
}
