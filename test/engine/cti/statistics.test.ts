// CTI statistics over TCP (cti.md §8.2, §8.3): POISE_QUERY_CSQ_STATISTICS with one CONF per CSQ, the CSQ
// statistics events that follow agents and a queued lab call until it is abandoned, the agent queue statistics,
// and the refusals: 112, an unknown agent or CSQ, a session without the Poise extensions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { NULL_ID, Service, type CtiMessage } from '../../../src/engine/cti/codec/index.ts';
import type { EngineService } from '../../../src/engine/index.ts';
import { basicAuth, startTestNode, type TestNode } from '../../support/test-node.ts';

let node: TestNode;
let port: number;
let csqIds: Map<string, number>;
before(async () => {
  node = await startTestNode();
  const engine = node.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(engine);
  port = engine.ctiPort;
  csqIds = new Map([...engine.engine.router.csqs()].map((c) => [c.name, c.id]));
});
after(async () => { await node.close(); });

const open = async (clientId: string, servicesRequested: number) => {
  const { client, reply } = await CtiClient.open({ host: '127.0.0.1', port, clientId, servicesRequested });
  assert.equal(reply.type, 'OPEN_CONF');
  assert.equal((await client.nextEvent()).type, 'SYSTEM_EVENT');
  return client;
};
const POISE = Service.ALL_EVENTS | Service.CLIENT_CONTROL | Service.POISE_SERVICE_EXTENSIONS;

const setState = (cti: CtiClient, agentState: 'LOGIN' | 'READY', agentId: string, agentInstrument: string) => cti.request({
  type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0,
  eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument, agentId,
});

const lab = (path: string, body: unknown) => fetch(`${node.cmUrl}/lab${path}`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
  body: JSON.stringify(body),
});

test('POISE_QUERY_CSQ_STATISTICS for all CSQs answers one CONF per CSQ, More on all but the last', async () => {
  const cti = await open('stats-all', POISE);
  const replies = await cti.requestAll({ type: 'POISE_QUERY_CSQ_STATISTICS_REQ', csqId: NULL_ID },
    (m) => m.type !== 'POISE_QUERY_CSQ_STATISTICS_CONF' || !m.more);
  assert.deepEqual(replies.map((m) => m.type === 'POISE_QUERY_CSQ_STATISTICS_CONF' && [m.csqName, m.more]),
    [['Sales', true], ['Support', false]]);
  const one = await cti.request({ type: 'POISE_QUERY_CSQ_STATISTICS_REQ', csqId: csqIds.get('Support')! });
  assert.equal(one.type, 'POISE_QUERY_CSQ_STATISTICS_CONF');
  assert.equal(one.type === 'POISE_QUERY_CSQ_STATISTICS_CONF' && one.callsInQueue, 0);
  const unknown = await cti.request({ type: 'POISE_QUERY_CSQ_STATISTICS_REQ', csqId: 999 });
  assert.deepEqual(unknown.type === 'FAILURE_CONF' && unknown.status, 93);
  await cti.close();
});

test('agents and a queued call show in CSQ statistics events until the caller abandons', async () => {
  const cti = await open('stats-events', POISE);
  const sales = csqIds.get('Sales')!;
  const support = csqIds.get('Support')!;
  assert.equal((await setState(cti, 'LOGIN', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
  assert.equal((await setState(cti, 'READY', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
  const ready = await cti.waitFor('POISE_CSQ_STATISTICS_EVENT', (m) => m.csqId === sales && m.agentsReady === 1);
  assert.equal(ready.event.agentsLoggedOn, 1);
  assert.equal(ready.event.csqName, 'Sales');

  // Nobody serves Support: the call waits there.
  const placed = await lab('/calls', { from: '+14155550100', to: '7002' });
  assert.equal(placed.status, 201);
  const { callId } = await placed.json() as { callId: string };
  const queued = await cti.waitFor('POISE_CSQ_STATISTICS_EVENT', (m) => m.csqId === support && m.callsInQueue === 1);
  assert.ok(queued.event.longestCallQueuedSince > 1_600_000_000, 'a T4 time in seconds');

  const agentView = await cti.request({ type: 'QUERY_AGENT_QUEUE_STATISTICS_REQ', agentId: 'agent6' });
  assert.equal(agentView.type, 'QUERY_AGENT_QUEUE_STATISTICS_CONF');
  assert.equal(agentView.type === 'QUERY_AGENT_QUEUE_STATISTICS_CONF' && agentView.callsInQueue, 1);
  const salesAgent = await cti.request({ type: 'QUERY_AGENT_QUEUE_STATISTICS_REQ', agentId: 'agent1' });
  assert.equal(salesAgent.type === 'QUERY_AGENT_QUEUE_STATISTICS_CONF' && salesAgent.callsInQueue, 0);

  assert.equal((await lab(`/calls/${callId}/abandon`, {})).status, 200);
  const empty = await cti.waitFor('POISE_CSQ_STATISTICS_EVENT', (m) => m.csqId === support && m.callsInQueue === 0);
  assert.equal(empty.event.longestCallQueuedSince, 0);
  await cti.close();
});

test('refusals: 112 with FAILURE_CONF 12, an unknown agent with 8, CSQ queries without the extensions with 12', async () => {
  const plain = await open('stats-plain', Service.ALL_EVENTS | Service.CLIENT_CONTROL);
  const other = await open('stats-other', POISE);
  const refused = await plain.request({ type: 'QUERY_AGENT_STATISTICS_REQ', peripheralId: 1, agentId: 'agent1' });
  assert.deepEqual(refused.type === 'FAILURE_CONF' && refused.status, 12);
  const unknown = await plain.request({ type: 'QUERY_AGENT_QUEUE_STATISTICS_REQ', agentId: 'nobody' });
  assert.deepEqual(unknown.type === 'FAILURE_CONF' && unknown.status, 8);
  const noExtensions = await plain.request({ type: 'POISE_QUERY_CSQ_STATISTICS_REQ', csqId: NULL_ID });
  assert.deepEqual(noExtensions.type === 'FAILURE_CONF' && noExtensions.status, 12);
  // the sessions stay open and the other one is served
  assert.equal((await plain.heartbeat()).type, 'HEARTBEAT_CONF');
  const served: CtiMessage = await other.request({ type: 'POISE_QUERY_CSQ_STATISTICS_REQ', csqId: csqIds.get('Sales')! });
  assert.equal(served.type, 'POISE_QUERY_CSQ_STATISTICS_CONF');
  assert.ok(!plain.queued.some((m) => m.type === 'POISE_CSQ_STATISTICS_EVENT'), 'no statistics events without the extensions');
  await Promise.all([plain.close(), other.close()]);
});
