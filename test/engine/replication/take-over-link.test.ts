// A call taken over keeps being followed when the new master reaches the call manager over the provider link,
// as a node of a pair does: the standby observes no line, so the calls were up before its observation began.
// Hold, retrieve, the agent's drop and the customer hanging up (events at the far end first, not at an
// observed line) all reach it, and the agents' states follow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CtiClient } from '../../../src/engine/cti/client.ts';
import { agentEvent, expectReply } from '../../support/cti-lab.ts';
import { startEnginePair, type EnginePair } from '../../support/engine-pair.ts';

const TRIGGER = '7101';
const CUSTOMER = '+14155551001';

let pair: EnginePair;
let ctiA: CtiClient;
before(async () => {
  pair = await startEnginePair({ POISE_DEMO_AGENTS: '2' }, { bOverLink: true });
  ctiA = await pair.open(pair.a, 'link-a');
});
after(async () => { await pair?.close(); });

const until = async (what: string, condition: () => boolean, ms = 20_000) => {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

const setState = (cti: CtiClient, agentId: string, ext: string, agentState: 'LOGIN' | 'READY') =>
  expectReply(cti, {
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0, eventReasonCode: 0,
    forcedFlag: 0, agentServiceReq: 0, agentInstrument: ext, agentId,
  }, 'SET_AGENT_STATE_CONF');

/** A lab call answered by `agentId` through engine A: the lab's call id and the CTI CallID. */
async function talkingOnA(agentId: string, ext: string, from: string): Promise<{ labId: string; ctiId: number }> {
  await setState(ctiA, agentId, ext, 'LOGIN');
  await agentEvent(ctiA, agentId, 'NOT_READY');
  await setState(ctiA, agentId, ext, 'READY');
  await agentEvent(ctiA, agentId, 'READY');
  const placed = await pair.lab('/lab/calls', { from, to: TRIGGER });
  assert.equal(placed.status, 201);
  const delivered = (await ctiA.waitFor('CALL_DELIVERED_EVENT', (e) => e.alertingDeviceId === ext)).event;
  await expectReply(ctiA, {
    type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: delivered.connectionCallId, connectionDeviceIdType: 0, connectionDeviceId: ext,
  }, 'ANSWER_CALL_CONF');
  await agentEvent(ctiA, agentId, 'TALKING');
  return { labId: String(placed.body['callId']), ctiId: delivered.connectionCallId };
}

test('over the provider link, the new master follows the calls it took over to their end', { timeout: 120_000 }, async () => {
  const { b } = pair;
  const dropped = await talkingOnA('load1', '20001', '+14155551000');
  const abandoned = await talkingOnA('load2', '20002', CUSTOMER);
  await until('the standby has both calls', () => b.failover.copy.state()?.calls.length === 2);
  await until('the standby has both agents talking', () =>
    b.failover.copy.state()?.agents.filter((row) => row.state === 'TALKING').length === 2);

  await pair.killA();
  await b.failover.setRole('master');
  assert.equal(b.engine.active, true);
  const ctiB = await pair.open(b, 'link-b');
  const onCall = (ctiId: number, ext: string) => ({ peripheralId: 1, connectionCallId: ctiId, connectionDeviceIdType: 0, connectionDeviceId: ext } as const);

  // hold and retrieve on the call taken over
  await expectReply(ctiB, { type: 'HOLD_CALL_REQ', ...onCall(dropped.ctiId, '20001'), reservation: false, agentInstrument: '20001' }, 'HOLD_CALL_CONF');
  await ctiB.waitFor('CALL_HELD_EVENT', (e) => e.connectionCallId === dropped.ctiId);
  await expectReply(ctiB, {
    type: 'RETRIEVE_CALL_REQ', peripheralId: 1, heldConnectionCallId: dropped.ctiId, heldConnectionDeviceIdType: 0,
    heldConnectionDeviceId: '20001', agentInstrument: '20001',
  }, 'RETRIEVE_CALL_CONF');
  await ctiB.waitFor('CALL_RETRIEVED_EVENT', (e) => e.connectionCallId === dropped.ctiId);

  // the agent drops it: the call ends on the call manager and in engine B
  await expectReply(ctiB, { type: 'CLEAR_CONNECTION_REQ', ...onCall(dropped.ctiId, '20001') }, 'CLEAR_CONNECTION_CONF');
  await ctiB.waitFor('END_CALL_EVENT', (e) => e.connectionCallId === dropped.ctiId);
  assert.equal((await pair.labGet(`/lab/calls/${dropped.labId}`)).status, 404);
  await until('load1 has left TALKING', () => b.engine.agents.get('load1')?.state !== 'TALKING');

  // the customer of the other call hangs up
  assert.equal((await pair.lab(`/lab/calls/${abandoned.labId}/abandon`)).status, 200);
  await ctiB.waitFor('CALL_CONNECTION_CLEARED_EVENT', (e) => e.connectionCallId === abandoned.ctiId && e.releasingDeviceId === CUSTOMER);
  await ctiB.waitFor('END_CALL_EVENT', (e) => e.connectionCallId === abandoned.ctiId);
  await until('load2 has left TALKING', () => b.engine.agents.get('load2')?.state !== 'TALKING');
  assert.equal([...b.engine.contacts.calls()].length, 0, 'no call left in engine B');
});
