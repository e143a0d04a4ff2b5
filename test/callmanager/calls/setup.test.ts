import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelephonyErrorKind } from '../../../src/callmanager/calls/types.ts';
import { assertRefused, callLab, CUSTOMER, ev, inbound, PSTN, talkingAtA, type CallLab } from '../../support/call-lab.ts';

test('a basic call A→B raises the §1.5 sequence, in order', () => {
  const lab = callLab();
  const call = lab.model.originate({ fromTerminal: 'SEP_A', to: '1002' });
  lab.model.answer(call.id, 'SEP_B');
  assert.deepEqual(lab.since(0), [
    'CallActiveEv',
    'ConnCreatedEv 1001', 'ConnConnectedEv 1001', 'CallCtlConnInitiatedEv 1001', 'TermConnCreatedEv 1001 SEP_A',
    'TermConnActiveEv 1001 SEP_A', 'CallCtlTermConnTalkingEv 1001 SEP_A', 'CallCtlConnDialingEv 1001',
    'CallCtlConnEstablishedEv 1001',
    'ConnCreatedEv 1002', 'ConnInProgressEv 1002', 'CallCtlConnOfferedEv 1002', 'ConnAlertingEv 1002',
    'CallCtlConnAlertingEv 1002', 'TermConnCreatedEv 1002 SEP_B', 'TermConnRingingEv 1002 SEP_B',
    'CallCtlTermConnRingingEv 1002 SEP_B',
    'ConnConnectedEv 1002', 'CallCtlConnEstablishedEv 1002', 'TermConnActiveEv 1002 SEP_B', 'CallCtlTermConnTalkingEv 1002 SEP_B',
  ]);
  assert.deepEqual(lab.parties(call.id), ['1001 ESTABLISHED SEP_A:TALKING', '1002 ESTABLISHED SEP_B:TALKING']);
  assert.deepEqual(lab.events.map((e) => e.seq), lab.events.map((_, i) => i + 1));
});

interface Legal {
  name: string;
  prepare?: (lab: CallLab) => void;
  act: (lab: CallLab) => string;   // returns the call id
  events: string[];
  parties: string[];
  cause?: string;                  // cause of the last event
}

const inboundCases: Legal[] = [
  {
    name: 'to a route point nobody registered: OFFERED there',
    act: (lab) => inbound(lab, '7001'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.offered('7001')],
    parties: [`${CUSTOMER} ESTABLISHED`, '7001 OFFERED'],
    cause: 'NEW_CALL',
  },
  {
    name: 'to a phone: OFFERED, then ALERTING with the phone RINGING',
    act: (lab) => inbound(lab, '1001'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.offered('1001'), ...ev.alerting('1001', ['SEP_A'])],
    parties: [`${CUSTOMER} ESTABLISHED`, '1001 ALERTING SEP_A:RINGING'],
  },
  {
    name: 'to a registered CTI port: OFFERED until the application accepts',
    act: (lab) => inbound(lab, '8001'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.offered('8001')],
    parties: [`${CUSTOMER} ESTABLISHED`, '8001 OFFERED'],
  },
  {
    name: 'to an unregistered CTI port: FAILED, DEST_NOT_OBTAINABLE',
    act: (lab) => inbound(lab, '8002'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.failed('8002')],
    parties: [`${CUSTOMER} ESTABLISHED`, '8002 FAILED'],
    cause: 'DEST_NOT_OBTAINABLE',
  },
  {
    name: 'to an unregistered phone: FAILED, DEST_NOT_OBTAINABLE',
    act: (lab) => inbound(lab, '1099'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.failed('1099')],
    parties: [`${CUSTOMER} ESTABLISHED`, '1099 FAILED'],
    cause: 'DEST_NOT_OBTAINABLE',
  },
  {
    name: 'to a shared line: every device RINGING',
    act: (lab) => inbound(lab, '1010'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.offered('1010'), ...ev.alerting('1010', ['SEP_S1', 'SEP_S2'])],
    parties: [`${CUSTOMER} ESTABLISHED`, '1010 ALERTING SEP_S1:RINGING SEP_S2:RINGING'],
  },
  {
    name: 'to a phone at its busy trigger (2): FAILED, RESOURCES_NOT_AVAILABLE',
    prepare: (lab) => { inbound(lab, '1001'); inbound(lab, '1001'); },
    act: (lab) => inbound(lab, '1001'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.failed('1001')],
    parties: [`${CUSTOMER} ESTABLISHED`, '1001 FAILED'],
    cause: 'RESOURCES_NOT_AVAILABLE',
  },
  {
    name: 'to a CTI port holding its one call: FAILED, RESOURCES_NOT_AVAILABLE',
    prepare: (lab) => { inbound(lab, '8001'); },
    act: (lab) => inbound(lab, '8001'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.failed('8001')],
    parties: [`${CUSTOMER} ESTABLISHED`, '8001 FAILED'],
    cause: 'RESOURCES_NOT_AVAILABLE',
  },
  {
    name: 'to a phone whose earlier calls ended: the line is free again',
    prepare: (lab) => { lab.model.drop(inbound(lab, '1001')); lab.model.drop(inbound(lab, '1001')); },
    act: (lab) => inbound(lab, '1001'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.offered('1001'), ...ev.alerting('1001', ['SEP_A'])],
    parties: [`${CUSTOMER} ESTABLISHED`, '1001 ALERTING SEP_A:RINGING'],
  },
  {
    name: 'to a shared line with one device at its busy trigger: only the other rings',
    prepare: (lab) => {
      lab.dialPlan.updateLine('SEP_S1', '1010', { maxNumCalls: 1, busyTrigger: 1 });
      inbound(lab, '1010');
    },
    act: (lab) => inbound(lab, '1010'),
    events: [...ev.callActive, ...ev.networkCaller(CUSTOMER), ...ev.offered('1010'), ...ev.alerting('1010', ['SEP_S2'])],
    parties: [`${CUSTOMER} ESTABLISHED`, '1010 ALERTING SEP_S2:RINGING'],
  },
];

const originateCases: Legal[] = [
  {
    name: 'to a route point',
    act: (lab) => lab.model.originate({ fromTerminal: 'SEP_A', to: '7001' }).id,
    events: [...ev.callActive, ...ev.originator('1001', 'SEP_A'), ...ev.offered('7001')],
    parties: ['1001 ESTABLISHED SEP_A:TALKING', '7001 OFFERED'],
  },
  {
    name: 'to a PSTN number: NETWORK_REACHED, then ESTABLISHED',
    act: (lab) => lab.model.originate({ fromTerminal: 'SEP_A', fromAddress: '1001', to: PSTN }).id,
    events: [...ev.callActive, ...ev.originator('1001', 'SEP_A'), ...ev.networkCalled(PSTN)],
    parties: ['1001 ESTABLISHED SEP_A:TALKING', `${PSTN} ESTABLISHED`],
  },
  {
    name: 'from a shared line: the other device sees it BRIDGED',
    act: (lab) => lab.model.originate({ fromTerminal: 'SEP_S1', to: '1001' }).id,
    events: [...ev.callActive, ...ev.originator('1010', 'SEP_S1', ['SEP_S2']), ...ev.offered('1001'), ...ev.alerting('1001', ['SEP_A'])],
    parties: ['1010 ESTABLISHED SEP_S1:TALKING SEP_S2:BRIDGED', '1001 ALERTING SEP_A:RINGING'],
  },
  {
    name: 'to an unregistered phone: the far end FAILED',
    act: (lab) => lab.model.originate({ fromTerminal: 'SEP_A', to: '1099' }).id,
    events: [...ev.callActive, ...ev.originator('1001', 'SEP_A'), ...ev.failed('1099')],
    parties: ['1001 ESTABLISHED SEP_A:TALKING', '1099 FAILED'],
    cause: 'DEST_NOT_OBTAINABLE',
  },
];

for (const [group, cases] of [['placeInbound', inboundCases], ['originate', originateCases]] as const) {
  for (const c of cases) {
    test(`${group} ${c.name}`, () => {
      const lab = callLab();
      c.prepare?.(lab);
      const mark = lab.events.length;
      const callId = c.act(lab);
      assert.deepEqual(lab.since(mark), c.events);
      assert.deepEqual(lab.parties(callId), c.parties);
      if (c.cause) assert.equal(lab.events.at(-1)?.cause, c.cause);
      assert.ok(lab.events.slice(mark).every((e) => e.callId === callId));
    });
  }
}

test('placeInbound returns the call as it stands, with its variables copied', () => {
  const lab = callLab();
  const variables = { callVariable1: 'acct-42', 'user.lang': 'en' };
  const call = lab.model.placeInbound({ from: CUSTOMER, to: '7001', callVariables: variables });
  variables.callVariable1 = 'changed';
  assert.deepEqual(call, {
    id: 'c-1', state: 'ACTIVE', calling: CUSTOMER, called: '7001', lastRedirected: null,
    callVariables: { callVariable1: 'acct-42', 'user.lang': 'en' },
    connections: [
      { address: CUSTOMER, state: 'CONNECTED', ccState: 'ESTABLISHED', cause: 'NEW_CALL', terminalConnections: [] },
      { address: '7001', state: 'INPROGRESS', ccState: 'OFFERED', cause: 'NEW_CALL', terminalConnections: [] },
    ],
    createdAt: 1000,
  });
  assert.deepEqual(lab.model.getCall('c-1'), call);
});

interface Illegal { name: string; prepare?: (lab: CallLab) => void; act: (lab: CallLab) => unknown; error: TelephonyErrorKind }

const refusals: Illegal[] = [
  { name: 'placeInbound from a number in the dial plan', act: (lab) => lab.model.placeInbound({ from: '1002', to: '1001' }), error: 'InvalidParty' },
  { name: 'placeInbound to a number outside the dial plan', act: (lab) => lab.model.placeInbound({ from: CUSTOMER, to: PSTN }), error: 'InvalidParty' },
  { name: 'placeInbound with no caller', act: (lab) => lab.model.placeInbound({ from: '', to: '7001' }), error: 'InvalidArgument' },
  {
    name: 'placeInbound with a call variable that is not a string',
    act: (lab) => lab.model.placeInbound({ from: CUSTOMER, to: '7001', callVariables: JSON.parse('{"callVariable1":1}') }),
    error: 'InvalidArgument',
  },
  { name: 'originate from an unknown terminal', act: (lab) => lab.model.originate({ fromTerminal: 'SEP_X', to: '1002' }), error: 'InvalidArgument' },
  { name: 'originate from a route point', act: (lab) => lab.model.originate({ fromTerminal: 'RP_7001', to: '1002' }), error: 'MethodNotSupported' },
  { name: 'originate from an unregistered phone', act: (lab) => lab.model.originate({ fromTerminal: 'SEP_OFF', to: '1002' }), error: 'ResourceUnavailable' },
  {
    name: 'originate from a line the terminal does not carry',
    act: (lab) => lab.model.originate({ fromTerminal: 'SEP_A', fromAddress: '1002', to: '1003' }),
    error: 'InvalidArgument',
  },
  { name: 'originate to its own line', act: (lab) => lab.model.originate({ fromTerminal: 'SEP_A', to: '1001' }), error: 'InvalidParty' },
  { name: 'originate to nothing', act: (lab) => lab.model.originate({ fromTerminal: 'SEP_A', to: '' }), error: 'InvalidArgument' },
  {
    name: 'originate past the line maximum (a CTI port holds 1 call)',
    prepare: (lab) => { lab.model.originate({ fromTerminal: 'PORT_1', to: '1001' }); },
    act: (lab) => lab.model.originate({ fromTerminal: 'PORT_1', to: '1002' }),
    error: 'ResourceUnavailable',
  },
  { name: 'consult from a HELD terminal', prepare: (lab) => { lab.model.hold(talkingAtA(lab), 'SEP_A'); }, act: (lab) => lab.model.consult('c-1', 'SEP_A', '1002'), error: 'InvalidState' },
  { name: 'consult from a RINGING terminal', prepare: (lab) => { inbound(lab, '1001'); }, act: (lab) => lab.model.consult('c-1', 'SEP_A', '1002'), error: 'InvalidState' },
  { name: 'consult from a terminal not in the call', prepare: (lab) => { talkingAtA(lab); }, act: (lab) => lab.model.consult('c-1', 'SEP_B', '1003'), error: 'InvalidParty' },
  { name: 'consult to its own line', prepare: (lab) => { talkingAtA(lab); }, act: (lab) => lab.model.consult('c-1', 'SEP_A', '1001'), error: 'InvalidParty' },
  { name: 'consult to nothing', prepare: (lab) => { talkingAtA(lab); }, act: (lab) => lab.model.consult('c-1', 'SEP_A', ''), error: 'InvalidArgument' },
  { name: 'consult on an unknown call', act: (lab) => lab.model.consult('c-9', 'SEP_A', '1002'), error: 'InvalidArgument' },
  {
    name: 'consult from a CTI port, whose line holds one call',
    prepare: (lab) => { const id = inbound(lab, '8001'); lab.model.accept(id, '8001'); lab.model.answer(id, 'PORT_1'); },
    act: (lab) => lab.model.consult('c-1', 'PORT_1', '1002'),
    error: 'ResourceUnavailable',
  },
];

for (const r of refusals) {
  test(`refused: ${r.name} → ${r.error}, nothing changes`, () => {
    const lab = callLab();
    r.prepare?.(lab);
    assertRefused(lab, () => r.act(lab), r.error);
  });
}

test('consult holds the controller, then places a new call from the same terminal and line', () => {
  const lab = callLab();
  const callId = talkingAtA(lab);
  const mark = lab.events.length;
  const consultation = lab.model.consult(callId, 'SEP_A', '1002');
  assert.equal(consultation.id, 'c-2');
  assert.deepEqual(lab.since(mark), [
    'CallCtlTermConnHeldEv 1001 SEP_A',
    ...ev.callActive, ...ev.originator('1001', 'SEP_A'), ...ev.offered('1002'), ...ev.alerting('1002', ['SEP_B']),
  ]);
  assert.deepEqual(lab.events.slice(mark).map((e) => e.callId), ['c-1', ...Array<string>(lab.events.length - mark - 1).fill('c-2')]);
  assert.deepEqual(lab.parties(callId), [`${CUSTOMER} ESTABLISHED`, '1001 ESTABLISHED SEP_A:HELD']);
  assert.deepEqual(lab.parties('c-2'), ['1001 ESTABLISHED SEP_A:TALKING', '1002 ALERTING SEP_B:RINGING']);
  assert.equal(consultation.calling, '1001');
  assert.equal(consultation.called, '1002');
});
