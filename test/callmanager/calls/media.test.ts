import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelephonyErrorKind } from '../../../src/callmanager/calls/types.ts';
import { assertRefused, callLab, CUSTOMER, inbound, talkingAtA, type CallLab } from '../../support/call-lab.ts';

function talkingAtPort(lab: CallLab): string {
  const callId = inbound(lab, '8001');
  lab.model.accept(callId, '8001');
  lab.model.answer(callId, 'PORT_1');
  return callId;
}

test('DTMF: one event per digit, in order, naming the terminal that hears them', () => {
  const lab = callLab();
  const callId = talkingAtPort(lab);
  const mark = lab.events.length;
  lab.model.sendDtmf(callId, CUSTOMER, '12#*D');
  assert.deepEqual(lab.since(mark), ['1', '2', '#', '*', 'D'].map((d) => `MediaTermConnDtmfEv ${CUSTOMER} ${d}`));
  assert.ok(lab.events.slice(mark).every((e) => e.terminal === 'PORT_1' && e.cause === 'NORMAL'));
  assert.deepEqual(lab.model.getCall(callId)?.connections.map((c) => c.ccState), ['ESTABLISHED', 'ESTABLISHED']);
});

test('call data: merged into the call variables and announced with the result', () => {
  const lab = callLab();
  const callId = lab.model.placeInbound({ from: CUSTOMER, to: '7001', callVariables: { callVariable1: 'a', callVariable2: 'b' } }).id;
  const mark = lab.events.length;
  lab.model.setCallData(callId, { callVariable2: 'B', 'user.lang': 'fr' });
  assert.deepEqual(lab.since(mark), ['CiscoCallDataChangedEv']);
  const event = lab.events.at(-1);
  const expected = { callVariable1: 'a', callVariable2: 'B', 'user.lang': 'fr' };
  assert.deepEqual(event?.type === 'CiscoCallDataChangedEv' ? event.callVariables : undefined, expected);
  assert.deepEqual(lab.model.getCall(callId)?.callVariables, expected);
});

interface Refusal { name: string; setup: (lab: CallLab) => string; act: (lab: CallLab, callId: string) => unknown; error: TelephonyErrorKind }

const refusals: Refusal[] = [
  { name: 'digits that are not DTMF', setup: talkingAtPort, act: (l, c) => l.model.sendDtmf(c, CUSTOMER, '12x'), error: 'InvalidArgument' },
  { name: 'no digits', setup: talkingAtPort, act: (l, c) => l.model.sendDtmf(c, CUSTOMER, ''), error: 'InvalidArgument' },
  { name: 'digits while the far end is only OFFERED', setup: (l) => inbound(l, '7001'), act: (l, c) => l.model.sendDtmf(c, CUSTOMER, '1'), error: 'InvalidState' },
  { name: 'digits while the far end rings', setup: (l) => inbound(l, '1001'), act: (l, c) => l.model.sendDtmf(c, CUSTOMER, '1'), error: 'InvalidState' },
  { name: 'digits from an OFFERED party', setup: (l) => inbound(l, '7001'), act: (l, c) => l.model.sendDtmf(c, '7001', '1'), error: 'InvalidState' },
  { name: 'digits from an address not in the call', setup: talkingAtA, act: (l, c) => l.model.sendDtmf(c, '1002', '1'), error: 'InvalidParty' },
  { name: 'digits on an unknown call', setup: talkingAtA, act: (l) => l.model.sendDtmf('c-9', CUSTOMER, '1'), error: 'InvalidArgument' },
  { name: 'call data that is not a string', setup: talkingAtA, act: (l, c) => l.model.setCallData(c, JSON.parse('{"callVariable1":7}')), error: 'InvalidArgument' },
  { name: 'call data that is not an object', setup: talkingAtA, act: (l, c) => l.model.setCallData(c, JSON.parse('["x"]')), error: 'InvalidArgument' },
  { name: 'call data on an unknown call', setup: talkingAtA, act: (l) => l.model.setCallData('c-9', { a: 'b' }), error: 'InvalidArgument' },
];

for (const r of refusals) {
  test(`refused: ${r.name} → ${r.error}, nothing changes`, () => {
    const lab = callLab();
    const callId = r.setup(lab);
    assertRefused(lab, () => r.act(lab, callId), r.error);
  });
}
