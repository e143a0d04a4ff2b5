// Statistics: UCCX agent queue statistics (cti.md §8.2) and the Poise extensions (§8.3).
import { fx, layout } from '../layout.ts';
import { MessageType } from '../message-types.ts';
import { Tag } from '../tags.ts';

const agentId = { tag: Tag.AgentID, name: 'agentId', type: 'S', max: 129, required: true } as const;
const csqName = { tag: Tag.Name, name: 'csqName', type: 'S', max: 64 } as const;

/** Record R (32 bytes): the figures of the Finesse Queue object (§8.3). */
const RECORD_R = [
  fx('csqId', 'U4'), fx('agentsLoggedOn', 'U2'), fx('agentsReady', 'U2'), fx('agentsNotReady', 'U2'),
  fx('agentsReserved', 'U2'), fx('agentsTalkingInbound', 'U2'), fx('agentsTalkingOutbound', 'U2'),
  fx('agentsTalkingInternal', 'U2'), fx('agentsWork', 'U2'), fx('agentsWorkReady', 'U2'), fx('agentsBusyOther', 'U2'),
  fx('callsInQueue', 'U4'), fx('longestCallQueuedSince', 'T4'),
] as const;

export const QUERY_AGENT_QUEUE_STATISTICS_REQ = layout({
  code: MessageType.QUERY_AGENT_QUEUE_STATISTICS_REQ, type: 'QUERY_AGENT_QUEUE_STATISTICS_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4')], floating: [agentId], groups: [],
});

export const QUERY_AGENT_QUEUE_STATISTICS_CONF = layout({
  code: MessageType.QUERY_AGENT_QUEUE_STATISTICS_CONF, type: 'QUERY_AGENT_QUEUE_STATISTICS_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4'), fx('callsInQueue', 'U4'), fx('oldestCallInQueue', 'U4')],
  floating: [agentId],
  groups: [],
});

/** UCCE's agent statistics query: decoded so that it can be refused with FAILURE_CONF 12, as UCCX does (§8.2). */
export const QUERY_AGENT_STATISTICS_REQ = layout({
  code: MessageType.QUERY_AGENT_STATISTICS_REQ, type: 'QUERY_AGENT_STATISTICS_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4'), fx('peripheralId', 'U4')],
  floating: [
    { tag: Tag.AgentInstrument, name: 'agentInstrument', type: 'S', max: 64 },
    { tag: Tag.AgentID, name: 'agentId', type: 'S', max: 129 },
  ],
  groups: [],
});

export const POISE_QUERY_CSQ_STATISTICS_REQ = layout({
  code: MessageType.POISE_QUERY_CSQ_STATISTICS_REQ, type: 'POISE_QUERY_CSQ_STATISTICS_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4'), fx('csqId', 'U4')], floating: [], groups: [],
});

export const POISE_QUERY_CSQ_STATISTICS_CONF = layout({
  code: MessageType.POISE_QUERY_CSQ_STATISTICS_CONF, type: 'POISE_QUERY_CSQ_STATISTICS_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4'), fx('more', 'B2'), ...RECORD_R],
  floating: [csqName],
  groups: [],
});

export const POISE_CSQ_STATISTICS_EVENT = layout({
  code: MessageType.POISE_CSQ_STATISTICS_EVENT, type: 'POISE_CSQ_STATISTICS_EVENT', direction: 'event',
  fixed: RECORD_R, floating: [csqName], groups: [],
});

export const POISE_SNAPSHOT_END_EVENT = layout({
  code: MessageType.POISE_SNAPSHOT_END_EVENT, type: 'POISE_SNAPSHOT_END_EVENT', direction: 'event',
  fixed: [fx('numAgents', 'U2'), fx('numCalls', 'U2')], floating: [], groups: [],
});

export const STATISTICS_LAYOUTS = [
  QUERY_AGENT_QUEUE_STATISTICS_REQ, QUERY_AGENT_QUEUE_STATISTICS_CONF, QUERY_AGENT_STATISTICS_REQ, POISE_QUERY_CSQ_STATISTICS_REQ,
  POISE_QUERY_CSQ_STATISTICS_CONF, POISE_CSQ_STATISTICS_EVENT, POISE_SNAPSHOT_END_EVENT,
] as const;
