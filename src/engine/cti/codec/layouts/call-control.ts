// Call-control requests and their confirmations (cti.md §7.1, §7.2), and SET_CALL_DATA (26/27).
import { fx, layout } from '../layout.ts';
import { MessageType } from '../message-types.ts';
import { Tag } from '../tags.ts';
import { CALL_DATA, CONNECTION, M8_HEAD, M8_TAIL, NAMED_COUNTS, PARTIES_GROUP, connectionDeviceId, device } from './common.ts';

const HEAD = [fx('invokeId', 'U4'), fx('peripheralId', 'U4')] as const;
/** Every request starts with InvokeID and PeripheralID (§7.1); connection fields are CID then CDT here. */
const CID_CDT = [fx('connectionCallId', 'U4'), fx('connectionDeviceIdType', 'U2')] as const;
const agentInstrument = { tag: Tag.AgentInstrument, name: 'agentInstrument', type: 'S', max: 64 } as const;
const dialedNumber = { tag: Tag.DialedNumber, name: 'dialedNumber', type: 'S', max: 40, required: true } as const;
const activeDevice = { ...device(Tag.ActiveConnectionDeviceID, 'activeConnectionDeviceId'), required: true } as const;
const heldDevice = { ...device(Tag.HeldConnectionDeviceID, 'heldConnectionDeviceId'), required: true } as const;
const newDevice = device(Tag.NewConnectionDeviceID, 'newConnectionDeviceId');

function conf<const T extends string>(code: number, type: T) {
  return layout({ code, type, direction: 'reply', fixed: [fx('invokeId', 'U4')], floating: [], groups: [] });
}

export const ANSWER_CALL_REQ = layout({
  code: MessageType.ANSWER_CALL_REQ, type: 'ANSWER_CALL_REQ', direction: 'request',
  fixed: [...HEAD, ...CID_CDT],
  // ConnectionDeviceID or AgentInstrument: either identifies the call to answer
  floating: [device(Tag.ConnectionDeviceID, 'connectionDeviceId'), agentInstrument],
  groups: [],
});
export const ANSWER_CALL_CONF = conf(MessageType.ANSWER_CALL_CONF, 'ANSWER_CALL_CONF');

export const HOLD_CALL_REQ = layout({
  code: MessageType.HOLD_CALL_REQ, type: 'HOLD_CALL_REQ', direction: 'request',
  fixed: [...HEAD, ...CID_CDT, fx('reservation', 'B2')],
  floating: [connectionDeviceId, agentInstrument],
  groups: [],
});
export const HOLD_CALL_CONF = conf(MessageType.HOLD_CALL_CONF, 'HOLD_CALL_CONF');

export const RETRIEVE_CALL_REQ = layout({
  code: MessageType.RETRIEVE_CALL_REQ, type: 'RETRIEVE_CALL_REQ', direction: 'request',
  fixed: [...HEAD, fx('heldConnectionCallId', 'U4'), fx('heldConnectionDeviceIdType', 'U2')],
  floating: [heldDevice, agentInstrument],
  groups: [],
});
export const RETRIEVE_CALL_CONF = conf(MessageType.RETRIEVE_CALL_CONF, 'RETRIEVE_CALL_CONF');

export const CLEAR_CONNECTION_REQ = layout({
  code: MessageType.CLEAR_CONNECTION_REQ, type: 'CLEAR_CONNECTION_REQ', direction: 'request',
  fixed: [...HEAD, ...CID_CDT],
  floating: [connectionDeviceId, agentInstrument],
  groups: [],
});
export const CLEAR_CONNECTION_CONF = conf(MessageType.CLEAR_CONNECTION_CONF, 'CLEAR_CONNECTION_CONF');

export const MAKE_CALL_REQ = layout({
  code: MessageType.MAKE_CALL_REQ, type: 'MAKE_CALL_REQ', direction: 'request',
  fixed: [...HEAD, ...M8_HEAD, ...M8_TAIL, ...NAMED_COUNTS, fx('skillGroupNumber', 'U4')],
  floating: [{ ...agentInstrument, required: true }, ...CALL_DATA.map((f) => f.tag === Tag.DialedNumber ? dialedNumber : f)],
  groups: [],
});

/** 51 and 57 share a layout (§7.2). */
function newCallConf<const T extends string>(code: number, type: T) {
  return layout({
    code, type, direction: 'reply',
    fixed: [fx('invokeId', 'U4'), fx('newConnectionCallId', 'U4'), fx('newConnectionDeviceIdType', 'U2'),
      fx('lineHandle', 'U2'), fx('lineType', 'U2')],
    floating: [newDevice],
    groups: [],
  });
}
export const MAKE_CALL_CONF = newCallConf(MessageType.MAKE_CALL_CONF, 'MAKE_CALL_CONF');

export const CONSULTATION_CALL_REQ = layout({
  code: MessageType.CONSULTATION_CALL_REQ, type: 'CONSULTATION_CALL_REQ', direction: 'request',
  fixed: [
    ...HEAD, fx('activeConnectionCallId', 'U4'), fx('activeConnectionDeviceIdType', 'U2'), ...M8_HEAD,
    fx('consultType', 'U2'), ...M8_TAIL, ...NAMED_COUNTS,
  ],
  floating: [activeDevice, ...CALL_DATA.map((f) => f.tag === Tag.DialedNumber ? dialedNumber : f), agentInstrument],
  groups: [],
});
export const CONSULTATION_CALL_CONF = newCallConf(MessageType.CONSULTATION_CALL_CONF, 'CONSULTATION_CALL_CONF');

/** 49 and 65 share a layout (§7.2). */
function partiesConf<const T extends string>(code: number, type: T) {
  return layout({
    code, type, direction: 'reply',
    fixed: [fx('invokeId', 'U4'), fx('newConnectionCallId', 'U4'), fx('newConnectionDeviceIdType', 'U2'),
      { name: 'numParties', type: 'U2', countOf: 'parties' }, fx('lineHandle', 'U2'), fx('lineType', 'U2')],
    floating: [newDevice],
    groups: [PARTIES_GROUP],
  });
}

export const TRANSFER_CALL_REQ = layout({
  code: MessageType.TRANSFER_CALL_REQ, type: 'TRANSFER_CALL_REQ', direction: 'request',
  fixed: [
    ...HEAD, fx('activeConnectionCallId', 'U4'), fx('heldConnectionCallId', 'U4'),
    fx('activeConnectionDeviceIdType', 'U2'), fx('heldConnectionDeviceIdType', 'U2'), ...M8_HEAD, ...M8_TAIL,
    ...NAMED_COUNTS,
  ],
  floating: [activeDevice, heldDevice, agentInstrument,
    { tag: Tag.NamedVariable, name: 'namedVariables', type: 'NV', max: 251, list: true },
    { tag: Tag.NamedArray, name: 'namedArrays', type: 'NA', max: 252, list: true }],
  groups: [],
});
export const TRANSFER_CALL_CONF = partiesConf(MessageType.TRANSFER_CALL_CONF, 'TRANSFER_CALL_CONF');

export const CONFERENCE_CALL_REQ = layout({
  code: MessageType.CONFERENCE_CALL_REQ, type: 'CONFERENCE_CALL_REQ', direction: 'request',
  fixed: [
    ...HEAD, fx('heldConnectionCallId', 'U4'), fx('activeConnectionCallId', 'U4'),
    fx('heldConnectionDeviceIdType', 'U2'), fx('activeConnectionDeviceIdType', 'U2'), ...M8_HEAD, ...M8_TAIL,
    ...NAMED_COUNTS,
  ],
  floating: [heldDevice, activeDevice, agentInstrument,
    { tag: Tag.NamedVariable, name: 'namedVariables', type: 'NV', max: 251, list: true },
    { tag: Tag.NamedArray, name: 'namedArrays', type: 'NA', max: 252, list: true }],
  groups: [],
});
export const CONFERENCE_CALL_CONF = partiesConf(MessageType.CONFERENCE_CALL_CONF, 'CONFERENCE_CALL_CONF');

export const SEND_DTMF_SIGNAL_REQ = layout({
  code: MessageType.SEND_DTMF_SIGNAL_REQ, type: 'SEND_DTMF_SIGNAL_REQ', direction: 'request',
  fixed: [...HEAD, ...CID_CDT, fx('toneDuration', 'U2'), fx('pauseDuration', 'U4')],
  floating: [connectionDeviceId, { tag: Tag.DTMFString, name: 'dtmfString', type: 'S', max: 32, required: true },
    agentInstrument],
  groups: [],
});
export const SEND_DTMF_SIGNAL_CONF = conf(MessageType.SEND_DTMF_SIGNAL_CONF, 'SEND_DTMF_SIGNAL_CONF');

/** CDT then CID in this message (§7.1); absent call-data items stay unchanged. */
export const SET_CALL_DATA_REQ = layout({
  code: MessageType.SET_CALL_DATA_REQ, type: 'SET_CALL_DATA_REQ', direction: 'request',
  fixed: [
    ...HEAD, ...CONNECTION, ...NAMED_COUNTS, fx('callType', 'U2'), fx('calledPartyDisposition', 'U2'),
    fx('campaignId', 'U4'), fx('queryRuleId', 'U4'),
  ],
  floating: [connectionDeviceId, ...CALL_DATA],
  groups: [],
});
export const SET_CALL_DATA_CONF = conf(MessageType.SET_CALL_DATA_CONF, 'SET_CALL_DATA_CONF');

export const CALL_CONTROL_LAYOUTS = [
  ANSWER_CALL_REQ, ANSWER_CALL_CONF, HOLD_CALL_REQ, HOLD_CALL_CONF, RETRIEVE_CALL_REQ, RETRIEVE_CALL_CONF,
  CLEAR_CONNECTION_REQ, CLEAR_CONNECTION_CONF, MAKE_CALL_REQ, MAKE_CALL_CONF, CONSULTATION_CALL_REQ,
  CONSULTATION_CALL_CONF, TRANSFER_CALL_REQ, TRANSFER_CALL_CONF, CONFERENCE_CALL_REQ, CONFERENCE_CALL_CONF,
  SEND_DTMF_SIGNAL_REQ, SEND_DTMF_SIGNAL_CONF, SET_CALL_DATA_REQ, SET_CALL_DATA_CONF,
] as const;
