import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode } from '../../../../src/engine/cti/codec/encode.ts';
import type { Layout } from '../../../../src/engine/cti/codec/layout.ts';
import { LAYOUTS as ALL, type CtiMessage } from '../../../../src/engine/cti/codec/messages.ts';
import { decodeChunks, hex, roleFor, sampleMessage } from '../../../support/cti-frames.ts';

const LAYOUTS: readonly Layout[] = ALL;

// Byte vectors: cti.md §10 and STYLE.md, and hand-assembled frames of the spec's layouts (§4–§8).
const vectors: { name: string; hex: string; message: CtiMessage }[] = [
  {
    name: 'OPEN_REQ, bridge mode (cti.md §10)',
    hex: `00 00 00 3a 00 00 00 03 00 00 00 01 00 00 00 0e
          00 00 00 3c 00 00 00 00 00 04 00 96 00 07 ff ff
          00 00 01 ff 00 00 00 0f 00 00 00 00 00 00 00 00
          00 00 00 00 01 0a 70 6f 69 73 65 2d 77 73 31 00
          02 00`,
    message: {
      type: 'OPEN_REQ', invokeId: 1, versionNumber: 14, idleTimeout: 60, peripheralId: 0,
      servicesRequested: 0x00040096, callMsgMask: 0x0007ffff, agentStateMask: 0x1ff, configMsgMask: 0xf,
      reserved1: 0, reserved2: 0, reserved3: 0, clientId: 'poise-ws1', clientPassword: '',
    },
  },
  { name: 'HEARTBEAT_REQ (cti.md §10)', hex: '00 00 00 04 00 00 00 05 00 00 00 02', message: { type: 'HEARTBEAT_REQ', invokeId: 2 } },
  { name: 'HEARTBEAT_REQ (STYLE.md)', hex: '00000004 00000005 0000002a', message: { type: 'HEARTBEAT_REQ', invokeId: 42 } },
  { name: 'HEARTBEAT_CONF (STYLE.md)', hex: '00000004 00000006 0000002a', message: { type: 'HEARTBEAT_CONF', invokeId: 42 } },
  { name: 'CLOSE_REQ', hex: '00000008 00000007 00000003 00000000', message: { type: 'CLOSE_REQ', invokeId: 3, status: 0 } },
  { name: 'CLOSE_CONF', hex: '00000004 00000008 00000003', message: { type: 'CLOSE_CONF', invokeId: 3 } },
  {
    name: 'FAILURE_CONF with Text',
    hex: '0000000d 00000001 00000007 00000024 07 03 6e 6f 00',
    message: { type: 'FAILURE_CONF', invokeId: 7, status: 36, text: 'no' },
  },
  { name: 'FAILURE_EVENT', hex: '00000004 00000002 00000019', message: { type: 'FAILURE_EVENT', status: 25 } },
  {
    name: 'SYSTEM_EVENT SYS_CCX_ONLINE',
    hex: `0000001a 0000001f 00000400 65000000 00000003 00000001 00000001 00000001 ffff`,
    message: {
      type: 'SYSTEM_EVENT', pgStatus: 0x400, icmCentralControllerTime: 0x65000000, systemEventId: 3,
      systemEventArg1: 1, systemEventArg2: 1, systemEventArg3: 1, eventDeviceType: 0xffff,
    },
  },
  {
    name: 'SET_AGENT_STATE_REQ READY',
    hex: `00000022 00000026 00000009 00000001 0003 0000 0000 0000 00 00000000
          06 05 31 30 30 31 00 c2 04 61 6c 69 00`,
    message: {
      type: 'SET_AGENT_STATE_REQ', invokeId: 9, peripheralId: 1, agentState: 'READY', agentWorkMode: 0,
      numSkillGroups: 0, eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '1001', agentId: 'ali',
    },
  },
  {
    name: 'AGENT_STATE_EVENT TALKING with one CSQ',
    hex: `0000005b 0000001e 00000000 00000001 00000000 0015 0000 00000005 ffffffff ffffffff 0000 0004 0000
          00000001 00000000 0000 00000000 00000000 00000001 0001
          c2 04 61 6c 69 00 04 05 31 30 30 31 00
          3e 04 00 00 00 02 3f 04 ff ff ff ff 40 02 00 00 41 02 00 04`,
    message: {
      type: 'AGENT_STATE_EVENT', monitorId: 0, peripheralId: 1, sessionId: 0, peripheralType: 21, csqState: 'LOGIN',
      stateDuration: 5, csqId: 0xffffffff, skillGroupId: 0xffffffff, skillGroupPriority: 0, agentState: 'TALKING',
      eventReasonCode: 0, mrdId: 1, numTasks: 0, agentMode: 0, maxTaskLimit: 0, icmAgentId: 0,
      agentAvailabilityStatus: 1, agentId: 'ali', agentExtension: '1001',
      csqs: [{ csqId: 2, skillGroupId: 0xffffffff, skillGroupPriority: 0, csqState: 'TALKING' }],
    },
  },
  {
    name: 'END_CALL_EVENT',
    hex: '00000017 00000018 00000000 00000001 0015 0000 01000123 19 05 32 30 30 35 00',
    message: {
      type: 'END_CALL_EVENT', monitorId: 0, peripheralId: 1, peripheralType: 21, connectionDeviceIdType: 0,
      connectionCallId: 0x01000123, connectionDeviceId: '2005',
    },
  },
  {
    name: 'BEGIN_CALL_EVENT with ANI, a call variable and an ECC variable',
    hex: `0000003b 00000017 00000000 00000001 0015 0000 0001 0000 0001 0000 01000123 0000
          19 05 37 30 30 31 00 08 04 35 35 35 00 0d 03 61 62 00
          52 0d 75 73 65 72 2e 6c 61 6e 67 00 65 6e 00`,
    message: {
      type: 'BEGIN_CALL_EVENT', monitorId: 0, peripheralId: 1, peripheralType: 21, callType: 1,
      connectionDeviceIdType: 0, connectionCallId: 0x01000123, calledPartyDisposition: 0, connectionDeviceId: '7001',
      ani: '555', callVariable1: 'ab', namedVariables: [{ name: 'user.lang', value: 'en' }],
    },
  },
  {
    name: 'ANSWER_CALL_REQ',
    hex: '00000015 0000002a 0000000b 00000001 01000123 0000 19 05 32 30 30 35 00',
    message: {
      type: 'ANSWER_CALL_REQ', invokeId: 11, peripheralId: 1, connectionCallId: 0x01000123, connectionDeviceIdType: 0,
      connectionDeviceId: '2005',
    },
  },
  {
    name: 'CONTROL_FAILURE_CONF 265',
    hex: '0000000a 00000023 0000000c 0109 00000000',
    message: { type: 'CONTROL_FAILURE_CONF', invokeId: 12, failureCode: 265, peripheralErrorCode: 0 },
  },
  {
    name: 'POISE_SNAPSHOT_END_EVENT',
    hex: '00000004 00001003 0002 0001',
    message: { type: 'POISE_SNAPSHOT_END_EVENT', numAgents: 2, numCalls: 1 },
  },
];

for (const v of vectors) {
  const bytes = hex(v.hex);
  const role = v.message.type.endsWith('_REQ') ? 'server' : 'client';
  test(`${v.name}: encodes and decodes byte for byte, at every split`, () => {
    assert.equal(bytes.readUInt32BE(0), bytes.length - 8, 'vector length field');
    assert.deepEqual(encode(v.message), bytes);
    for (let i = 0; i <= bytes.length; i++) {
      assert.deepEqual(decodeChunks([bytes.subarray(0, i), bytes.subarray(i)], role), [v.message], `split at ${i}`);
    }
  });
}

test('every message type round-trips with every field set, at every split', () => {
  for (const layout of LAYOUTS) {
    const message = sampleMessage(layout, layout.code);
    const bytes = encode(message);
    assert.equal(bytes.readUInt32BE(4), layout.code);
    for (let i = 0; i <= bytes.length; i++) {
      assert.deepEqual(decodeChunks([bytes.subarray(0, i), bytes.subarray(i)], roleFor(layout)), [message],
        `${layout.type} split at ${i}`);
    }
  }
});

test('every message type with only its fixed part round-trips', () => {
  for (const layout of LAYOUTS) {
    const full = sampleMessage(layout, layout.code + 1) as unknown as Record<string, unknown>;
    const required = new Set(layout.floating.filter((f) => f.required).map((f) => f.name));
    const minimal = Object.fromEntries(Object.entries(full)
      .filter(([k]) => k === 'type' || layout.fixed.some((f) => f.name === k) || required.has(k)));
    const bytes = encode(minimal as unknown as CtiMessage);
    assert.deepEqual(decodeChunks([bytes], roleFor(layout)), [minimal], layout.type);
  }
});

test('fixed-part sizes match the spec', () => {
  const sizes: Record<string, number> = {
    OPEN_REQ: 44, OPEN_CONF: 26, SYSTEM_EVENT: 26, AGENT_STATE_EVENT: 58, SET_AGENT_STATE_REQ: 21,
    QUERY_AGENT_STATE_REQ: 16, QUERY_AGENT_STATE_CONF: 30, CALL_DELIVERED_EVENT: 54, CALL_ESTABLISHED_EVENT: 50,
    CALL_HELD_EVENT: 22, CALL_RETRIEVED_EVENT: 22, CALL_CLEARED_EVENT: 20, CALL_CONNECTION_CLEARED_EVENT: 22,
    CALL_ORIGINATED_EVENT: 46, CALL_FAILED_EVENT: 24, CALL_CONFERENCED_EVENT: 46, CALL_TRANSFERRED_EVENT: 46,
    CALL_DIVERTED_EVENT: 32, CALL_SERVICE_INITIATED_EVENT: 44, CALL_QUEUED_EVENT: 40, BEGIN_CALL_EVENT: 26,
    END_CALL_EVENT: 16, CALL_DATA_UPDATE_EVENT: 40, CALL_REACHED_NETWORK_EVENT: 28, POISE_CSQ_STATISTICS_EVENT: 32,
  };
  for (const layout of LAYOUTS) {
    const expected = sizes[layout.type];
    if (expected === undefined) continue;
    const bytes = encode(Object.assign(sampleMessage(layout, 1) as object, Object.fromEntries(
      [...layout.floating, ...layout.groups].map((f) => [f.name, undefined]))) as unknown as CtiMessage);
    assert.equal(bytes.length - 8, expected, layout.type);
  }
});

test('a string longer than its field is cut on a character boundary', () => {
  const bytes = encode({ type: 'FAILURE_EVENT', status: 17, text: 'é'.repeat(200) });
  const [decoded] = decodeChunks([bytes]);
  assert.equal((decoded as { text: string }).text, 'é'.repeat(127));
});
