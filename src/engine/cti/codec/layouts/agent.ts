// Agent messages (cti.md §5) and CONTROL_FAILURE_CONF (§7.3), which refuses agent-state and call-control requests.
import { fx, layout } from '../layout.ts';
import { MessageType } from '../message-types.ts';
import { Tag } from '../tags.ts';
import { AGENT_STATES } from '../values.ts';

const agentId = { tag: Tag.AgentID, name: 'agentId', type: 'S', max: 129 } as const;
const agentExtension = { tag: Tag.AgentExtension, name: 'agentExtension', type: 'S', max: 16 } as const;
const agentInstrument = { tag: Tag.AgentInstrument, name: 'agentInstrument', type: 'S', max: 64 } as const;

/** One CSQ of an agent: CSQID [62], reserved [63] [64], CSQState [65] (§5.1). */
export const CSQ_GROUP = {
  name: 'csqs',
  fields: [
    { tag: Tag.CSQID, name: 'csqId', type: 'U4', required: true },
    { tag: Tag.SkillGroupID, name: 'skillGroupId', type: 'U4' },
    { tag: Tag.SkillGroupPriority, name: 'skillGroupPriority', type: 'U2' },
    { tag: Tag.CSQState, name: 'csqState', type: 'U2', values: AGENT_STATES },
  ],
} as const;

/** §5.1: fixed part 58 bytes. */
export const AGENT_STATE_EVENT = layout({
  code: MessageType.AGENT_STATE_EVENT, type: 'AGENT_STATE_EVENT', direction: 'event',
  fixed: [
    fx('monitorId', 'U4'), fx('peripheralId', 'U4'), fx('sessionId', 'U4'), fx('peripheralType', 'U2'),
    { name: 'csqState', type: 'U2', values: AGENT_STATES }, fx('stateDuration', 'U4'), fx('csqId', 'U4'),
    fx('skillGroupId', 'U4'), fx('skillGroupPriority', 'U2'), { name: 'agentState', type: 'U2', values: AGENT_STATES },
    fx('eventReasonCode', 'U2'), fx('mrdId', 'I4'), fx('numTasks', 'U4'), fx('agentMode', 'U2'),
    fx('maxTaskLimit', 'U4'), fx('icmAgentId', 'I4'), fx('agentAvailabilityStatus', 'I4'),
    { name: 'numFltSkillGroups', type: 'U2', countOf: 'csqs' },
  ],
  floating: [
    { ...agentId, required: true }, agentExtension, agentInstrument,
    { tag: Tag.ClientSignature, name: 'clientSignature', type: 'S', max: 64 },
    { tag: Tag.PoiseCauseInvokeID, name: 'poiseCauseInvokeId', type: 'U4' },
    { tag: Tag.PoiseCauseClientID, name: 'poiseCauseClientId', type: 'S', max: 64 },
  ],
  groups: [CSQ_GROUP],
});

/** §5.2: fixed part 21 bytes. */
export const SET_AGENT_STATE_REQ = layout({
  code: MessageType.SET_AGENT_STATE_REQ, type: 'SET_AGENT_STATE_REQ', direction: 'request',
  fixed: [
    fx('invokeId', 'U4'), fx('peripheralId', 'U4'), { name: 'agentState', type: 'U2', values: AGENT_STATES },
    fx('agentWorkMode', 'U2'), fx('numSkillGroups', 'U2'), fx('eventReasonCode', 'U2'), fx('forcedFlag', 'U1'),
    fx('agentServiceReq', 'U4'),
  ],
  floating: [
    { ...agentInstrument, required: true },
    { tag: Tag.AgentPassword, name: 'agentPassword', type: 'S', max: 64 },
    { ...agentId, required: true },
  ],
  groups: [],
});

export const SET_AGENT_STATE_CONF = layout({
  code: MessageType.SET_AGENT_STATE_CONF, type: 'SET_AGENT_STATE_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4')], floating: [], groups: [],
});

/** §5.3: fixed part 16 bytes; at least one of [4] [6] [194], checked by the server. */
export const QUERY_AGENT_STATE_REQ = layout({
  code: MessageType.QUERY_AGENT_STATE_REQ, type: 'QUERY_AGENT_STATE_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4'), fx('peripheralId', 'U4'), fx('mrdId', 'I4'), fx('icmAgentId', 'I4')],
  floating: [agentExtension, agentInstrument, agentId],
  groups: [],
});

/** §5.3: fixed part 30 bytes. */
export const QUERY_AGENT_STATE_CONF = layout({
  code: MessageType.QUERY_AGENT_STATE_CONF, type: 'QUERY_AGENT_STATE_CONF', direction: 'reply',
  fixed: [
    fx('invokeId', 'U4'), { name: 'agentState', type: 'U2', values: AGENT_STATES },
    { name: 'numSkillGroups', type: 'U2', countOf: 'csqs' }, fx('mrdId', 'I4'), fx('numTasks', 'U4'),
    fx('agentMode', 'U2'), fx('maxTaskLimit', 'U4'), fx('icmAgentId', 'I4'), fx('agentAvailabilityStatus', 'U4'),
  ],
  floating: [agentExtension, agentInstrument, agentId],
  groups: [CSQ_GROUP],
});

/** §7.3: replaces the CONF of a refused call-control or agent-state request. */
export const CONTROL_FAILURE_CONF = layout({
  code: MessageType.CONTROL_FAILURE_CONF, type: 'CONTROL_FAILURE_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4'), fx('failureCode', 'U2'), fx('peripheralErrorCode', 'U4')],
  floating: [{ tag: Tag.Text, name: 'text', type: 'S', max: 255 }],
  groups: [],
});

export const AGENT_LAYOUTS = [
  AGENT_STATE_EVENT, SET_AGENT_STATE_REQ, SET_AGENT_STATE_CONF, QUERY_AGENT_STATE_REQ, QUERY_AGENT_STATE_CONF,
  CONTROL_FAILURE_CONF,
] as const;
