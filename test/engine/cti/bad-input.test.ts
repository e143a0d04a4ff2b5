// Bad input over TCP (cti.md §9.2): each bad client gets the CTI error form; the others keep their events and
// the engine's state does not change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import type { EngineService } from '../../../src/engine/index.ts';
import { CtiStatus, FailureCode } from '../../../src/engine/cti/codec/index.ts';
import { startTestNode, type TestNode } from '../../support/test-node.ts';

let node: TestNode;
let engine: EngineService;
const CLIENT = { clientId: 'poise-ws-a', clientPassword: 'cti-secret' };
before(async () => {
  node = await startTestNode({ POISE_CTI_CLIENT_ID: CLIENT.clientId, POISE_CTI_CLIENT_PASSWORD: CLIENT.clientPassword });
  const found = node.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(found);
  engine = found;
});
after(async () => { await node.close(); });

const frame = (length: number, type: number, body = Buffer.alloc(0)) => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(length, 0);
  header.writeUInt32BE(type, 4);
  return Buffer.concat([header, body]);
};

test('bad clients get the CTI error form; a good client keeps receiving events; state unchanged', async () => {
  const host = '127.0.0.1';
  const port = engine.ctiPort;
  const { client: good, reply } = await CtiClient.open({ host, port, ...CLIENT });
  assert.equal(reply.type, 'OPEN_CONF');
  assert.equal((await good.nextEvent()).type, 'SYSTEM_EVENT');
  const before = engine.engine.agents.get('agent2')?.state;

  const wrong = await CtiClient.open({ host, port, clientId: CLIENT.clientId, clientPassword: 'nope' });
  assert.deepEqual([wrong.reply.type, 'status' in wrong.reply && wrong.reply.status], ['FAILURE_CONF', CtiStatus.INVALID_PASSWORD]);
  await wrong.client.closed;

  const early = await CtiClient.connect({ host, port });
  const heartbeat = await early.heartbeat();
  assert.deepEqual([heartbeat.type, 'status' in heartbeat && heartbeat.status], ['FAILURE_CONF', CtiStatus.SESSION_NOT_OPEN]);
  await early.closed;

  const huge = await CtiClient.connect({ host, port });
  huge.writeRaw(frame(2 ** 31, 3));
  const fatal = await huge.nextEvent();
  assert.deepEqual([fatal.type, 'status' in fatal && fatal.status], ['FAILURE_EVENT', CtiStatus.BAD_MESSAGE_FORMAT]);
  await huge.closed;

  const garbage = await CtiClient.connect({ host, port });
  garbage.writeRaw(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  const refused = await garbage.nextEvent();
  assert.ok(refused.type === 'FAILURE_EVENT' || refused.type === 'FAILURE_CONF');
  await garbage.closed;

  const unknown = await good.request({ type: 'QUERY_AGENT_STATE_REQ', peripheralId: 1, mrdId: 1, icmAgentId: 0, agentId: 'nobody' });
  assert.deepEqual([unknown.type, 'status' in unknown && unknown.status], ['FAILURE_CONF', CtiStatus.INVALID_AGENT_DATA]);
  const set = await good.request({
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState: 'READY', agentWorkMode: 0, numSkillGroups: 0,
    eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '9999', agentId: 'nobody',
  });
  assert.deepEqual([set.type, 'failureCode' in set && set.failureCode], ['CONTROL_FAILURE_CONF', FailureCode.INVALID_AGENT_ID]);

  assert.equal(engine.engine.agents.get('agent2')?.state, before);
  // the good client is still served and still gets events
  assert.equal((await good.heartbeat()).type, 'HEARTBEAT_CONF');
  const login = await good.request({
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState: 'LOGIN', agentWorkMode: 0, numSkillGroups: 0,
    eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '1002', agentId: 'agent2',
  });
  assert.equal(login.type, 'SET_AGENT_STATE_CONF');
  const event = (await good.waitFor('AGENT_STATE_EVENT')).event;
  assert.deepEqual([event.agentId, event.agentState], ['agent2', 'NOT_READY']);
  assert.equal(engine.cti.sessionCount, 1);
  await good.close();
});
