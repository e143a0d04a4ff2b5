import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameDecoder } from '../../../../src/engine/cti/codec/frame-decoder.ts';
import { CtiFailure, CtiStatus } from '../../../../src/engine/cti/codec/status.ts';
import { hex } from '../../../support/cti-frames.ts';

const HEARTBEAT_2 = '00000004 00000005 00000002';

interface Case {
  name: string;
  hex: string;
  role?: 'server' | 'client';
  maxBodyLength?: number;
  status: number;
  invokeId?: number;
  fatal?: boolean;
}

// cti.md §9.2: every malformed input is a CtiFailure with its status, never an exception.
const cases: Case[] = [
  { name: 'MessageLength 2^31', hex: '80000000 00000005 00000001', status: CtiStatus.BAD_MESSAGE_FORMAT, fatal: true },
  { name: 'MessageLength 0xFFFFFFFF', hex: 'ffffffff 00000005', status: CtiStatus.BAD_MESSAGE_FORMAT, fatal: true },
  { name: 'MessageLength 12493, over the default maximum', hex: '000030cd 00000005', status: 25, fatal: true },
  { name: 'MessageLength over a configured maximum', hex: '00000041 00000003', maxBodyLength: 64, status: 25, fatal: true },
  { name: 'unknown MessageType', hex: '00000004 00000063 00000001', status: CtiStatus.INVALID_MESSAGE_TYPE },
  { name: 'server message sent to the server', hex: '00000004 00000006 00000001', status: CtiStatus.INVALID_MESSAGE_TYPE },
  { name: 'request sent to a client', hex: HEARTBEAT_2, role: 'client', status: CtiStatus.INVALID_MESSAGE_TYPE },
  { name: 'body shorter than its fixed part, with InvokeID', hex: '00000006 00000007 00000009 0000',
    status: CtiStatus.BAD_MESSAGE_FORMAT, invokeId: 9 },
  { name: 'body shorter than InvokeID', hex: '00000002 00000005 0000', status: CtiStatus.BAD_MESSAGE_FORMAT },
  { name: 'floating field overrunning its message',
    hex: '00000015 0000002a 00000004 00000001 ffffffff ffff 19 09 32 30 30 35 00', status: 25, invokeId: 4 },
  { name: 'floating header cut after the tag', hex: '0000000f 0000002a 00000004 00000001 ffffffff ffff 19',
    status: 25, invokeId: 4 },
  { name: 'unknown tag in a request', hex: '00000015 0000002a 00000004 00000001 ffffffff ffff 63 05 32 30 30 35 00',
    status: CtiStatus.INVALID_FIELD, invokeId: 4 },
  { name: 'string longer than its field in a request',
    hex: `00000056 0000002a 00000004 00000001 ffffffff ffff 06 46 ${'31'.repeat(69)} 00`,
    status: CtiStatus.INVALID_FIELD_LENGTH, invokeId: 4 },
  { name: 'integer field of the wrong length', hex: `0000001f 00000004 00000005 00000010 00000000 00000400 00000000
    0001 0000 0009 e4 03 00 01 00`,
    role: 'client', status: 25, invokeId: 5 },
  { name: 'required field missing', hex: '0000000e 00000026 00000001 00000001 0003 0000 0000',
    status: CtiStatus.BAD_MESSAGE_FORMAT, invokeId: 1 },
  { name: 'required AgentID missing', hex: `0000001c 00000026 00000001 00000001 0003 0000 0000 0000 00 00000000
    06 05 31 30 30 31 00`, status: CtiStatus.REQUIRED_DATA_MISSING, invokeId: 1 },
  { name: 'AgentState out of range', hex: `00000022 00000026 00000001 00000001 0063 0000 0000 0000 00 00000000
    06 05 31 30 30 31 00 c2 04 61 6c 69 00`, status: 25, invokeId: 1 },
];

for (const c of cases) {
  test(`${c.name} → status ${c.status}${c.fatal ? ', fatal' : ''}`, () => {
    const decoder = new FrameDecoder({ role: c.role ?? 'server', maxBodyLength: c.maxBodyLength });
    const { messages, error } = decoder.push(hex(c.hex));
    assert.deepEqual(messages, []);
    assert.ok(error instanceof CtiFailure);
    assert.equal(error.status, c.status);
    assert.equal(error.invokeId, c.invokeId);
    assert.equal(error.fatal, c.fatal ?? false);
  });
}

test('a fatal length keeps the decoder dead and buffers nothing', () => {
  const decoder = new FrameDecoder({ role: 'server' });
  assert.equal(decoder.push(hex('80000000 00000005')).error?.fatal, true);
  const again = decoder.push(hex(HEARTBEAT_2));
  assert.deepEqual(again.messages, []);
  assert.equal(again.error?.status, 25);
  assert.equal(decoder.buffered, 0);
});

test('after a non-fatal failure, the next push continues with the following message', () => {
  const decoder = new FrameDecoder({ role: 'server' });
  const first = decoder.push(hex(`${HEARTBEAT_2} 00000004 00000063 00000001 ${HEARTBEAT_2.replace('02', '03')}`));
  assert.deepEqual(first.messages, [{ type: 'HEARTBEAT_REQ', invokeId: 2 }]);
  assert.equal(first.error?.status, CtiStatus.INVALID_MESSAGE_TYPE);
  assert.deepEqual(decoder.push(), { messages: [{ type: 'HEARTBEAT_REQ', invokeId: 3 }] });
  assert.equal(decoder.buffered, 0);
});

test('a truncated message waits for the rest, byte by byte', () => {
  const decoder = new FrameDecoder({ role: 'server' });
  const bytes = hex(HEARTBEAT_2);
  for (let i = 0; i < bytes.length - 1; i++) assert.deepEqual(decoder.push(bytes.subarray(i, i + 1)), { messages: [] });
  assert.equal(decoder.buffered, bytes.length - 1);
  assert.deepEqual(decoder.push(bytes.subarray(bytes.length - 1)).messages, [{ type: 'HEARTBEAT_REQ', invokeId: 2 }]);
});

test('a length over the limit is refused from its header, before the body arrives', () => {
  const decoder = new FrameDecoder({ role: 'server', maxBodyLength: 100 });
  assert.equal(decoder.push(hex('00000065 00000003')).error?.fatal, true);
});

test('a client skips floating tags it does not know (cti.md §2.3)', () => {
  const decoder = new FrameDecoder({ role: 'client' });
  const { messages } = decoder.push(hex('00000008 00000002 00000011 99 02 ab cd'));
  assert.deepEqual(messages, [{ type: 'FAILURE_EVENT', status: 17 }]);
});

test('many messages in one chunk', () => {
  const decoder = new FrameDecoder({ role: 'server' });
  const chunk = Buffer.concat(Array.from({ length: 100 }, () => hex(HEARTBEAT_2)));
  assert.equal(decoder.push(chunk).messages.length, 100);
});

test('random bytes never throw', () => {
  let seed = 1;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let run = 0; run < 2000; run++) {
    const decoder = new FrameDecoder({ role: run % 2 ? 'server' : 'client' });
    const bytes = Buffer.from(Array.from({ length: 8 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
    bytes.writeUInt32BE(Math.floor(rand() * 60), 0);
    bytes.writeUInt32BE([3, 5, 30, 38, 9, 42, 236, 243][run % 8]!, 4);
    for (let i = 0; i < 5; i++) decoder.push(i === 0 ? bytes : undefined);
  }
});
