// UCCX configuration messages (cti.md §8.1). Records are groups that start at RecordType [183].
import { fx, layout } from '../layout.ts';
import { MessageType } from '../message-types.ts';
import { Tag } from '../tags.ts';

const recordType = { tag: Tag.RecordType, name: 'recordType', type: 'U2', required: true } as const;
const name = { tag: Tag.Name, name: 'name', type: 'S', max: 64 } as const;
const description = { tag: Tag.Description, name: 'description', type: 'S', max: 128 } as const;
const text = { tag: Tag.Text, name: 'text', type: 'S', max: 255 } as const;
const reservedTag = { tag: Tag.ConfigReserved, name: 'reservedField', type: 'U4' } as const;
const KEYS = [
  { tag: Tag.ApplicationConfigKey, name: 'applicationConfigKey', type: 'X', max: 8 },
  { tag: Tag.CSQConfigKey, name: 'csqConfigKey', type: 'X', max: 8 },
  { tag: Tag.AgentConfigKey, name: 'agentConfigKey', type: 'X', max: 8 },
  { tag: Tag.DeviceConfigKey, name: 'deviceConfigKey', type: 'X', max: 8 },
] as const;
const numRecords = { name: 'numRecords', type: 'U2', countOf: 'records' } as const;

export const CONFIG_REQUEST_KEY_EVENT = layout({
  code: MessageType.CONFIG_REQUEST_KEY_EVENT, type: 'CONFIG_REQUEST_KEY_EVENT', direction: 'request',
  fixed: [fx('reserved', 'U4')], floating: [reservedTag], groups: [],
});

export const CONFIG_KEY_EVENT = layout({
  code: MessageType.CONFIG_KEY_EVENT, type: 'CONFIG_KEY_EVENT', direction: 'event',
  fixed: [fx('status', 'U4')], floating: KEYS, groups: [],
});

export const CONFIG_REQUEST_EVENT = layout({
  code: MessageType.CONFIG_REQUEST_EVENT, type: 'CONFIG_REQUEST_EVENT', direction: 'request',
  fixed: [fx('configurationMask', 'U4'), fx('reserved', 'U4')], floating: [reservedTag], groups: [],
});

export const CONFIG_BEGIN_EVENT = layout({
  code: MessageType.CONFIG_BEGIN_EVENT, type: 'CONFIG_BEGIN_EVENT', direction: 'event',
  fixed: [fx('configType', 'U2'), fx('configurationMask', 'U4')], floating: KEYS, groups: [],
});

export const CONFIG_END_EVENT = layout({
  code: MessageType.CONFIG_END_EVENT, type: 'CONFIG_END_EVENT', direction: 'event',
  fixed: [fx('status', 'U4')], floating: [text], groups: [],
});

export const CONFIG_APPLICATION_EVENT = layout({
  code: MessageType.CONFIG_APPLICATION_EVENT, type: 'CONFIG_APPLICATION_EVENT', direction: 'event',
  fixed: [numRecords], floating: [],
  groups: [{
    name: 'records',
    fields: [
      recordType, { tag: Tag.ConfigID, name: 'applicationId', type: 'U4' },
      { tag: Tag.MaxQueued, name: 'maxQueued', type: 'U4' },
      { tag: Tag.PreviousApplicationID, name: 'previousApplicationId', type: 'U4' }, name, description,
    ],
  }],
});

export const CONFIG_CSQ_EVENT = layout({
  code: MessageType.CONFIG_CSQ_EVENT, type: 'CONFIG_CSQ_EVENT', direction: 'event',
  fixed: [numRecords], floating: [],
  groups: [{
    name: 'records',
    fields: [
      recordType, { tag: Tag.ConfigID, name: 'csqId', type: 'U4' }, { tag: Tag.AutoWork, name: 'autoWork', type: 'B2' },
      name, description, { tag: Tag.MRDomainID, name: 'mrDomainId', type: 'U4' },
    ],
  }],
});

export const CONFIG_AGENT_EVENT = layout({
  code: MessageType.CONFIG_AGENT_EVENT, type: 'CONFIG_AGENT_EVENT', direction: 'event',
  fixed: [numRecords], floating: [],
  groups: [{
    name: 'records',
    fields: [
      recordType, { tag: Tag.AgentType, name: 'agentType', type: 'U2' },
      { tag: Tag.LoginID, name: 'loginId', type: 'S', max: 129 },
      { tag: Tag.LastName, name: 'lastName', type: 'S', max: 32 },
      { tag: Tag.FirstName, name: 'firstName', type: 'S', max: 32 },
      { tag: Tag.Extension, name: 'extension', type: 'S', max: 16 },
      { tag: Tag.NumCSQ, name: 'numCsq', type: 'U2' },
      // the CSQID tag in agent records is our inference (§8.1): CSQID [62], one per CSQ
      { tag: Tag.CSQID, name: 'csqIds', type: 'U4', list: true },
    ],
  }],
});

export const CONFIG_DEVICE_EVENT = layout({
  code: MessageType.CONFIG_DEVICE_EVENT, type: 'CONFIG_DEVICE_EVENT', direction: 'event',
  fixed: [numRecords], floating: [],
  groups: [{
    name: 'records',
    fields: [
      recordType, { tag: Tag.ConfigID, name: 'deviceField0', type: 'U4' },
      { tag: Tag.DeviceType, name: 'deviceType', type: 'U2' }, { tag: Tag.MaxQueued, name: 'maxQueued', type: 'U4' },
      { tag: Tag.DeviceField1, name: 'deviceField1', type: 'U4' },
      { tag: Tag.DialedNumber, name: 'deviceField2', type: 'S', max: 129 },
      { tag: Tag.Extension, name: 'deviceField4', type: 'S', max: 16 }, description,
    ],
  }],
});

export const TEAM_CONFIG_REQ = layout({
  code: MessageType.TEAM_CONFIG_REQ, type: 'TEAM_CONFIG_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4'), fx('configParam', 'U2'), fx('reserved', 'X8')], floating: [], groups: [],
});

/** MemberType has no public tag (§8.1); AgentFlags tells members apart, so Poise leaves MemberType out. */
export const TEAM_CONFIG_EVENT = layout({
  code: MessageType.TEAM_CONFIG_EVENT, type: 'TEAM_CONFIG_EVENT', direction: 'event',
  fixed: [fx('teamId', 'U4'), { name: 'numRecords', type: 'U2', countOf: 'members' }, fx('operation', 'U2'),
    fx('reserved', 'X8')],
  floating: [{ tag: Tag.TeamName, name: 'teamName', type: 'S', max: 50 }],
  groups: [{
    name: 'members',
    fields: [
      { tag: Tag.AgentID, name: 'agentId', type: 'S', max: 129, required: true },
      { tag: Tag.AgentFlags, name: 'agentFlags', type: 'U2' },
      { tag: Tag.RecordType, name: 'recordType', type: 'U2' },
    ],
  }],
});

export const TEAM_CONFIG_CONF = layout({
  code: MessageType.TEAM_CONFIG_CONF, type: 'TEAM_CONFIG_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4'), fx('status', 'U4')],
  floating: [{ tag: Tag.Text, name: 'text', type: 'S', max: 128 }],
  groups: [],
});

export const CONFIGURATION_LAYOUTS = [
  CONFIG_REQUEST_KEY_EVENT, CONFIG_KEY_EVENT, CONFIG_REQUEST_EVENT, CONFIG_BEGIN_EVENT, CONFIG_END_EVENT,
  CONFIG_APPLICATION_EVENT, CONFIG_CSQ_EVENT, CONFIG_AGENT_EVENT, CONFIG_DEVICE_EVENT, TEAM_CONFIG_REQ,
  TEAM_CONFIG_EVENT, TEAM_CONFIG_CONF,
] as const;
