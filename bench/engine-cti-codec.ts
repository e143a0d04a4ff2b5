// CTI codec figures: messages encoded per second and decoded per second (FrameDecoder over 64 KB chunks) on one
// core, for the engine's usual traffic mix: call events with call data, agent state events and heartbeats.
//   node --import tsx bench/engine-cti-codec.ts [messages=1000000]
import { encode } from '../src/engine/cti/codec/encode.ts';
import { FrameDecoder } from '../src/engine/cti/codec/frame-decoder.ts';
import type { CtiMessage } from '../src/engine/cti/codec/messages.ts';

const COMMAND = 'node --import tsx bench/engine-cti-codec.ts';
const total = Number(process.argv[2] ?? 1_000_000);

const P = { monitorId: 0, peripheralId: 1, peripheralType: 21 } as const;
const SG = { skillGroupNumber: 3, skillGroupId: 0xffffffff, skillGroupPriority: 0 } as const;
const mix: CtiMessage[] = [
  {
    type: 'CALL_DELIVERED_EVENT', ...P, ...SG, connectionDeviceIdType: 0, connectionCallId: 0x01000123, lineHandle: 0xffff,
    lineType: 3, serviceNumber: 2, serviceId: 0xffffffff, alertingDeviceType: 76, callingDeviceType: 0,
    calledDeviceType: 74, lastRedirectDeviceType: 74, localConnectionState: 2, eventCause: 0xffff,
    connectionDeviceId: '2005', alertingDeviceId: '2005', callingDeviceId: '+14085550100', calledDeviceId: '7001',
    lastRedirectDeviceId: '7001', ani: '+14085550100', dnis: '7001', callVariable1: 'acct-42',
    namedVariables: [{ name: 'user.lang', value: 'en' }],
  },
  {
    type: 'CALL_ESTABLISHED_EVENT', ...P, ...SG, connectionDeviceIdType: 0, connectionCallId: 0x01000123,
    lineHandle: 0xffff, lineType: 3, serviceNumber: 2, serviceId: 0xffffffff, answeringDeviceType: 76,
    callingDeviceType: 0, calledDeviceType: 74, lastRedirectDeviceType: 74, localConnectionState: 3,
    eventCause: 0xffff, connectionDeviceId: '2005', answeringDeviceId: '2005', callingDeviceId: '+14085550100',
    calledDeviceId: '7001', lastRedirectDeviceId: '7001',
  },
  {
    type: 'AGENT_STATE_EVENT', ...P, sessionId: 0, csqState: 'LOGIN', stateDuration: 0, csqId: 0xffffffff,
    skillGroupId: 0xffffffff, skillGroupPriority: 0, agentState: 'TALKING', eventReasonCode: 0, mrdId: 1, numTasks: 0,
    agentMode: 0, maxTaskLimit: 0, icmAgentId: 0, agentAvailabilityStatus: 1, agentId: 'agent042',
    agentExtension: '2005', agentInstrument: '2005',
    csqs: [{ csqId: 3, skillGroupId: 0xffffffff, skillGroupPriority: 0, csqState: 'TALKING' }],
  },
  { type: 'HEARTBEAT_CONF', invokeId: 7 },
];

function run(): { encodePerSec: number; decodePerSec: number; bytes: number } {
  let t = process.hrtime.bigint();
  const frames: Buffer[] = [];
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    const frame = encode(mix[i % mix.length]!);
    bytes += frame.length;
    if (i < 65_536) frames.push(frame);
  }
  const encodeNs = Number(process.hrtime.bigint() - t);

  const stream = Buffer.concat(frames);
  const chunks: Buffer[] = [];
  for (let at = 0; at < stream.length; at += 65_536) chunks.push(stream.subarray(at, at + 65_536));
  const decoder = new FrameDecoder({ role: 'client' });
  let decoded = 0;
  t = process.hrtime.bigint();
  while (decoded < total) {
    for (const chunk of chunks) {
      const { messages, error } = decoder.push(chunk);
      if (error) throw error;
      decoded += messages.length;
    }
  }
  const decodeNs = Number(process.hrtime.bigint() - t);
  return { encodePerSec: total / (encodeNs / 1e9), decodePerSec: decoded / (decodeNs / 1e9), bytes: bytes / total };
}

run(); // warm-up
const r = run();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`${COMMAND}  (${fmt(total)} messages, mean ${r.bytes.toFixed(0)} bytes/frame, Node ${process.version})`);
console.log(`encode: ${fmt(r.encodePerSec)} messages/s`);
console.log(`decode: ${fmt(r.decodePerSec)} messages/s`);
