// Call events (cti.md §6.2 fixed parts, §6.3 floating parts).
import { fx, layout } from '../layout.ts';
import { MessageType } from '../message-types.ts';
import { Tag } from '../tags.ts';
import {
  CALL_DATA, CAUSE, CONNECTION, CTI_CLIENTS_COUNT, CTI_CLIENTS_GROUP, LINE, NAMED_COUNTS, P, PARTIES_GROUP, SERVICE,
  SKILL_GROUP, STATE_CAUSE, connectionDeviceId, device,
} from './common.ts';

const calling = device(Tag.CallingDeviceID, 'callingDeviceId');
const called = device(Tag.CalledDeviceID, 'calledDeviceId');
const lastRedirect = device(Tag.LastRedirectDeviceID, 'lastRedirectDeviceId');

export const CALL_DELIVERED_EVENT = layout({
  code: MessageType.CALL_DELIVERED_EVENT, type: 'CALL_DELIVERED_EVENT', direction: 'event',
  fixed: [
    ...P, ...CONNECTION, ...LINE, ...SERVICE, ...SKILL_GROUP, fx('alertingDeviceType', 'U2'),
    fx('callingDeviceType', 'U2'), fx('calledDeviceType', 'U2'), fx('lastRedirectDeviceType', 'U2'), ...STATE_CAUSE,
    ...NAMED_COUNTS,
  ],
  floating: [
    connectionDeviceId, device(Tag.AlertingDeviceID, 'alertingDeviceId'), calling, called, lastRedirect,
    ...CALL_DATA, ...CAUSE,
  ],
  groups: [],
});

export const CALL_ESTABLISHED_EVENT = layout({
  code: MessageType.CALL_ESTABLISHED_EVENT, type: 'CALL_ESTABLISHED_EVENT', direction: 'event',
  fixed: [
    ...P, ...CONNECTION, ...LINE, ...SERVICE, ...SKILL_GROUP, fx('answeringDeviceType', 'U2'),
    fx('callingDeviceType', 'U2'), fx('calledDeviceType', 'U2'), fx('lastRedirectDeviceType', 'U2'), ...STATE_CAUSE,
  ],
  floating: [connectionDeviceId, device(Tag.AnsweringDeviceID, 'answeringDeviceId'), calling, called, lastRedirect, ...CAUSE],
  groups: [],
});

export const CALL_HELD_EVENT = layout({
  code: MessageType.CALL_HELD_EVENT, type: 'CALL_HELD_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, fx('holdingDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, device(Tag.HoldingDeviceID, 'holdingDeviceId'), ...CAUSE],
  groups: [],
});

export const CALL_RETRIEVED_EVENT = layout({
  code: MessageType.CALL_RETRIEVED_EVENT, type: 'CALL_RETRIEVED_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, fx('retrievingDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, device(Tag.RetrievingDeviceID, 'retrievingDeviceId'), ...CAUSE],
  groups: [],
});

export const CALL_CLEARED_EVENT = layout({
  code: MessageType.CALL_CLEARED_EVENT, type: 'CALL_CLEARED_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, ...STATE_CAUSE],
  floating: [connectionDeviceId, ...CAUSE],
  groups: [],
});

export const CALL_CONNECTION_CLEARED_EVENT = layout({
  code: MessageType.CALL_CONNECTION_CLEARED_EVENT, type: 'CALL_CONNECTION_CLEARED_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, fx('releasingDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, device(Tag.ReleasingDeviceID, 'releasingDeviceId'), ...CAUSE],
  groups: [],
});

export const CALL_ORIGINATED_EVENT = layout({
  code: MessageType.CALL_ORIGINATED_EVENT, type: 'CALL_ORIGINATED_EVENT', direction: 'event',
  fixed: [
    ...P, ...CONNECTION, ...LINE, ...SERVICE, ...SKILL_GROUP, fx('callingDeviceType', 'U2'),
    fx('calledDeviceType', 'U2'), ...STATE_CAUSE,
  ],
  floating: [connectionDeviceId, calling, called, ...CAUSE],
  groups: [],
});

export const CALL_FAILED_EVENT = layout({
  code: MessageType.CALL_FAILED_EVENT, type: 'CALL_FAILED_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, fx('failingDeviceType', 'U2'), fx('calledDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, device(Tag.FailingDeviceID, 'failingDeviceId'), called, ...CAUSE],
  groups: [],
});

const PRIMARY_SECONDARY_HEAD = [
  ...P, fx('primaryDeviceIdType', 'U2'), fx('primaryCallId', 'U4'), ...LINE, ...SKILL_GROUP,
  { name: 'numParties', type: 'U2', countOf: 'parties' }, fx('secondaryDeviceIdType', 'U2'), fx('secondaryCallId', 'U4'),
] as const;
const primary = device(Tag.PrimaryDeviceID, 'primaryDeviceId');
const secondary = device(Tag.SecondaryDeviceID, 'secondaryDeviceId');

export const CALL_CONFERENCED_EVENT = layout({
  code: MessageType.CALL_CONFERENCED_EVENT, type: 'CALL_CONFERENCED_EVENT', direction: 'event',
  fixed: [...PRIMARY_SECONDARY_HEAD, fx('controllerDeviceType', 'U2'), fx('addedPartyDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [
    primary, secondary, device(Tag.ControllerDeviceID, 'controllerDeviceId'),
    device(Tag.AddedPartyDeviceID, 'addedPartyDeviceId'), ...CAUSE,
  ],
  groups: [PARTIES_GROUP],
});

export const CALL_TRANSFERRED_EVENT = layout({
  code: MessageType.CALL_TRANSFERRED_EVENT, type: 'CALL_TRANSFERRED_EVENT', direction: 'event',
  fixed: [...PRIMARY_SECONDARY_HEAD, fx('transferringDeviceType', 'U2'), fx('transferredDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [
    primary, secondary, device(Tag.TransferringDeviceID, 'transferringDeviceId'),
    device(Tag.TransferredDeviceID, 'transferredDeviceId'), ...CAUSE,
  ],
  groups: [PARTIES_GROUP],
});

export const CALL_DIVERTED_EVENT = layout({
  code: MessageType.CALL_DIVERTED_EVENT, type: 'CALL_DIVERTED_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, ...SERVICE, fx('divertingDeviceType', 'U2'), fx('calledDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, device(Tag.DivertingDeviceID, 'divertingDeviceId'), called, ...CAUSE],
  groups: [],
});

export const CALL_SERVICE_INITIATED_EVENT = layout({
  code: MessageType.CALL_SERVICE_INITIATED_EVENT, type: 'CALL_SERVICE_INITIATED_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, ...LINE, ...SERVICE, ...SKILL_GROUP, fx('callingDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, calling, ...CAUSE],
  groups: [],
});

export const CALL_QUEUED_EVENT = layout({
  code: MessageType.CALL_QUEUED_EVENT, type: 'CALL_QUEUED_EVENT', direction: 'event',
  fixed: [
    ...P, ...CONNECTION, ...SERVICE, fx('queueDeviceType', 'U2'), fx('callingDeviceType', 'U2'),
    fx('calledDeviceType', 'U2'), fx('lastRedirectDeviceType', 'U2'), fx('numQueued', 'U2'),
    { name: 'numSkillGroups', type: 'U2', countOf: 'skillGroups' }, ...STATE_CAUSE,
  ],
  floating: [connectionDeviceId, device(Tag.QueueDeviceID, 'queueDeviceId'), calling, called, lastRedirect, ...CAUSE],
  groups: [{
    name: 'skillGroups',
    fields: [
      { tag: Tag.CSQID, name: 'csqId', type: 'U4', required: true },
      { tag: Tag.SkillGroupID, name: 'skillGroupId', type: 'U4' },
      { tag: Tag.SkillGroupPriority, name: 'skillGroupPriority', type: 'U2' },
    ],
  }],
});

export const BEGIN_CALL_EVENT = layout({
  code: MessageType.BEGIN_CALL_EVENT, type: 'BEGIN_CALL_EVENT', direction: 'event',
  fixed: [...P, CTI_CLIENTS_COUNT, ...NAMED_COUNTS, fx('callType', 'U2'), ...CONNECTION, fx('calledPartyDisposition', 'U2')],
  floating: [connectionDeviceId, ...CALL_DATA, ...CAUSE],
  groups: [CTI_CLIENTS_GROUP],
});

export const END_CALL_EVENT = layout({
  code: MessageType.END_CALL_EVENT, type: 'END_CALL_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION],
  floating: [connectionDeviceId, ...CAUSE],
  groups: [],
});

export const CALL_DATA_UPDATE_EVENT = layout({
  code: MessageType.CALL_DATA_UPDATE_EVENT, type: 'CALL_DATA_UPDATE_EVENT', direction: 'event',
  fixed: [
    ...P, CTI_CLIENTS_COUNT, ...NAMED_COUNTS, fx('callType', 'U2'), ...CONNECTION, fx('newConnectionDeviceIdType', 'U2'),
    fx('newConnectionCallId', 'U4'), fx('calledPartyDisposition', 'U2'), fx('campaignId', 'U4'), fx('queryRuleId', 'U4'),
  ],
  floating: [connectionDeviceId, device(Tag.NewConnectionDeviceID, 'newConnectionDeviceId'), ...CALL_DATA, ...CAUSE],
  groups: [CTI_CLIENTS_GROUP],
});

/** Not in UCCX's list: never sent, decoded so a client can ignore it (§6.2). */
export const CALL_REACHED_NETWORK_EVENT = layout({
  code: MessageType.CALL_REACHED_NETWORK_EVENT, type: 'CALL_REACHED_NETWORK_EVENT', direction: 'event',
  fixed: [...P, ...CONNECTION, ...LINE, fx('trunkUsedDeviceType', 'U2'), fx('calledDeviceType', 'U2'), ...STATE_CAUSE],
  floating: [connectionDeviceId, device(Tag.TrunkUsedDeviceID, 'trunkUsedDeviceId'), called],
  groups: [],
});

export const CALL_EVENT_LAYOUTS = [
  CALL_DELIVERED_EVENT, CALL_ESTABLISHED_EVENT, CALL_HELD_EVENT, CALL_RETRIEVED_EVENT, CALL_CLEARED_EVENT,
  CALL_CONNECTION_CLEARED_EVENT, CALL_ORIGINATED_EVENT, CALL_FAILED_EVENT, CALL_CONFERENCED_EVENT,
  CALL_TRANSFERRED_EVENT, CALL_DIVERTED_EVENT, CALL_SERVICE_INITIATED_EVENT, CALL_QUEUED_EVENT, BEGIN_CALL_EVENT,
  END_CALL_EVENT, CALL_DATA_UPDATE_EVENT, CALL_REACHED_NETWORK_EVENT,
] as const;
