import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelephonyErrorKind } from '../../../src/callmanager/calls/types.ts';
import {
  assertRefused, callLab, consultedB, CUSTOMER, ev, inbound, PSTN, talkingAtA, type CallLab,
} from '../../support/call-lab.ts';

const talking = ['ConnConnectedEv', 'CallCtlConnEstablishedEv'];
const talkingTc = ['TermConnActiveEv', 'CallCtlTermConnTalkingEv'];

test('consultative transfer: B joins the customer, A leaves, the consultation call ends (Cisco order)', () => {
  const lab = callLab();
  const { callId, consultId } = consultedB(lab);
  const mark = lab.events.length;
  lab.model.transfer(callId, { otherCallId: consultId });
  assert.deepEqual(lab.since(mark), [
    'CiscoTransferStartEv 1001 SEP_A',
    ...ev.leaves('1001', ['SEP_A']),                       // A leaves the customer's call
    ...ev.arrives('1002', talking, [['SEP_B', talkingTc]]), // B appears in it
    ...ev.leaves('1001', ['SEP_A']),                       // A leaves the consultation call
    ...ev.leaves('1002', ['SEP_B']),                       // B leaves it (moving)
    ...ev.callInvalid,
    'CiscoTransferEndEv 1001 SEP_A',
  ]);
  const callIds = lab.events.slice(mark).map((e) => e.callId);
  assert.deepEqual(callIds, [...Array<string>(11).fill(callId), ...Array<string>(9).fill(consultId), callId]);
  assert.equal(lab.events[mark]?.type === 'CiscoTransferStartEv' && lab.events[mark].otherCallId, consultId);
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1002 ESTABLISHED SEP_B:TALKING']);
  assert.equal(lab.model.getCall(consultId), undefined);
  const call = lab.model.getCall(callId);
  assert.equal(call?.called, '1002');
  assert.equal(call?.lastRedirected, '1001');
  // The parties keep working in the surviving call.
  lab.model.disconnect(callId, CUSTOMER);
  assert.equal(lab.model.size, 0);
});

test('consultative transfer from the consultation call keeps that call', () => {
  const lab = callLab();
  const { callId, consultId } = consultedB(lab);
  const mark = lab.events.length;
  lab.model.transfer(consultId, { otherCallId: callId, controller: 'SEP_A' });
  assert.deepEqual(lab.since(mark), [
    'CiscoTransferStartEv 1001 SEP_A',
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.arrives(CUSTOMER, talking),
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.leaves(CUSTOMER),
    ...ev.callInvalid,
    'CiscoTransferEndEv 1001 SEP_A',
  ]);
  assert.deepEqual(lab.parties(consultId), ['1002 ESTABLISHED SEP_B:TALKING', `${CUSTOMER} ESTABLISHED`]);
  assert.equal(lab.model.getCall(callId), undefined);
});

test('consultative transfer while the consulted phone still rings moves it ringing', () => {
  const lab = callLab();
  const callId = talkingAtA(lab);
  const consultId = lab.model.consult(callId, 'SEP_A', '1002').id;
  const mark = lab.events.length;
  lab.model.transfer(callId, { otherCallId: consultId });
  assert.deepEqual(lab.since(mark), [
    'CiscoTransferStartEv 1001 SEP_A',
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.arrives('1002', ['ConnAlertingEv', 'CallCtlConnAlertingEv'], [['SEP_B', ['TermConnRingingEv', 'CallCtlTermConnRingingEv']]]),
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.leaves('1002', ['SEP_B']),
    ...ev.callInvalid,
    'CiscoTransferEndEv 1001 SEP_A',
  ]);
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1002 ALERTING SEP_B:RINGING']);
  lab.model.answer(callId, 'SEP_B');
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1002 ESTABLISHED SEP_B:TALKING']);
});

test('single-step transfer: the controller leaves and the destination is offered the call', () => {
  const lab = callLab();
  const callId = talkingAtA(lab);
  const mark = lab.events.length;
  lab.model.transfer(callId, { dest: '1002' });
  assert.deepEqual(lab.since(mark), [
    'CiscoTransferStartEv 1001 SEP_A',
    ...ev.leaves('1001', ['SEP_A']),
    ...ev.offered('1002'), ...ev.alerting('1002', ['SEP_B']),
    'CiscoTransferEndEv 1001 SEP_A',
  ]);
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1002 ALERTING SEP_B:RINGING']);
  assert.equal(lab.model.getCall(callId)?.lastRedirected, '1001');
  const end = lab.events.at(-1);
  assert.equal(end?.type === 'CiscoTransferEndEv' ? end.otherCallId : 'missing', null);
});

test('single-step transfer to the network and to a route point', () => {
  const lab = callLab();
  const toPstn = talkingAtA(lab);
  let mark = lab.events.length;
  lab.model.transfer(toPstn, { dest: PSTN, controller: 'SEP_A' });
  assert.deepEqual(lab.since(mark).slice(1, -1), [...ev.leaves('1001', ['SEP_A']), ...ev.networkCalled(PSTN)]);
  assert.deepEqual(lab.parties(toPstn), [`${CUSTOMER} ESTABLISHED`, `${PSTN} ESTABLISHED`]);

  const toQueue = talkingAtA(lab);
  mark = lab.events.length;
  lab.model.transfer(toQueue, { dest: '7001' });
  assert.deepEqual(lab.since(mark).slice(1, -1), [...ev.leaves('1001', ['SEP_A']), ...ev.offered('7001')]);
});

interface Refusal { name: string; act: (lab: CallLab) => unknown; error: TelephonyErrorKind }

const refusals: Refusal[] = [
  {
    name: 'consultative, the controller HELD on both calls (no TALKING controller)',
    act: (lab) => { const { callId, consultId } = consultedB(lab); lab.model.hold(consultId, 'SEP_A'); return () => lab.model.transfer(callId, { otherCallId: consultId }); },
    error: 'InvalidState',
  },
  {
    name: 'consultative, the consulted party FAILED',
    act: (lab) => { const callId = talkingAtA(lab); const consultId = lab.model.consult(callId, 'SEP_A', '1099').id; return () => lab.model.transfer(callId, { otherCallId: consultId }); },
    error: 'InvalidState',
  },
  {
    name: 'consultative, two calls with no terminal in common',
    act: (lab) => { const one = talkingAtA(lab); const two = inbound(lab, '1002'); lab.model.answer(two, 'SEP_B'); return () => lab.model.transfer(one, { otherCallId: two }); },
    error: 'InvalidParty',
  },
  {
    name: 'consultative, a named controller missing from one call',
    act: (lab) => { const { callId, consultId } = consultedB(lab); return () => lab.model.transfer(callId, { otherCallId: consultId, controller: 'SEP_C' }); },
    error: 'InvalidParty',
  },
  {
    name: 'consultative, a call with itself',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.transfer(callId, { otherCallId: callId }); },
    error: 'InvalidArgument',
  },
  {
    name: 'consultative, an unknown other call',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.transfer(callId, { otherCallId: 'c-9' }); },
    error: 'InvalidArgument',
  },
  {
    name: 'single-step from a HELD controller',
    act: (lab) => { const callId = talkingAtA(lab); lab.model.hold(callId, 'SEP_A'); return () => lab.model.transfer(callId, { dest: '1002' }); },
    error: 'InvalidState',
  },
  {
    name: 'single-step with nobody TALKING (still ringing)',
    act: (lab) => { const callId = inbound(lab, '1001'); return () => lab.model.transfer(callId, { dest: '1002' }); },
    error: 'InvalidState',
  },
  {
    name: 'single-step to a busy CTI port',
    act: (lab) => { const callId = talkingAtA(lab); inbound(lab, '8001'); return () => lab.model.transfer(callId, { dest: '8001' }); },
    error: 'ResourceUnavailable',
  },
  {
    name: 'single-step to an unregistered phone',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.transfer(callId, { dest: '1099' }); },
    error: 'InvalidParty',
  },
  {
    name: 'single-step to a party of the call',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.transfer(callId, { dest: CUSTOMER }); },
    error: 'InvalidParty',
  },
  {
    name: 'single-step naming a controller not in the call',
    act: (lab) => { const callId = talkingAtA(lab); return () => lab.model.transfer(callId, { dest: '1002', controller: 'SEP_B' }); },
    error: 'InvalidParty',
  },
];

for (const r of refusals) {
  test(`transfer refused: ${r.name} → ${r.error}, nothing changes`, () => {
    const lab = callLab();
    const attempt = r.act(lab);
    assert.equal(typeof attempt, 'function');
    assertRefused(lab, attempt as () => unknown, r.error);
  });
}
