import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelephonyErrorKind } from '../../../src/callmanager/calls/types.ts';
import { assertRefused, callLab, consultedB, CUSTOMER, ev, inbound, talkingAtA, type CallLab } from '../../support/call-lab.ts';

const talking = ['ConnConnectedEv', 'CallCtlConnEstablishedEv'];
const talkingTc = ['TermConnActiveEv', 'CallCtlTermConnTalkingEv'];

test('conference: the held controller talks again and the consulted party joins the original call', () => {
  const lab = callLab();
  const { callId, consultId } = consultedB(lab);
  const mark = lab.events.length;
  lab.model.conference(callId, consultId);
  assert.deepEqual(lab.since(mark), [
    'CiscoConferenceStartEv 1001 SEP_A',
    'CallCtlTermConnTalkingEv 1001 SEP_A',
    ...ev.arrives('1002', talking, [['SEP_B', talkingTc]]),
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.leaves('1002', ['SEP_B']),
    ...ev.callInvalid,
    'CiscoConferenceEndEv 1001 SEP_A',
  ]);
  assert.deepEqual(lab.events.slice(mark).map((e) => e.callId),
    [...Array<string>(8).fill(callId), ...Array<string>(9).fill(consultId), callId]);
  assert.deepEqual(lab.parties(callId),
    [`${CUSTOMER} ESTABLISHED`, '1001 ESTABLISHED SEP_A:TALKING', '1002 ESTABLISHED SEP_B:TALKING']);
  assert.equal(lab.model.getCall(consultId), undefined);
});

test('a three-party call survives one party leaving and ends when one is left', () => {
  const lab = callLab();
  const { callId, consultId } = consultedB(lab);
  lab.model.conference(callId, consultId);
  let mark = lab.events.length;
  lab.model.disconnect(callId, '1002');
  assert.deepEqual(lab.since(mark), ev.leaves('1002', ['SEP_B']));
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1001 ESTABLISHED SEP_A:TALKING']);
  mark = lab.events.length;
  lab.model.disconnect(callId, '1001');
  assert.deepEqual(lab.since(mark), [...ev.leaves('1001', ['SEP_A']), ...ev.leaves(CUSTOMER), ...ev.callInvalid]);
});

test('conference from the consultation call keeps that call; the controller is already talking there', () => {
  const lab = callLab();
  const { callId, consultId } = consultedB(lab);
  const mark = lab.events.length;
  lab.model.conference(consultId, callId, 'SEP_A');
  assert.deepEqual(lab.since(mark), [
    'CiscoConferenceStartEv 1001 SEP_A',
    ...ev.arrives(CUSTOMER, talking),
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.leaves(CUSTOMER),
    ...ev.callInvalid,
    'CiscoConferenceEndEv 1001 SEP_A',
  ]);
  assert.deepEqual(lab.parties(consultId),
    ['1001 ESTABLISHED SEP_A:TALKING', '1002 ESTABLISHED SEP_B:TALKING', `${CUSTOMER} ESTABLISHED`]);
});

interface Refusal { name: string; act: (lab: CallLab) => () => unknown; error: TelephonyErrorKind }

const refusals: Refusal[] = [
  {
    name: 'the controller TALKING on both calls',
    act: (lab) => { const { callId, consultId } = consultedB(lab); lab.model.unhold(callId, 'SEP_A'); return () => lab.model.conference(callId, consultId); },
    error: 'InvalidState',
  },
  {
    name: 'the controller HELD on both calls',
    act: (lab) => { const { callId, consultId } = consultedB(lab); lab.model.hold(consultId, 'SEP_A'); return () => lab.model.conference(callId, consultId); },
    error: 'InvalidState',
  },
  {
    name: 'the consulted party FAILED',
    act: (lab) => { const callId = talkingAtA(lab); const consultId = lab.model.consult(callId, 'SEP_A', '1099').id; return () => lab.model.conference(callId, consultId); },
    error: 'InvalidState',
  },
  {
    name: 'two calls with no terminal in common',
    act: (lab) => { const one = talkingAtA(lab); const two = inbound(lab, '1002'); lab.model.answer(two, 'SEP_B'); return () => lab.model.conference(one, two); },
    error: 'InvalidParty',
  },
  {
    name: 'a call with itself',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.conference(callId, callId); },
    error: 'InvalidArgument',
  },
  {
    name: 'an unknown call',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.conference('c-9', callId); },
    error: 'InvalidArgument',
  },
];

for (const r of refusals) {
  test(`conference refused: ${r.name} → ${r.error}, nothing changes`, () => {
    const lab = callLab();
    assertRefused(lab, r.act(lab), r.error);
  });
}
