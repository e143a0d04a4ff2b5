import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProviderSession, Reply, ReplyWith } from '../../../src/callmanager/provider/types.ts';
import type { TelephonyErrorKind } from '../../../src/callmanager/calls/types.ts';
import { CUSTOMER, inbound, talkingAtA } from '../../support/call-lab.ts';
import { assertError, assertOk, providerLab, type ProviderLab } from '../../support/provider-lab.ts';

test('an inbound call driven through the provider: route, ring, answer, hold, consult, transfer, hang up', async () => {
  const lab = providerLab();
  const engine = await lab.open();
  assertOk(engine.registerRoutePoint({ device: 'RP_7001' }));
  const callId = inbound(lab, '7001');
  assertOk(engine.routeSelect({ callId, address: '7001', routes: ['1099', '8001', '1001'] }));
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '8001 OFFERED']); // 1099 unregistered: next route
  assertOk(engine.redirect({ callId, address: '8001', dest: '1001' }));
  assertOk(engine.answer({ callId, terminal: 'SEP_A' }));
  assertOk(engine.hold({ callId, terminal: 'SEP_A' }));
  assertOk(engine.unhold({ callId, terminal: 'SEP_A' }));
  const consult = engine.consult({ callId, terminal: 'SEP_A', dest: '1002' });
  assert.ok(consult.ok);
  assert.deepEqual(consult.value.connections.map((c) => c.ccState), ['ESTABLISHED', 'ALERTING']);
  assertOk(engine.answer({ callId: consult.value.id, terminal: 'SEP_B' }));
  assertOk(engine.transfer({ callId, terminal: 'SEP_A', otherCallId: consult.value.id }));
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1002 ESTABLISHED SEP_B:TALKING']);
  assertOk(engine.setCallData({ callId, callVariables: { callVariable1: 'wrapped' } }));
  const seen = engine.getCall({ callId });
  assert.ok(seen.ok);
  assert.deepEqual(seen.value.callVariables, { callVariable1: 'wrapped' });
  assertOk(engine.disconnect({ callId, address: '1002' }));
  assert.equal(lab.model.size, 0);
});

test('single-step transfer, conference, accept, drop and endRoute through the provider', async () => {
  const lab = providerLab();
  const engine = await lab.open();
  const blind = talkingAtA(lab);
  assertOk(engine.transfer({ callId: blind, terminal: 'SEP_A', dest: '1002' }));
  assert.equal(lab.model.getCall(blind)?.connections[1]?.address, '1002');
  assertOk(engine.drop({ callId: blind }));

  const three = talkingAtA(lab);
  const consult = engine.consult({ callId: three, terminal: 'SEP_A', dest: '1002' });
  assert.ok(consult.ok);
  assertOk(engine.answer({ callId: consult.value.id, terminal: 'SEP_B' }));
  assertOk(engine.conference({ callId: three, terminal: 'SEP_A', otherCallId: consult.value.id }));
  assert.equal(lab.model.getCall(three)?.connections.length, 3);

  const queued = inbound(lab, '8001');
  assertOk(engine.accept({ callId: queued, address: '8001' }));
  const routed = inbound(lab, '7001');
  assertOk(engine.endRoute({ callId: routed, address: '7001' }));
  assert.equal(lab.model.getCall(routed), undefined);
});

test('connect places a call from a controlled phone; sendDtmf sends digits from its line', async () => {
  const lab = providerLab();
  const engine = await lab.open();
  const placed = engine.connect({ terminal: 'SEP_A', dest: '+14155550177' });
  assert.ok(placed.ok);
  const callId = placed.value.id;
  assert.deepEqual(lab.parties(callId), ['1001 ESTABLISHED SEP_A:TALKING', '+14155550177 ESTABLISHED']);
  const mark = lab.events.length;
  assertOk(engine.sendDtmf({ callId, address: '1001', digits: '4#' }));
  assert.deepEqual(lab.since(mark), ['MediaTermConnDtmfEv 1001 4', 'MediaTermConnDtmfEv 1001 #']);
  const internal = engine.connect({ terminal: 'SEP_B', address: '1002', dest: '1001' });
  assert.ok(internal.ok);
  assert.deepEqual(lab.parties(internal.value.id), ['1002 ESTABLISHED SEP_B:TALKING', '1001 ALERTING SEP_A:RINGING']);
});

type Setup = (lab: ProviderLab) => string;
type Request = (session: ProviderSession, callId: string) => Reply | ReplyWith<unknown>;
const ringingAtC: Setup = (lab) => inbound(lab, '1003');
const atRoutePoint: Setup = (lab) => inbound(lab, '7001');
const none: Setup = () => '';
const ringingAtA: Setup = (lab) => inbound(lab, '1001');

// rmcm controls RP_7001, PORT_1, PORT_2, SEP_A, SEP_B; not SEP_C nor the customer's number.
const refusals: { name: string; setup: Setup; act: Request; error: TelephonyErrorKind }[] = [
  { name: 'answer at a phone of another user', setup: ringingAtC, act: (s, c) => s.answer({ callId: c, terminal: 'SEP_C' }), error: 'PrivilegeViolation' },
  { name: 'hold at a phone of another user', setup: talkingAtA, act: (s, c) => s.hold({ callId: c, terminal: 'SEP_C' }), error: 'PrivilegeViolation' },
  { name: 'disconnect the customer', setup: talkingAtA, act: (s, c) => s.disconnect({ callId: c, address: CUSTOMER }), error: 'PrivilegeViolation' },
  { name: 'redirect from a line of another user', setup: ringingAtC, act: (s, c) => s.redirect({ callId: c, address: '1003', dest: '1001' }), error: 'PrivilegeViolation' },
  { name: 'consult from a phone of another user', setup: talkingAtA, act: (s, c) => s.consult({ callId: c, terminal: 'SEP_C', dest: '1002' }), error: 'PrivilegeViolation' },
  { name: 'transfer with a controller of another user', setup: talkingAtA, act: (s, c) => s.transfer({ callId: c, terminal: 'SEP_C', dest: '1002' }), error: 'PrivilegeViolation' },
  { name: 'drop a call with no party on its devices', setup: ringingAtC, act: (s, c) => s.drop({ callId: c }), error: 'PrivilegeViolation' },
  { name: 'getCall of a call with no party on its devices', setup: ringingAtC, act: (s, c) => s.getCall({ callId: c }), error: 'PrivilegeViolation' },
  { name: 'setCallData on a call with no party on its devices', setup: ringingAtC, act: (s, c) => s.setCallData({ callId: c, callVariables: {} }), error: 'PrivilegeViolation' },
  { name: 'connect from a phone of another user', setup: none, act: (s) => s.connect({ terminal: 'SEP_C', dest: '1001' }), error: 'PrivilegeViolation' },
  { name: 'connect from a line the phone does not carry', setup: none, act: (s) => s.connect({ terminal: 'SEP_A', address: '1003', dest: '1002' }), error: 'PrivilegeViolation' },
  { name: 'connect to its own line', setup: none, act: (s) => s.connect({ terminal: 'SEP_A', dest: '1001' }), error: 'InvalidParty' },
  { name: 'sendDtmf from the customer', setup: talkingAtA, act: (s, c) => s.sendDtmf({ callId: c, address: CUSTOMER, digits: '1' }), error: 'PrivilegeViolation' },
  { name: 'sendDtmf on a call still ringing', setup: ringingAtA, act: (s, c) => s.sendDtmf({ callId: c, address: '1001', digits: '1' }), error: 'InvalidState' },
  { name: 'sendDtmf with a letter that is no DTMF digit', setup: talkingAtA, act: (s, c) => s.sendDtmf({ callId: c, address: '1001', digits: '1x' }), error: 'InvalidArgument' },
  { name: 'observe an address of another user', setup: none, act: (s) => s.observe({ addresses: ['7001', '1003'] }), error: 'PrivilegeViolation' },
  { name: 'observe a terminal of another user', setup: none, act: (s) => s.observe({ terminals: ['SEP_C'] }), error: 'PrivilegeViolation' },
  { name: 'answer a call that is not ringing', setup: talkingAtA, act: (s, c) => s.answer({ callId: c, terminal: 'SEP_A' }), error: 'InvalidState' },
  { name: 'accept on an unknown call', setup: none, act: (s) => s.accept({ callId: 'c-9', address: '7001' }), error: 'InvalidArgument' },
  { name: 'drop an unknown call', setup: none, act: (s) => s.drop({ callId: 'c-9' }), error: 'InvalidArgument' },
  { name: 'routeSelect with no routes', setup: atRoutePoint, act: (s, c) => s.routeSelect({ callId: c, address: '7001', routes: [] }), error: 'InvalidArgument' },
  { name: 'routeSelect where no route takes the call', setup: atRoutePoint, act: (s, c) => s.routeSelect({ callId: c, address: '7001', routes: ['1099', '8002'] }), error: 'InvalidParty' },
  { name: 'routeSelect on a call not offered', setup: talkingAtA, act: (s, c) => s.routeSelect({ callId: c, address: '1001', routes: ['1002'] }), error: 'InvalidState' },
];

for (const r of refusals) {
  test(`refused: ${r.name} → ${r.error}, the calls unchanged`, async () => {
    const lab = providerLab();
    const session = await lab.open();
    const callId = r.setup(lab);
    const calls = lab.model.listCalls();
    const events = lab.events.length;
    assertError(r.act(session, callId), r.error);
    assert.deepEqual(lab.model.listCalls(), calls);
    assert.equal(lab.events.length, events);
  });
}
