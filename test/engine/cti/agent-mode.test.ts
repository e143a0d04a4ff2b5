// Agent-mode CTI sessions (cti.md §4.1, §9.3): one agent's events only, including the other devices on its
// calls; one session per instrument (FAILURE_CONF 10); a new session with a live ClientID replaces the old one
// (FAILURE_EVENT 11).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { CtiStatus, Service, type CtiMessageOf } from '../../../src/engine/cti/codec/index.ts';
import {
  agentEvent, assertQuiet, describe, expectReply, nextEvents, ready, setAgentState, startCtiLab, type CtiLab,
} from '../../support/cti-lab.ts';

let lab: CtiLab;
before(async () => { lab = await startCtiLab(); });
after(async () => { await lab.close(); });

const AGENT_MODE = Service.CLIENT_EVENTS | Service.CLIENT_CONTROL;
const openAgentMode = (clientId: string, agentId: string, agentInstrument: string) =>
  CtiClient.open({ host: '127.0.0.1', port: lab.engine.ctiPort, clientId, servicesRequested: AGENT_MODE, agentId, agentInstrument });

test('an agent-mode session gets its agent\'s events and its calls, and nothing of other agents', async () => {
  const bridge = await lab.open('poise-ws-bridge');
  const { client: desk, reply } = await openAgentMode('desk-agent8', 'agent8', '1008');
  assert.equal(reply.type, 'OPEN_CONF', JSON.stringify(reply));
  const conf = reply as CtiMessageOf<'OPEN_CONF'>;
  assert.equal(conf.servicesGranted, AGENT_MODE);
  assert.equal(conf.agentState, 'LOGOUT');
  assert.equal(conf.agentId, 'agent8');
  assert.equal(conf.agentInstrument, '1008');
  assert.equal((await desk.nextEvent()).type, 'SYSTEM_EVENT');

  await ready(bridge, 'agent9', '1009');
  await assertQuiet(desk);
  assert.equal((await setAgentState(desk, 'agent8', '1008', 'LOGIN')).type, 'SET_AGENT_STATE_CONF');
  assert.deepEqual((await nextEvents(desk, 1)).map(describe), ['AGENT_STATE agent8 NOT_READY']);
  await agentEvent(bridge, 'agent8', 'NOT_READY');

  // agent9 calls agent8: the desk sees its own line ring, answer and clear, and agent9's line leave
  const made = await expectReply(bridge, {
    type: 'MAKE_CALL_REQ', peripheralId: 1, callPlacementType: 0, callMannerType: 0, alertRings: 0, callOption: 0,
    facilityType: 0, answeringMachine: 0, priority: false, postRoute: false, skillGroupNumber: 0xffffffff,
    agentInstrument: '1009', dialedNumber: '1008',
  }, 'MAKE_CALL_CONF');
  const callId = made.newConnectionCallId;
  assert.deepEqual((await nextEvents(desk, 1)).map(describe), ['DELIVERED 1008']);
  await expectReply(desk, {
    type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, connectionDeviceId: '1008',
  }, 'ANSWER_CALL_CONF');
  assert.deepEqual((await nextEvents(desk, 1)).map(describe), ['ESTABLISHED 1008']);
  await expectReply(bridge, {
    type: 'CLEAR_CONNECTION_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, connectionDeviceId: '1009',
  }, 'CLEAR_CONNECTION_CONF');
  assert.deepEqual((await nextEvents(desk, 4)).map(describe), [
    'CONNECTION_CLEARED 1009', 'CONNECTION_CLEARED 1008', 'CLEARED', 'END',
  ]);
  await assertQuiet(desk); // agent9's NOT_READY (off hook) never reached the desk
  await bridge.waitFor('END_CALL_EVENT');
  await desk.close();
});

test('one agent-mode session per instrument; a known ClientID replaces its old session', async () => {
  const { client: first, reply } = await openAgentMode('desk-agent10', 'agent10', '1010');
  assert.equal(reply.type, 'OPEN_CONF');
  assert.equal((await first.nextEvent()).type, 'SYSTEM_EVENT');

  const other = await openAgentMode('desk-intruder', 'agent10', '1010');
  assert.equal(other.reply.type, 'FAILURE_CONF');
  assert.equal(other.reply.type === 'FAILURE_CONF' && other.reply.status, CtiStatus.DEVICE_IN_USE);
  await other.client.closed;
  const unknown = await openAgentMode('desk-nobody', 'nobody', '4321');
  assert.equal(unknown.reply.type === 'FAILURE_CONF' && unknown.reply.status, CtiStatus.INVALID_AGENT_DATA);
  await unknown.client.closed;
  const half = await CtiClient.open({ host: '127.0.0.1', port: lab.engine.ctiPort, clientId: 'desk-half', servicesRequested: AGENT_MODE });
  assert.equal(half.reply.type === 'FAILURE_CONF' && half.reply.status, CtiStatus.REQUIRED_DATA_MISSING);
  await half.client.closed;
  assert.equal((await first.heartbeat()).type, 'HEARTBEAT_CONF'); // the holder is untouched

  const { client: second, reply: again } = await openAgentMode('desk-agent10', 'agent10', '1010');
  assert.equal(again.type, 'OPEN_CONF', JSON.stringify(again));
  const replaced = await first.nextEvent();
  assert.equal(replaced.type, 'FAILURE_EVENT');
  assert.equal(replaced.type === 'FAILURE_EVENT' && replaced.status, CtiStatus.NEW_SESSION_OPENED);
  await first.closed;
  assert.equal((await second.nextEvent()).type, 'SYSTEM_EVENT');
  assert.equal((await setAgentState(second, 'agent10', '1010', 'LOGIN')).type, 'SET_AGENT_STATE_CONF');
  assert.deepEqual((await nextEvents(second, 1)).map(describe), ['AGENT_STATE agent10 NOT_READY']);
  await second.close();
});
