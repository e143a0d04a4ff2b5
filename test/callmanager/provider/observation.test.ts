// A session receives the events of the calls at the addresses and terminals it observes, as a JTAPI
// CallObserver does: the whole call while an observed party is in it, nothing of other calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOMER, inbound, talkingAtA } from '../../support/call-lab.ts';
import { assertOk, providerLab, record } from '../../support/provider-lab.ts';

test('an observer of an agent line sees its calls from the moment they reach it, to the end', async () => {
  const lab = providerLab();
  const session = await lab.open();
  assertOk(session.observe({ addresses: ['1001'] }));
  const seen = record(session);
  inbound(lab, '1002');                       // never reaches 1001
  const callId = inbound(lab, '7001');        // at the route point: not yet ours
  assert.deepEqual(seen, []);
  lab.model.redirect(callId, '7001', '1001');
  lab.model.answer(callId, 'SEP_A');
  lab.model.disconnect(callId, CUSTOMER);
  assert.deepEqual(seen, [
    `${callId} ConnCreatedEv 1001`, `${callId} ConnInProgressEv 1001`, `${callId} CallCtlConnOfferedEv 1001`,
    `${callId} ConnAlertingEv 1001`, `${callId} CallCtlConnAlertingEv 1001`, `${callId} TermConnCreatedEv 1001 SEP_A`,
    `${callId} TermConnRingingEv 1001 SEP_A`, `${callId} CallCtlTermConnRingingEv 1001 SEP_A`,
    `${callId} ConnConnectedEv 1001`, `${callId} CallCtlConnEstablishedEv 1001`, `${callId} TermConnActiveEv 1001 SEP_A`,
    `${callId} CallCtlTermConnTalkingEv 1001 SEP_A`,
    `${callId} ConnDisconnectedEv ${CUSTOMER}`, `${callId} CallCtlConnDisconnectedEv ${CUSTOMER}`,
    `${callId} TermConnDroppedEv 1001 SEP_A`, `${callId} CallCtlTermConnDroppedEv 1001 SEP_A`,
    `${callId} ConnDisconnectedEv 1001`, `${callId} CallCtlConnDisconnectedEv 1001`, `${callId} CallInvalidEv`,
  ]);
});

test('observing a line in the middle of its call: the call is followed from then on, the far end and its end too', async () => {
  const lab = providerLab();
  const callId = talkingAtA(lab);              // already up at 1001 when the session starts to observe it
  const session = await lab.open();
  assertOk(session.observe({ addresses: ['1001'] }));
  const seen = record(session);
  lab.model.disconnect(callId, CUSTOMER);      // the customer hangs up: its first events are not at 1001
  assert.deepEqual(seen, [
    `${callId} ConnDisconnectedEv ${CUSTOMER}`, `${callId} CallCtlConnDisconnectedEv ${CUSTOMER}`,
    `${callId} TermConnDroppedEv 1001 SEP_A`, `${callId} CallCtlTermConnDroppedEv 1001 SEP_A`,
    `${callId} ConnDisconnectedEv 1001`, `${callId} CallCtlConnDisconnectedEv 1001`, `${callId} CallInvalidEv`,
  ]);
});

test('observing a terminal starts with the calls already on it; other calls stay unseen', async () => {
  const lab = providerLab();
  const onA = talkingAtA(lab);
  const elsewhere = inbound(lab, '1003');
  const session = await lab.open();
  assertOk(session.observe({ terminals: ['SEP_A'] }));
  const seen = record(session);
  lab.model.drop(elsewhere);
  lab.model.drop(onA);
  assert.ok(seen.length > 0 && seen.every((line) => line.startsWith(`${onA} `)), seen.join('\n'));
  assert.ok(seen.includes(`${onA} CallCtlConnDisconnectedEv ${CUSTOMER}`));
  assert.equal(seen.at(-1), `${onA} CallInvalidEv`);
});

test('an observer of a route point sees the call arrive, and stops once it has been routed away', async () => {
  const lab = providerLab();
  const session = await lab.open();
  assertOk(session.observe({ addresses: ['7001'] }));
  const seen = record(session);
  const callId = inbound(lab, '7001');
  lab.model.redirect(callId, '7001', '1002');
  lab.model.answer(callId, 'SEP_B');
  lab.model.setCallData(callId, { callVariable1: 'x' });
  assert.deepEqual(seen.map((line) => line.slice(callId.length + 1)), [
    'CallActiveEv', `ConnCreatedEv ${CUSTOMER}`, `ConnConnectedEv ${CUSTOMER}`, `CallCtlConnEstablishedEv ${CUSTOMER}`,
    'ConnCreatedEv 7001', 'ConnInProgressEv 7001', 'CallCtlConnOfferedEv 7001',
    'ConnDisconnectedEv 7001', 'CallCtlConnDisconnectedEv 7001',
  ]);
});

test('an observer of a terminal sees only the calls on that device, all their events', async () => {
  const lab = providerLab();
  const session = await lab.open();
  assertOk(session.observe({ terminals: ['SEP_B'] }));
  const seen = record(session);
  talkingAtA(lab);                                       // c-1, not on SEP_B
  const callId = lab.model.originate({ fromTerminal: 'SEP_B', to: '1003' }).id;
  lab.model.setCallData(callId, { callVariable2: 'y' });
  lab.model.drop(callId);
  assert.ok(seen.length > 0);
  assert.ok(seen.every((line) => line.startsWith(`${callId} `)));
  assert.equal(seen[0], `${callId} CallActiveEv`);
  assert.ok(seen.includes(`${callId} ConnCreatedEv 1003`));          // the far end's events too
  assert.ok(seen.includes(`${callId} CiscoCallDataChangedEv`));
  assert.equal(seen.at(-1), `${callId} CallInvalidEv`);
});

test('sessions filter independently; an unsubscribed listener and a shut-down session get nothing', async () => {
  const lab = providerLab();
  const rmcm = await lab.open('rmcm');
  const other = await lab.open('other');
  assertOk(rmcm.observe({ addresses: ['1001'] }));
  assertOk(other.observe({ addresses: ['1003'] }));
  const seenByRmcm = record(rmcm);
  const seenByOther = record(other);
  const late: string[] = [];
  const stop = rmcm.onEvent((e) => late.push(e.type));
  stop();
  inbound(lab, '1001');
  inbound(lab, '1003');
  assert.ok(seenByRmcm.length > 0 && seenByRmcm.every((line) => line.startsWith('c-1 ')));
  assert.ok(seenByOther.length > 0 && seenByOther.every((line) => line.startsWith('c-2 ')));
  assert.deepEqual(late, []);
  rmcm.shutdown();
  const before = seenByRmcm.length;
  inbound(lab, '1001');
  assert.equal(seenByRmcm.length, before);
});

test('DTMF reaches the observer of the CTI port that hears it', async () => {
  const lab = providerLab();
  const ivr = await lab.open();
  assertOk(ivr.registerMediaTerminal({ device: 'PORT_1' }));
  const digits: string[] = [];
  ivr.onEvent((e) => { if (e.type === 'MediaTermConnDtmfEv') digits.push(`${e.terminal} ${e.digit}`); });
  const callId = inbound(lab, '8001');
  assertOk(ivr.accept({ callId, address: '8001' }));
  assertOk(ivr.answer({ callId, terminal: 'PORT_1' }));
  lab.model.sendDtmf(callId, CUSTOMER, '42#');
  assert.deepEqual(digits, ['PORT_1 4', 'PORT_1 2', 'PORT_1 #']);
});
