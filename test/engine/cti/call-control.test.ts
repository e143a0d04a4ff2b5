// Call control over real CTI sessions against a started node (cti.md §6, §7; cti-to-finesse.md §2.2–§2.4): the
// CONF of each request, then the events in the engine's order, and the agents' states; refusals change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CtiClient } from '../../../src/engine/cti/client.ts';
import { CallType, type CtiMessageOf } from '../../../src/engine/cti/codec/index.ts';
import {
  CUSTOMER, agentEvent, assertQuiet, describe, expectReply, nextEvents, ready, signOut, startCtiLab, type CtiLab,
} from '../../support/cti-lab.ts';

let lab: CtiLab;
let cti: CtiClient;
before(async () => {
  lab = await startCtiLab();
  cti = await lab.open('poise-ws-calls');
});
after(async () => { await lab.close(); });

const M8 = {
  callPlacementType: 0, callMannerType: 0, alertRings: 0, callOption: 0, facilityType: 0, answeringMachine: 0,
  priority: false, postRoute: false,
} as const;

const makeCall = (from: string, to: string) => cti.request({
  type: 'MAKE_CALL_REQ', peripheralId: 1, ...M8, skillGroupNumber: 0xffffffff, agentInstrument: from, dialedNumber: to,
});
const answer = (callId: number, device: string) => expectReply(cti, {
  type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, connectionDeviceId: device,
}, 'ANSWER_CALL_CONF');
const clear = (callId: number, device: string) => expectReply(cti, {
  type: 'CLEAR_CONNECTION_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, connectionDeviceId: device,
}, 'CLEAR_CONNECTION_CONF');
const consult = (callId: number, device: string, to: string) => cti.request({
  type: 'CONSULTATION_CALL_REQ', peripheralId: 1, activeConnectionCallId: callId, activeConnectionDeviceIdType: 0,
  ...M8, consultType: 1, activeConnectionDeviceId: device, dialedNumber: to,
});
const merge = (type: 'TRANSFER_CALL_REQ' | 'CONFERENCE_CALL_REQ', held: number, active: number, device: string) => cti.request({
  type, peripheralId: 1, heldConnectionCallId: held, activeConnectionCallId: active, heldConnectionDeviceIdType: 0,
  activeConnectionDeviceIdType: 0, ...M8, heldConnectionDeviceId: device, activeConnectionDeviceId: device,
});

/** A customer calls `trigger`; the READY agent at `extension` is reserved, rung and answers. */
async function inboundAnsweredBy(trigger: string, agentId: string, extension: string): Promise<{ callId: number; labId: string }> {
  const placed = await lab.lab('/lab/calls', { from: CUSTOMER, to: trigger, callVariables: { callVariable1: 'acct-42' } });
  assert.equal(placed.status, 201);
  const begin = (await cti.waitFor('BEGIN_CALL_EVENT')).event;
  assert.equal(begin.callType, CallType.CCX_IN);
  assert.equal(begin.callVariable1, 'acct-42');
  await agentEvent(cti, agentId, 'RESERVED');
  const delivered = (await cti.waitFor('CALL_DELIVERED_EVENT')).event;
  assert.equal(delivered.alertingDeviceId, extension);
  await answer(begin.connectionCallId, extension);
  assert.equal((await cti.waitFor('CALL_ESTABLISHED_EVENT')).event.answeringDeviceId, extension);
  await agentEvent(cti, agentId, 'TALKING');
  return { callId: begin.connectionCallId, labId: String(placed.body['callId']) };
}

/** `agent` consults the READY agent at `to`, who answers; returns the consult call. */
async function consulted(callId: number, from: string, to: [string, string]): Promise<number> {
  const conf = await consult(callId, from, to[1]);
  assert.equal(conf.type, 'CONSULTATION_CALL_CONF', JSON.stringify(conf));
  const consultId = (conf as CtiMessageOf<'CONSULTATION_CALL_CONF'>).newConnectionCallId;
  assert.notEqual(consultId, callId);
  const events = await nextEvents(cti, 6);
  assert.deepEqual(events.map(describe), [
    `HELD ${from}`, `BEGIN ${CallType.CONSULT}`, `SERVICE_INITIATED ${from}`, `ORIGINATED ${from}>${to[1]}`,
    `AGENT_STATE ${to[0]} RESERVED`, `DELIVERED ${to[1]}`,
  ]);
  assert.equal((events[0] as CtiMessageOf<'CALL_HELD_EVENT'>).connectionCallId, callId);
  assert.ok(events.slice(1).every((e) => !('connectionCallId' in e) || e.connectionCallId === consultId));
  assert.ok(events.every((e) => 'poiseCauseInvokeId' in e && e.poiseCauseInvokeId === conf.invokeId));
  await answer(consultId, to[1]);
  assert.deepEqual((await nextEvents(cti, 2)).map(describe), [`ESTABLISHED ${to[1]}`, `AGENT_STATE ${to[0]} TALKING`]);
  return consultId;
}

test('MAKE_CALL to another agent: both agents see the call; the caller dials from NOT_READY', async () => {
  await ready(cti, 'agent1', '1001');
  await ready(cti, 'agent2', '1002');
  const conf = await makeCall('1001', '1002');
  assert.equal(conf.type, 'MAKE_CALL_CONF', JSON.stringify(conf));
  const { newConnectionCallId: callId, newConnectionDeviceId } = conf as CtiMessageOf<'MAKE_CALL_CONF'>;
  assert.ok(callId >= 0x01000000);
  assert.equal(newConnectionDeviceId, '1001');
  const events = await nextEvents(cti, 6);
  assert.deepEqual(events.map(describe), [
    'AGENT_STATE agent1 NOT_READY', `BEGIN ${CallType.AGENT_INSIDE}`, 'SERVICE_INITIATED 1001', 'ORIGINATED 1001>1002',
    'AGENT_STATE agent2 RESERVED', 'DELIVERED 1002',
  ]);
  assert.equal((events[0] as CtiMessageOf<'AGENT_STATE_EVENT'>).eventReasonCode, 32762); // AGT_OFFHOOK
  await answer(callId, '1002');
  assert.deepEqual((await nextEvents(cti, 2)).map(describe), ['ESTABLISHED 1002', 'AGENT_STATE agent2 TALKING']);

  await clear(callId, '1001');
  assert.deepEqual((await nextEvents(cti, 5)).map(describe), [
    'CONNECTION_CLEARED 1001', 'CONNECTION_CLEARED 1002', 'CLEARED', 'AGENT_STATE agent2 READY', 'END',
  ]);
  await assertQuiet(cti); // agent1 stays NOT_READY: no event
  await signOut(cti, ['agent1', '1001'], ['agent2', '1002']);
});

test('consult then transfer: the caller talks to the second agent, the first is cleared into wrap-up', async () => {
  await ready(cti, 'agent6', '1006');
  const { callId, labId } = await inboundAnsweredBy('7002', 'agent6', '1006');
  await ready(cti, 'agent7', '1007');
  const consultId = await consulted(callId, '1006', ['agent7', '1007']);

  const conf = await merge('TRANSFER_CALL_REQ', callId, consultId, '1006');
  assert.equal(conf.type, 'TRANSFER_CALL_CONF', JSON.stringify(conf));
  const transferConf = conf as CtiMessageOf<'TRANSFER_CALL_CONF'>;
  assert.equal(transferConf.newConnectionCallId, callId);
  assert.deepEqual((transferConf.parties ?? []).map((p) => p.connectedPartyDeviceId).sort(), ['1007', CUSTOMER].sort());
  const events = await nextEvents(cti, 4);
  assert.deepEqual(events.map(describe), [
    'TRANSFERRED 1006>1007', `DATA_UPDATE ${CallType.TRANSFER_IN}`, 'END', 'AGENT_STATE agent6 WORK_READY',
  ]);
  const transferred = events[0] as CtiMessageOf<'CALL_TRANSFERRED_EVENT'>;
  assert.equal(transferred.primaryCallId, callId);
  assert.equal(transferred.secondaryCallId, consultId);
  assert.equal((events[2] as CtiMessageOf<'END_CALL_EVENT'>).connectionCallId, consultId);
  const labCall = await lab.labGet(`/lab/calls/${labId}`) as { connections: { address: string }[] };
  const parties = labCall.connections.map((c) => c.address);
  assert.deepEqual(parties.sort(), ['1007', CUSTOMER].sort());

  // the caller hangs up: agent7 leaves TALKING by the CSQ's Automatic Work
  assert.equal((await lab.lab(`/lab/calls/${labId}/abandon`)).status, 200);
  assert.deepEqual((await nextEvents(cti, 5)).map(describe), [
    `CONNECTION_CLEARED ${CUSTOMER}`, 'CONNECTION_CLEARED 1007', 'CLEARED', 'AGENT_STATE agent7 WORK_READY', 'END',
  ]);
  await signOut(cti, ['agent6', '1006'], ['agent7', '1007']);
});

test('consult then conference of three; the controller drops and the others talk on', async () => {
  await ready(cti, 'agent3', '1003');
  const { callId, labId } = await inboundAnsweredBy('7001', 'agent3', '1003');
  await ready(cti, 'agent4', '1004');
  const consultId = await consulted(callId, '1003', ['agent4', '1004']);

  const conf = await merge('CONFERENCE_CALL_REQ', callId, consultId, '1003');
  assert.equal(conf.type, 'CONFERENCE_CALL_CONF', JSON.stringify(conf));
  assert.deepEqual(((conf as CtiMessageOf<'CONFERENCE_CALL_CONF'>).parties ?? []).map((p) => p.connectedPartyDeviceId).sort(),
    ['1003', '1004', CUSTOMER].sort());
  const events = await nextEvents(cti, 3);
  assert.deepEqual(events.map(describe), ['CONFERENCED 1003+1004', `DATA_UPDATE ${CallType.CONFERENCE}`, 'END']);
  assert.equal((events[0] as CtiMessageOf<'CALL_CONFERENCED_EVENT'>).parties?.length, 3);
  await assertQuiet(cti); // both agents stay TALKING

  await clear(callId, '1003');
  assert.deepEqual((await nextEvents(cti, 2)).map(describe), ['CONNECTION_CLEARED 1003', 'AGENT_STATE agent3 WORK_READY']);
  await assertQuiet(cti);
  assert.equal((await lab.lab(`/lab/calls/${labId}/abandon`)).status, 200);
  assert.deepEqual((await nextEvents(cti, 5)).map(describe), [
    `CONNECTION_CLEARED ${CUSTOMER}`, 'CONNECTION_CLEARED 1004', 'CLEARED', 'AGENT_STATE agent4 WORK_READY', 'END',
  ]);
  await signOut(cti, ['agent3', '1003'], ['agent4', '1004']);
});

test('an outbound call: DTMF reaches the call manager, SET_CALL_DATA comes back as CALL_DATA_UPDATE', async () => {
  const conf = await makeCall('1005', '914155550177');
  assert.equal(conf.type, 'MAKE_CALL_CONF', JSON.stringify(conf));
  const callId = (conf as CtiMessageOf<'MAKE_CALL_CONF'>).newConnectionCallId;
  assert.deepEqual((await nextEvents(cti, 6)).map(describe), [
    `BEGIN ${CallType.AGENT_INSIDE}`, 'SERVICE_INITIATED 1005', 'ORIGINATED 1005>914155550177', 'DELIVERED 914155550177',
    `DATA_UPDATE ${CallType.OUT}`, 'ESTABLISHED 914155550177',
  ]);

  const dtmf = await cti.request({
    type: 'SEND_DTMF_SIGNAL_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, toneDuration: 0,
    pauseDuration: 0, connectionDeviceId: '1005', dtmfString: '12#',
  });
  assert.equal(dtmf.type, 'SEND_DTMF_SIGNAL_CONF', JSON.stringify(dtmf));
  const digits = (await lab.labEvents()).filter((e) => e.type === 'MediaTermConnDtmfEv' && e.address === '1005');
  assert.deepEqual(digits.map((e) => e.type === 'MediaTermConnDtmfEv' && e.digit), ['1', '2', '#']);

  const set = await cti.request({
    type: 'SET_CALL_DATA_REQ', peripheralId: 1, connectionDeviceIdType: 0, connectionCallId: callId, callType: 0,
    calledPartyDisposition: 0, campaignId: 0, queryRuleId: 1, connectionDeviceId: '1005', callVariable3: 'vip',
    namedVariables: [{ name: 'user.lang', value: 'fr' }],
  });
  assert.equal(set.type, 'SET_CALL_DATA_CONF', JSON.stringify(set));
  const update = (await cti.waitFor('CALL_DATA_UPDATE_EVENT')).event;
  assert.equal(update.connectionCallId, callId);
  assert.equal(update.callVariable3, 'vip');
  assert.deepEqual(update.namedVariables, [{ name: 'user.lang', value: 'fr' }]);
  assert.equal(update.poiseCauseInvokeId, set.invokeId);
  const labCall = lab.engine.engine.contacts.callOfCtiId(callId);
  assert.equal(labCall?.callVariables['callVariable3'], 'vip');

  await clear(callId, '1005');
  assert.deepEqual((await nextEvents(cti, 4)).map(describe), [
    'CONNECTION_CLEARED 1005', 'CONNECTION_CLEARED 914155550177', 'CLEARED', 'END',
  ]);
});

test('refusals: CONTROL_FAILURE_CONF with the spec\'s FailureCode, and nothing changes', async () => {
  await ready(cti, 'agent8', '1008');
  await ready(cti, 'agent9', '1009');
  const { callId, labId } = await inboundAnsweredBy('7002', 'agent8', '1008');
  const refused = async (request: Promise<unknown>, failureCode: number) => {
    const reply = await request as { type: string; failureCode?: number };
    assert.equal(reply.type, 'CONTROL_FAILURE_CONF', JSON.stringify(reply));
    assert.equal(reply.failureCode, failureCode, JSON.stringify(reply));
  };
  await refused(makeCall('9999', '1009'), 256);                 // no agent at that instrument
  await refused(consult(0x0fffffff, '1008', '1009'), 11);       // no such call
  await refused(consult(callId, '1009', '1010'), 13);           // agent9's line is not on the call
  await refused(consult(callId, '4321', '1010'), 12);           // no agent's line at all
  await refused(cti.request({                                    // an AgentInstrument of no agent
    type: 'CONSULTATION_CALL_REQ', peripheralId: 1, activeConnectionCallId: callId, activeConnectionDeviceIdType: 0,
    ...M8, consultType: 1, activeConnectionDeviceId: '1008', dialedNumber: '1009', agentInstrument: '4321',
  }), 256);
  await refused(merge('TRANSFER_CALL_REQ', callId, callId, '1008'), 11); // one call cannot merge with itself
  const held = await makeCall('1009', '1010');                  // agent9 has a call of its own …
  assert.equal(held.type, 'MAKE_CALL_CONF');
  await nextEvents(cti, 4); // NOT_READY agent9, BEGIN, SERVICE_INITIATED, ORIGINATED (agent10 is signed out)
  await cti.waitFor('CALL_DELIVERED_EVENT');
  const otherId = (held as CtiMessageOf<'MAKE_CALL_CONF'>).newConnectionCallId;
  await refused(merge('TRANSFER_CALL_REQ', callId, otherId, '1008'), 13); // … which agent8 is not on
  await refused(merge('CONFERENCE_CALL_REQ', callId, callId, '1008'), 11);
  await refused(cti.request({                                    // DTMF with nobody answering yet
    type: 'SEND_DTMF_SIGNAL_REQ', peripheralId: 1, connectionCallId: otherId, connectionDeviceIdType: 0, toneDuration: 0,
    pauseDuration: 0, connectionDeviceId: '1009', dtmfString: '5',
  }), 24);
  await assertQuiet(cti);
  const state = await cti.request({
    type: 'QUERY_AGENT_STATE_REQ', peripheralId: 1, mrdId: 1, icmAgentId: 0, agentId: 'agent8',
  });
  assert.equal(state.type === 'QUERY_AGENT_STATE_CONF' && state.agentState, 'TALKING');
  const call = lab.engine.engine.contacts.callOfCtiId(callId);
  assert.deepEqual([...call!.parties].sort(), ['1008', CUSTOMER].sort());
  assert.deepEqual([...call!.held], []);

  await clear(otherId, '1009');
  await cti.waitFor('END_CALL_EVENT');
  assert.equal((await lab.lab(`/lab/calls/${labId}/abandon`)).status, 200);
  await agentEvent(cti, 'agent8', 'WORK_READY');
  await cti.waitFor('END_CALL_EVENT');
  await signOut(cti, ['agent8', '1008'], ['agent9', '1009']);
});

test('a transfer while the consulted agent rings (TRANSFER_SST): it stays RESERVED, TALKING once it answers, then wraps up', async () => {
  await ready(cti, 'agent6', '1006');
  const { callId, labId } = await inboundAnsweredBy('7002', 'agent6', '1006');
  await ready(cti, 'agent7', '1007');
  const conf = await consult(callId, '1006', '1007');
  assert.equal(conf.type, 'CONSULTATION_CALL_CONF', JSON.stringify(conf));
  const consultId = (conf as CtiMessageOf<'CONSULTATION_CALL_CONF'>).newConnectionCallId;
  await agentEvent(cti, 'agent7', 'RESERVED');
  await cti.waitFor('CALL_DELIVERED_EVENT', (e) => e.connectionCallId === consultId);

  const transfer = await merge('TRANSFER_CALL_REQ', callId, consultId, '1006');
  assert.equal(transfer.type, 'TRANSFER_CALL_CONF', JSON.stringify(transfer));
  // agent7's ringing line moved into the caller's call: no READY for agent7 in between
  assert.deepEqual((await nextEvents(cti, 4)).map(describe), [
    'TRANSFERRED 1006>1007', `DATA_UPDATE ${CallType.TRANSFER_IN}`, 'END', 'AGENT_STATE agent6 WORK_READY',
  ]);
  await assertQuiet(cti);

  await answer(callId, '1007');
  assert.deepEqual((await nextEvents(cti, 2)).map(describe), ['ESTABLISHED 1007', 'AGENT_STATE agent7 TALKING']);
  assert.equal((await lab.lab(`/lab/calls/${labId}/abandon`)).status, 200);
  assert.deepEqual((await nextEvents(cti, 5)).map(describe), [
    `CONNECTION_CLEARED ${CUSTOMER}`, 'CONNECTION_CLEARED 1007', 'CLEARED', 'AGENT_STATE agent7 WORK_READY', 'END',
  ]);
  await signOut(cti, ['agent6', '1006'], ['agent7', '1007']);
});
