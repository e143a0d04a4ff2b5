// Session management messages (cti.md §4).
import { fx, layout } from '../layout.ts';
import { MessageType } from '../message-types.ts';
import { Tag } from '../tags.ts';
import { AGENT_STATES } from '../values.ts';

const text = { tag: Tag.Text, name: 'text', type: 'S', max: 255 } as const;

export const FAILURE_CONF = layout({
  code: MessageType.FAILURE_CONF, type: 'FAILURE_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4'), fx('status', 'U4')],
  floating: [text, { tag: Tag.PoiseNodeName, name: 'poiseNodeName', type: 'S', max: 64 },
    { tag: Tag.PoiseMasterAddress, name: 'poiseMasterAddress', type: 'S', max: 64 }],
  groups: [],
});

export const FAILURE_EVENT = layout({
  code: MessageType.FAILURE_EVENT, type: 'FAILURE_EVENT', direction: 'event',
  fixed: [fx('status', 'U4')],
  floating: [text],
  groups: [],
});

/** §4.1: fixed part 44 bytes. */
export const OPEN_REQ = layout({
  code: MessageType.OPEN_REQ, type: 'OPEN_REQ', direction: 'request',
  fixed: [
    fx('invokeId', 'U4'), fx('versionNumber', 'U4'), fx('idleTimeout', 'U4'), fx('peripheralId', 'U4'),
    fx('servicesRequested', 'U4'), fx('callMsgMask', 'U4'), fx('agentStateMask', 'U4'), fx('configMsgMask', 'U4'),
    fx('reserved1', 'U4'), fx('reserved2', 'U4'), fx('reserved3', 'U4'),
  ],
  floating: [
    { tag: Tag.ClientID, name: 'clientId', type: 'S', max: 64, required: true },
    // UNSPEC, no NUL, present even when empty [E2]
    { tag: Tag.ClientPassword, name: 'clientPassword', type: 'XS', max: 64, required: true },
    { tag: Tag.ClientSignature, name: 'clientSignature', type: 'S', max: 64 },
    { tag: Tag.AgentExtension, name: 'agentExtension', type: 'S', max: 16 },
    { tag: Tag.AgentID, name: 'agentId', type: 'S', max: 129 },
    { tag: Tag.AgentInstrument, name: 'agentInstrument', type: 'S', max: 64 },
  ],
  groups: [],
});

/** §4.2: fixed part 26 bytes. */
export const OPEN_CONF = layout({
  code: MessageType.OPEN_CONF, type: 'OPEN_CONF', direction: 'reply',
  fixed: [
    fx('invokeId', 'U4'), fx('servicesGranted', 'U4'), fx('monitorId', 'U4'), fx('pgStatus', 'U4'),
    fx('icmCentralControllerTime', 'T4'), fx('peripheralOnline', 'B2'), fx('peripheralType', 'U2'),
    { name: 'agentState', type: 'U2', values: AGENT_STATES },
  ],
  floating: [
    { tag: Tag.AgentExtension, name: 'agentExtension', type: 'S', max: 16 },
    { tag: Tag.AgentInstrument, name: 'agentInstrument', type: 'S', max: 64 },
    { tag: Tag.AgentID, name: 'agentId', type: 'S', max: 129 },
    { tag: Tag.NumPeripherals, name: 'numPeripherals', type: 'U2' },
    { tag: Tag.FltPeripheralID, name: 'fltPeripheralId', type: 'U4' },
    { tag: Tag.MultilineAgentControl, name: 'multilineAgentControl', type: 'U2' },
  ],
  groups: [],
});

export const HEARTBEAT_REQ = layout({
  code: MessageType.HEARTBEAT_REQ, type: 'HEARTBEAT_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4')], floating: [], groups: [],
});

export const HEARTBEAT_CONF = layout({
  code: MessageType.HEARTBEAT_CONF, type: 'HEARTBEAT_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4')], floating: [], groups: [],
});

export const CLOSE_REQ = layout({
  code: MessageType.CLOSE_REQ, type: 'CLOSE_REQ', direction: 'request',
  fixed: [fx('invokeId', 'U4'), fx('status', 'U4')], floating: [], groups: [],
});

export const CLOSE_CONF = layout({
  code: MessageType.CLOSE_CONF, type: 'CLOSE_CONF', direction: 'reply',
  fixed: [fx('invokeId', 'U4')], floating: [], groups: [],
});

/** §4.5: fixed part 26 bytes, sent to every session. */
export const SYSTEM_EVENT = layout({
  code: MessageType.SYSTEM_EVENT, type: 'SYSTEM_EVENT', direction: 'event',
  fixed: [
    fx('pgStatus', 'U4'), fx('icmCentralControllerTime', 'T4'), fx('systemEventId', 'U4'),
    fx('systemEventArg1', 'U4'), fx('systemEventArg2', 'U4'), fx('systemEventArg3', 'U4'),
    fx('eventDeviceType', 'U2'),
  ],
  floating: [
    text,
    { tag: Tag.EventDeviceID, name: 'eventDeviceId', type: 'S', max: 64 },
    { tag: Tag.PoiseNodeName, name: 'poiseNodeName', type: 'S', max: 64 },
    { tag: Tag.PoiseMasterAddress, name: 'poiseMasterAddress', type: 'S', max: 64 },
  ],
  groups: [],
});

export const SESSION_LAYOUTS = [
  FAILURE_CONF, FAILURE_EVENT, OPEN_REQ, OPEN_CONF, HEARTBEAT_REQ, HEARTBEAT_CONF, CLOSE_REQ, CLOSE_CONF, SYSTEM_EVENT,
] as const;
