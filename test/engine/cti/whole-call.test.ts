// A whole call over real sockets: lab call to 7001 → RESERVED, CALL_DELIVERED → ANSWER → CALL_ESTABLISHED, TALKING
// → CLEAR_CONNECTION → CALL_CLEARED, END_CALL, WORK_READY (cti-to-finesse.md §2.1).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import type { EngineService } from '../../../src/engine/index.ts';
import { basicAuth, startTestNode, type TestNode } from '../../support/test-node.ts';

let node: TestNode;
let port: number;
before(async () => {
  node = await startTestNode();
  const engine = node.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(engine);
  port = engine.ctiPort;
});
after(async () => { await node.close(); });

const open = async (clientId: string) => {
  const { client, reply } = await CtiClient.open({ host: '127.0.0.1', port, clientId });
  assert.equal(reply.type, 'OPEN_CONF');
  assert.equal((await client.nextEvent()).type, 'SYSTEM_EVENT');
  return client;
};

test('a lab call to 7001 reaches a READY agent and is answered and cleared over CTI', async () => {
  const cti = await open('poise-ws-test');
  const login = await cti.request({
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState: 'LOGIN', agentWorkMode: 0, numSkillGroups: 0,
    eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '1001', agentId: 'agent1',
  });
  assert.equal(login.type, 'SET_AGENT_STATE_CONF');
  assert.equal((await cti.waitFor('AGENT_STATE_EVENT')).event.agentState, 'NOT_READY');
  const ready = await cti.request({
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState: 'READY', agentWorkMode: 0, numSkillGroups: 0,
    eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '1001', agentId: 'agent1',
  });
  assert.equal(ready.type, 'SET_AGENT_STATE_CONF');
  const readyEvent = (await cti.waitFor('AGENT_STATE_EVENT')).event;
  assert.equal(readyEvent.agentState, 'READY');
  assert.equal(readyEvent.poiseCauseInvokeId, ready.type === 'SET_AGENT_STATE_CONF' ? ready.invokeId : -1);

  const placed = await fetch(`${node.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550100', to: '7001' }),
  });
  assert.equal(placed.status, 201);

  const begin = await cti.waitFor('BEGIN_CALL_EVENT');
  const callId = begin.event.connectionCallId;
  assert.ok(callId >= 0x01000000);
  const reserved = await cti.waitFor('AGENT_STATE_EVENT');
  assert.equal(reserved.event.agentState, 'RESERVED');
  assert.equal(reserved.event.agentId, 'agent1');
  const delivered = (await cti.waitFor('CALL_DELIVERED_EVENT')).event;
  assert.equal(delivered.connectionCallId, callId);
  assert.equal(delivered.alertingDeviceId, '1001');
  assert.equal(delivered.callingDeviceId, '+14155550100');

  const answer = await cti.request({
    type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0,
    connectionDeviceId: '1001',
  });
  assert.equal(answer.type, 'ANSWER_CALL_CONF');
  const established = (await cti.waitFor('CALL_ESTABLISHED_EVENT')).event;
  assert.equal(established.answeringDeviceId, '1001');
  assert.equal((await cti.waitFor('AGENT_STATE_EVENT')).event.agentState, 'TALKING');

  const clear = await cti.request({
    type: 'CLEAR_CONNECTION_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0,
    connectionDeviceId: '1001',
  });
  assert.equal(clear.type, 'CLEAR_CONNECTION_CONF');
  const cleared = await cti.waitFor('CALL_CLEARED_EVENT');
  assert.ok(cleared.before.some((m) => m.type === 'CALL_CONNECTION_CLEARED_EVENT'));
  const work = (await cti.waitFor('AGENT_STATE_EVENT')).event;
  assert.ok(work.agentState === 'WORK_READY' || work.agentState === 'WORK' || work.agentState === 'READY');
  assert.equal((await cti.waitFor('END_CALL_EVENT')).event.connectionCallId, callId);
  await cti.close();
});
