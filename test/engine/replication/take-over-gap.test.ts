// What happens between the master's death and the take-over (docs/failover.md "State hand-over"): the call
// manager kept the calls, and the new master works out from it what no engine heard. A caller who hung up while
// talking or queued: the call is gone, the agent goes to after-call work, the queue is empty. An agent who answered
// a ringing call: TALKING on it, and it can be dropped. A call still ringing an agent keeps ringing, and RONA comes
// when the time the old master had started runs out. The lab's virtual clock drives the timers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CtiClient } from '../../../src/engine/cti/client.ts';
import { captureAll } from '../../../src/engine/replication/capture.ts';
import { phoneNameFor } from '../../../src/shared/demo-contact-center.ts';
import { agentEvent, expectReply } from '../../support/cti-lab.ts';
import { startEnginePair, type EnginePair } from '../../support/engine-pair.ts';

const TRIGGER = '7101';
const AGT_RNA = 32763;
let pair: EnginePair;
let ctiA: CtiClient;
before(async () => {
  pair = await startEnginePair({ POISE_DEMO_AGENTS: '50' });
  assert.equal((await pair.lab('/lab/clock', { mode: 'virtual' })).status, 200);
  ctiA = await pair.open(pair.a, 'gap-a');
});
after(async () => {
  await pair?.lab('/lab/clock', { mode: 'real' });
  await pair?.close();
});

const setState = (cti: CtiClient, agentId: string, ext: string, agentState: 'LOGIN' | 'READY') => expectReply(cti, {
  type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0, eventReasonCode: 0,
  forcedFlag: 0, agentServiceReq: 0, agentInstrument: ext, agentId,
}, 'SET_AGENT_STATE_CONF');

const until = async (what: string, condition: () => boolean, ms = 20_000) => {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Makes the agent READY and has a customer call the trigger: the call rings the agent. */
async function ringing(n: number): Promise<{ labId: string; ctiId: number; ext: string; id: string }> {
  const id = `load${n}`;
  const ext = String(20000 + n);
  await setState(ctiA, id, ext, 'LOGIN');
  await agentEvent(ctiA, id, 'NOT_READY');
  await setState(ctiA, id, ext, 'READY');
  await agentEvent(ctiA, id, 'READY');
  const placed = await pair.lab('/lab/calls', { from: `+1415555${1000 + n}`, to: TRIGGER });
  assert.equal(placed.status, 201);
  const delivered = (await ctiA.waitFor('CALL_DELIVERED_EVENT', (e) => e.alertingDeviceId === ext)).event;
  return { labId: String(placed.body['callId']), ctiId: delivered.connectionCallId, ext, id };
}

test('calls that ended, were answered or kept ringing while no engine was master', { timeout: 120_000 }, async () => {
  const { a, b } = pair;
  const talking = await ringing(1);
  await expectReply(ctiA, {
    type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: talking.ctiId, connectionDeviceIdType: 0, connectionDeviceId: talking.ext,
  }, 'ANSWER_CALL_CONF');
  await agentEvent(ctiA, talking.id, 'TALKING');
  const answeredMeanwhile = await ringing(2);
  const keepsRinging = await ringing(3);
  const queued = await pair.lab('/lab/calls', { from: '+14155559999', to: TRIGGER });
  const queuedId = String(queued.body['callId']);
  await until('the call is queued', () => a.engine.router.contactState(queuedId) === 'QUEUED');
  await pair.lab('/lab/clock/advance', { ms: 4_000 }); // 4 of the 10 s before RONA have gone
  await until('the copy is the master\'s state', () =>
    JSON.stringify(b.failover.copy.state()?.contacts.length) === JSON.stringify(captureAll(a.engine).contacts.length)
    && b.failover.copy.state()?.agents.find((r) => r.userId === talking.id)?.state === 'TALKING');

  await pair.killA();
  // meanwhile, on the call manager alone
  assert.equal((await pair.lab(`/lab/calls/${talking.labId}/abandon`)).status, 200);
  assert.equal((await pair.lab(`/lab/calls/${queuedId}/abandon`)).status, 200);
  assert.equal((await pair.lab(`/lab/devices/${phoneNameFor(answeredMeanwhile.ext)}/answer`)).status, 200);

  await b.failover.setRole('master');
  assert.equal(b.failover.lastTakeOver?.endedMeanwhile, 2);
  assert.equal(b.engine.agents.get(talking.id)?.state, 'WORK_READY', 'the caller hung up: after-call work');
  assert.equal(b.engine.router.contactState(queuedId), undefined, 'the queued caller hung up: not queued');
  assert.equal(b.engine.agents.get(answeredMeanwhile.id)?.state, 'TALKING');
  assert.equal(b.engine.router.contactState(answeredMeanwhile.labId), 'CONNECTED');
  assert.equal(b.engine.agents.get(keepsRinging.id)?.state, 'RESERVED');
  assert.equal(b.engine.router.contactState(keepsRinging.labId), 'RESERVED');

  const ctiB = await pair.open(b, 'gap-b');
  await expectReply(ctiB, {
    type: 'CLEAR_CONNECTION_REQ', peripheralId: 1, connectionCallId: answeredMeanwhile.ctiId, connectionDeviceIdType: 0,
    connectionDeviceId: answeredMeanwhile.ext,
  }, 'CLEAR_CONNECTION_CONF');
  await ctiB.waitFor('END_CALL_EVENT', (e) => e.connectionCallId === answeredMeanwhile.ctiId);
  assert.equal(b.engine.agents.get(answeredMeanwhile.id)?.state, 'WORK_READY');

  // RONA when the 10 s the old master started run out, not 10 s after the take-over
  await pair.lab('/lab/clock/advance', { ms: 5_000 });
  assert.equal(b.engine.agents.get(keepsRinging.id)?.state, 'RESERVED');
  await pair.lab('/lab/clock/advance', { ms: 1_000 });
  const rona = await agentEvent(ctiB, keepsRinging.id, 'NOT_READY');
  assert.equal(rona.eventReasonCode, AGT_RNA);
  assert.equal(b.engine.router.contactState(keepsRinging.labId), 'QUEUED');
});
