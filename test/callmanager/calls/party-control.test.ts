// Every party operation from every state it meets in a contact center: the legal ones with their exact events
// and resulting parties, the rest refused with their JTAPI exception and no trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelephonyErrorKind } from '../../../src/callmanager/calls/types.ts';
import { assertRefused, callLab, CUSTOMER, ev, inbound, PSTN, talkingAtA, type CallLab } from '../../support/call-lab.ts';

// The states a call meets, each reached the way a contact center reaches it; each returns the call id.
const states = {
  offeredAtRoutePoint: (lab: CallLab) => inbound(lab, '7001'),
  offeredAtPort: (lab: CallLab) => inbound(lab, '8001'),
  alertingAtPort: (lab: CallLab) => { const id = inbound(lab, '8001'); lab.model.accept(id, '8001'); return id; },
  ringingAtA: (lab: CallLab) => inbound(lab, '1001'),
  ringingOnSharedLine: (lab: CallLab) => inbound(lab, '1010'),
  talkingOnSharedLine: (lab: CallLab) => { const id = inbound(lab, '1010'); lab.model.answer(id, 'SEP_S2'); return id; },
  talkingAtA,
  heldAtA: (lab: CallLab) => { const id = talkingAtA(lab); lab.model.hold(id, 'SEP_A'); return id; },
  failedAtPort2: (lab: CallLab) => inbound(lab, '8002'),
} satisfies Record<string, (lab: CallLab) => string>;
type StateName = keyof typeof states;

type Case = {
  name: string;
  state: StateName;
  prepare?: (lab: CallLab, callId: string) => void;   // more set-up, after the state is reached
  act: (lab: CallLab, callId: string) => void;
} & (
  | { events: string[]; parties: string[]; check?: (lab: CallLab, callId: string) => void }
  | { error: TelephonyErrorKind });

const ended: string[] = [];

const cases: Case[] = [
  // accept: OFFERED → ALERTING
  { name: 'accept at a route point', state: 'offeredAtRoutePoint', act: (l, c) => l.model.accept(c, '7001'),
    events: ev.alerting('7001', ['RP_7001']), parties: [`${CUSTOMER} ESTABLISHED`, '7001 ALERTING RP_7001:RINGING'] },
  { name: 'accept at a CTI port', state: 'offeredAtPort', act: (l, c) => l.model.accept(c, '8001'),
    events: ev.alerting('8001', ['PORT_1']), parties: [`${CUSTOMER} ESTABLISHED`, '8001 ALERTING PORT_1:RINGING'] },
  { name: 'accept when ALERTING', state: 'alertingAtPort', act: (l, c) => l.model.accept(c, '8001'), error: 'InvalidState' },
  { name: 'accept a ringing phone', state: 'ringingAtA', act: (l, c) => l.model.accept(c, '1001'), error: 'InvalidState' },
  { name: 'accept when ESTABLISHED', state: 'talkingAtA', act: (l, c) => l.model.accept(c, '1001'), error: 'InvalidState' },
  { name: 'accept the caller', state: 'offeredAtRoutePoint', act: (l, c) => l.model.accept(c, CUSTOMER), error: 'InvalidState' },
  { name: 'accept a FAILED connection', state: 'failedAtPort2', act: (l, c) => l.model.accept(c, '8002'), error: 'InvalidState' },
  { name: 'accept at an address not in the call', state: 'offeredAtRoutePoint', act: (l, c) => l.model.accept(c, '8001'), error: 'InvalidParty' },
  { name: 'accept on an unknown call', state: 'offeredAtRoutePoint', act: (l) => l.model.accept('c-9', '7001'), error: 'InvalidArgument' },

  // reject: OFFERED → DISCONNECTED; the caller alone is released
  { name: 'reject at a route point', state: 'offeredAtRoutePoint', act: (l, c) => l.model.reject(c, '7001'),
    events: [...ev.leaves('7001'), ...ev.leaves(CUSTOMER), ...ev.callInvalid], parties: ended },
  { name: 'reject when ALERTING', state: 'alertingAtPort', act: (l, c) => l.model.reject(c, '8001'), error: 'InvalidState' },
  { name: 'reject when ESTABLISHED', state: 'talkingAtA', act: (l, c) => l.model.reject(c, '1001'), error: 'InvalidState' },

  // redirect: OFFERED or ALERTING → DISCONNECTED, a new connection at dest
  { name: 'redirect from a route point to a phone', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, '7001', '1001'),
    events: [...ev.leaves('7001'), ...ev.offered('1001'), ...ev.alerting('1001', ['SEP_A'])],
    parties: [`${CUSTOMER} ESTABLISHED`, '1001 ALERTING SEP_A:RINGING'],
    check: (l, c) => {
      const call = l.model.getCall(c);
      assert.equal(call?.lastRedirected, '7001');
      assert.equal(call?.called, '1001');
      assert.equal(l.events.at(-1)?.lastRedirected, '7001');
    } },
  { name: 'redirect from a route point to a CTI port', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, '7001', '8001'),
    events: [...ev.leaves('7001'), ...ev.offered('8001')], parties: [`${CUSTOMER} ESTABLISHED`, '8001 OFFERED'] },
  { name: 'redirect from a route point to the network', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, '7001', PSTN),
    events: [...ev.leaves('7001'), ...ev.networkCalled(PSTN)], parties: [`${CUSTOMER} ESTABLISHED`, `${PSTN} ESTABLISHED`] },
  { name: 'redirect a ringing phone to another (ring no answer)', state: 'ringingAtA', act: (l, c) => l.model.redirect(c, '1001', '1002'),
    events: [...ev.leaves('1001', ['SEP_A']), ...ev.offered('1002'), ...ev.alerting('1002', ['SEP_B'])],
    parties: [`${CUSTOMER} ESTABLISHED`, '1002 ALERTING SEP_B:RINGING'] },
  { name: 'redirect from an alerting CTI port back to the route point', state: 'alertingAtPort', act: (l, c) => l.model.redirect(c, '8001', '7001'),
    events: [...ev.leaves('8001', ['PORT_1']), ...ev.offered('7001')], parties: [`${CUSTOMER} ESTABLISHED`, '7001 OFFERED'] },
  { name: 'redirect when ESTABLISHED', state: 'talkingAtA', act: (l, c) => l.model.redirect(c, '1001', '1002'), error: 'InvalidState' },
  { name: 'redirect the caller', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, CUSTOMER, '1002'), error: 'InvalidState' },
  { name: 'redirect to a busy CTI port', state: 'offeredAtRoutePoint', prepare: (l) => { inbound(l, '8001'); },
    act: (l, c) => l.model.redirect(c, '7001', '8001'), error: 'ResourceUnavailable' },
  { name: 'redirect to an unregistered phone', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, '7001', '1099'), error: 'InvalidParty' },
  { name: 'redirect to a party of the call', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, '7001', CUSTOMER), error: 'InvalidParty' },
  { name: 'redirect to nothing', state: 'offeredAtRoutePoint', act: (l, c) => l.model.redirect(c, '7001', ''), error: 'InvalidArgument' },

  // answer: RINGING → TALKING, the connection ESTABLISHED
  { name: 'answer a ringing phone', state: 'ringingAtA', act: (l, c) => l.model.answer(c, 'SEP_A'),
    events: ev.answered('1001', 'SEP_A'), parties: [`${CUSTOMER} ESTABLISHED`, '1001 ESTABLISHED SEP_A:TALKING'] },
  { name: 'answer on a shared line: the other device goes BRIDGED', state: 'ringingOnSharedLine', act: (l, c) => l.model.answer(c, 'SEP_S2'),
    events: ev.answered('1010', 'SEP_S2', ['SEP_S1']), parties: [`${CUSTOMER} ESTABLISHED`, '1010 ESTABLISHED SEP_S1:BRIDGED SEP_S2:TALKING'] },
  { name: 'answer at an accepted CTI port', state: 'alertingAtPort', act: (l, c) => l.model.answer(c, 'PORT_1'),
    events: ev.answered('8001', 'PORT_1'), parties: [`${CUSTOMER} ESTABLISHED`, '8001 ESTABLISHED PORT_1:TALKING'] },
  { name: 'answer at a CTI port not yet accepted', state: 'offeredAtPort', act: (l, c) => l.model.answer(c, 'PORT_1'), error: 'InvalidState' },
  { name: 'answer when TALKING', state: 'talkingAtA', act: (l, c) => l.model.answer(c, 'SEP_A'), error: 'InvalidState' },
  { name: 'answer when HELD', state: 'heldAtA', act: (l, c) => l.model.answer(c, 'SEP_A'), error: 'InvalidState' },
  { name: 'answer when BRIDGED', state: 'talkingOnSharedLine', act: (l, c) => l.model.answer(c, 'SEP_S1'), error: 'InvalidState' },
  { name: 'answer at a terminal not in the call', state: 'ringingAtA', act: (l, c) => l.model.answer(c, 'SEP_B'), error: 'InvalidParty' },

  // hold / unhold: TALKING ↔ HELD, the connection stays ESTABLISHED
  { name: 'hold when TALKING', state: 'talkingAtA', act: (l, c) => l.model.hold(c, 'SEP_A'),
    events: ['CallCtlTermConnHeldEv 1001 SEP_A'], parties: [`${CUSTOMER} ESTABLISHED`, '1001 ESTABLISHED SEP_A:HELD'] },
  { name: 'hold when HELD', state: 'heldAtA', act: (l, c) => l.model.hold(c, 'SEP_A'), error: 'InvalidState' },
  { name: 'hold when RINGING', state: 'ringingAtA', act: (l, c) => l.model.hold(c, 'SEP_A'), error: 'InvalidState' },
  { name: 'hold when BRIDGED', state: 'talkingOnSharedLine', act: (l, c) => l.model.hold(c, 'SEP_S1'), error: 'InvalidState' },
  { name: 'unhold when HELD', state: 'heldAtA', act: (l, c) => l.model.unhold(c, 'SEP_A'),
    events: ['CallCtlTermConnTalkingEv 1001 SEP_A'], parties: [`${CUSTOMER} ESTABLISHED`, '1001 ESTABLISHED SEP_A:TALKING'] },
  { name: 'unhold when TALKING', state: 'talkingAtA', act: (l, c) => l.model.unhold(c, 'SEP_A'), error: 'InvalidState' },
  { name: 'unhold when RINGING', state: 'ringingAtA', act: (l, c) => l.model.unhold(c, 'SEP_A'), error: 'InvalidState' },

  // disconnect: one party leaves; one party left ends the call, an unanswered party is CALL_CANCELLED
  { name: 'disconnect the caller while offered at the route point (abandon)', state: 'offeredAtRoutePoint',
    act: (l, c) => l.model.disconnect(c, CUSTOMER),
    events: [...ev.leaves(CUSTOMER), ...ev.leaves('7001'), ...ev.callInvalid], parties: ended,
    check: (l) => assert.deepEqual(l.events.slice(-3).map((e) => e.cause), ['CALL_CANCELLED', 'CALL_CANCELLED', 'NORMAL']) },
  { name: 'disconnect the caller while a phone rings', state: 'ringingAtA', act: (l, c) => l.model.disconnect(c, CUSTOMER),
    events: [...ev.leaves(CUSTOMER), ...ev.leaves('1001', ['SEP_A']), ...ev.callInvalid], parties: ended },
  { name: 'disconnect the agent while talking', state: 'talkingAtA', act: (l, c) => l.model.disconnect(c, '1001'),
    events: [...ev.leaves('1001', ['SEP_A']), ...ev.leaves(CUSTOMER), ...ev.callInvalid], parties: ended,
    check: (l) => assert.ok(l.events.slice(-7).every((e) => e.cause === 'NORMAL')) },
  { name: 'disconnect the caller while held', state: 'heldAtA', act: (l, c) => l.model.disconnect(c, CUSTOMER),
    events: [...ev.leaves(CUSTOMER), ...ev.leaves('1001', ['SEP_A']), ...ev.callInvalid], parties: ended },
  { name: 'disconnect a caller who hears busy', state: 'failedAtPort2', act: (l, c) => l.model.disconnect(c, CUSTOMER),
    events: [...ev.leaves(CUSTOMER), ...ev.leaves('8002'), ...ev.callInvalid], parties: ended },
  { name: 'disconnect on a shared line drops every device', state: 'talkingOnSharedLine', act: (l, c) => l.model.disconnect(c, '1010'),
    events: [...ev.leaves('1010', ['SEP_S1', 'SEP_S2']), ...ev.leaves(CUSTOMER), ...ev.callInvalid], parties: ended },
  { name: 'disconnect an address not in the call', state: 'talkingAtA', act: (l, c) => l.model.disconnect(c, '1002'), error: 'InvalidParty' },
  { name: 'disconnect on an ended call', state: 'talkingAtA', prepare: (l, c) => l.model.drop(c),
    act: (l, c) => l.model.disconnect(c, '1001'), error: 'InvalidArgument' },

  // drop: every connection ends
  { name: 'drop a talking call', state: 'talkingAtA', act: (l, c) => l.model.drop(c),
    events: [...ev.leaves(CUSTOMER), ...ev.leaves('1001', ['SEP_A']), ...ev.callInvalid], parties: ended },
  { name: 'drop a call offered at the route point', state: 'offeredAtRoutePoint', act: (l, c) => l.model.drop(c),
    events: [...ev.leaves(CUSTOMER), ...ev.leaves('7001'), ...ev.callInvalid], parties: ended },
  { name: 'drop an unknown call', state: 'talkingAtA', act: (l) => l.model.drop('c-9'), error: 'InvalidArgument' },
];

for (const c of cases) {
  const outcome = 'error' in c ? `refused (${c.error})` : 'legal';
  test(`${c.name} [${c.state}]: ${outcome}`, () => {
    const lab = callLab();
    const callId = states[c.state](lab);
    c.prepare?.(lab, callId);
    if ('error' in c) return assertRefused(lab, () => c.act(lab, callId), c.error);
    const mark = lab.events.length;
    c.act(lab, callId);
    assert.deepEqual(lab.since(mark), c.events);
    assert.deepEqual(lab.parties(callId), c.parties);
    if (c.parties === ended) assert.equal(lab.model.getCall(callId), undefined);
    c.check?.(lab, callId);
  });
}
