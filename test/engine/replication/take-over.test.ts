// Take-over with the state handed over (docs/failover.md "State hand-over"): two engines on one call manager,
// the standby's copy over a real loopback WebSocket. 50 agents signed in with mixed states and reason codes, 10 of
// them on calls, 5 calls queued; the master dies without a word; the standby takes over with every agent's state,
// reason code and state-change time, the 10 calls still up and dropped through it, the 5 queued calls delivered
// in their order as agents become READY, and no CallID given twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CtiClient } from '../../../src/engine/cti/client.ts';
import { Service, type CtiMessage } from '../../../src/engine/cti/codec/index.ts';
import type { EngineService } from '../../../src/engine/index.ts';
import { captureAll } from '../../../src/engine/replication/capture.ts';
import type { ReplicaState } from '../../../src/engine/replication/replica-state.ts';
import { agentEvent, expectReply } from '../../support/cti-lab.ts';
import { startEnginePair, type EnginePair } from '../../support/engine-pair.ts';

const EXTENDED = Service.ALL_EVENTS | Service.CLIENT_CONTROL | Service.POISE_SERVICE_EXTENSIONS;
const AGENTS = Array.from({ length: 50 }, (_, i) => ({ id: `load${i + 1}`, ext: String(20001 + i) }));
const TRIGGER = '7101';

let pair: EnginePair;
let ctiA: CtiClient;
before(async () => {
  pair = await startEnginePair({ POISE_DEMO_AGENTS: '50' });
  ctiA = await pair.open(pair.a, 'pair-a');
});
after(async () => { await pair?.close(); });

const setState = (cti: CtiClient, agentId: string, ext: string, agentState: 'LOGIN' | 'READY' | 'NOT_READY', reason = 0) =>
  expectReply(cti, {
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0, eventReasonCode: reason,
    forcedFlag: 0, agentServiceReq: 0, agentInstrument: ext, agentId,
  }, 'SET_AGENT_STATE_CONF');

const until = async (what: string, condition: () => boolean, ms = 20_000) => {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A state with its rows in a fixed order, to compare copies whatever order the rows came in. */
function sorted(state: ReplicaState | undefined): ReplicaState | undefined {
  if (!state) return undefined;
  const by = <T>(key: (row: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    agents: [...state.agents].sort(by((a) => a.userId)), calls: [...state.calls].sort(by((c) => c.callId)),
    contacts: [...state.contacts].sort(by((c) => c.contactId)), counters: state.counters, statistics: state.statistics,
  };
}

const agentView = (engine: EngineService, userId: string) => {
  const s = engine.engine.agents.get(userId);
  return s && { state: s.state, reasonCode: s.reasonCode, stateSince: s.stateSince, pendingState: s.pendingState };
};

test('the standby keeps the master\'s live state and takes over without losing any of it', { timeout: 120_000 }, async () => {
  const { a, b } = pair;
  assert.equal(b.engine.active, false, 'a standby claims no route point');
  assert.equal(b.failover.role, 'standby');

  // 50 agents signed in; reason codes 1–4 and the sign-in's own
  for (const { id, ext } of AGENTS) {
    await setState(ctiA, id, ext, 'LOGIN');
    await agentEvent(ctiA, id, 'NOT_READY');
  }
  for (const [i, { id, ext }] of AGENTS.slice(10, 40).entries()) {
    await setState(ctiA, id, ext, 'NOT_READY', (i % 4) + 1);
    await until(`${id} has its reason code`, () => a.engine.agents.get(id)?.reasonCode === (i % 4) + 1);
  }

  // 10 on calls: each call rings the one READY agent and is answered
  const talking: { labId: string; ctiId: number; ext: string }[] = [];
  for (const { id, ext } of AGENTS.slice(0, 10)) {
    await setState(ctiA, id, ext, 'READY');
    await agentEvent(ctiA, id, 'READY');
    const placed = await pair.lab('/lab/calls', { from: `+1415555${1000 + talking.length}`, to: TRIGGER });
    assert.equal(placed.status, 201);
    const delivered = (await ctiA.waitFor('CALL_DELIVERED_EVENT', (e) => e.alertingDeviceId === ext)).event;
    await expectReply(ctiA, {
      type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: delivered.connectionCallId, connectionDeviceIdType: 0, connectionDeviceId: ext,
    }, 'ANSWER_CALL_CONF');
    await agentEvent(ctiA, id, 'TALKING');
    talking.push({ labId: String(placed.body['callId']), ctiId: delivered.connectionCallId, ext });
  }
  // a state asked for during a call waits for its end
  await setState(ctiA, 'load1', '20001', 'NOT_READY', 3);
  assert.equal(a.engine.agents.get('load1')?.pendingState, 'NOT_READY');

  // 5 calls queued: nobody of the CSQ is READY
  const queued: { labId: string; ctiId: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const placed = await pair.lab('/lab/calls', { from: `+1415556${1000 + i}`, to: TRIGGER });
    const labId = String(placed.body['callId']);
    const begin = (await ctiA.waitFor('BEGIN_CALL_EVENT', (e) => !talking.some((t) => t.ctiId === e.connectionCallId)
      && !queued.some((q) => q.ctiId === e.connectionCallId))).event;
    queued.push({ labId, ctiId: begin.connectionCallId });
  }
  const csqId = a.engine.config().csqs.find((c) => c.name === `Load CSQ ${TRIGGER}`)?.id;
  assert.ok(csqId !== undefined);
  assert.deepEqual(a.engine.router.queued(csqId).map((e) => e.contactId), queued.map((q) => q.labId));

  // the standby's copy is the master's state, row for row
  await until('the copy equals the master\'s state', () =>
    JSON.stringify(sorted(b.failover.copy.state())) === JSON.stringify(sorted(captureAll(a.engine))));
  const before = new Map(AGENTS.map(({ id }) => [id, agentView(a, id)]));
  const givenIds = [...a.engine.contacts.calls()].map((c) => c.ctiCallId);
  const csqToday = structuredClone(a.engine.statistics.csq(csqId)?.today);
  assert.equal(csqToday?.presented, 15);
  const waitingBefore = a.engine.statistics.csq(csqId)?.callsWaiting;
  const countsBefore = structuredClone(a.engine.statistics.csq(csqId)?.agents);

  // the master dies; the standby is promoted
  await pair.killA();
  await b.failover.setRole('master');
  assert.equal(b.engine.active, true);
  assert.equal(b.cti.role, 'master');
  assert.deepEqual(b.failover.lastTakeOver, { agentsSignedIn: 50, calls: 15, queued: 5, endedMeanwhile: 0 });
  for (const { id } of AGENTS) assert.deepEqual(agentView(b, id), before.get(id), id);
  assert.deepEqual(b.engine.router.queued(csqId).map((e) => e.contactId), queued.map((q) => q.labId));
  // the day's figures and the real-time counts go on where they were
  assert.deepEqual(b.engine.statistics.csq(csqId)?.today, csqToday);
  assert.equal(b.engine.statistics.csq(csqId)?.callsWaiting, waitingBefore);
  assert.deepEqual(b.engine.statistics.csq(csqId)?.agents, countsBefore);

  // a web service reopening on the new master sees the same agents and calls (cti.md §4.2 replay)
  const ctiB = await pair.open(b, 'pair-b', { servicesRequested: EXTENDED });
  const replay: CtiMessage[] = [];
  for (let m = await ctiB.nextEvent(); ; m = await ctiB.nextEvent()) {
    if (m.type === 'POISE_CSQ_STATISTICS_EVENT') continue;
    replay.push(m);
    if (m.type === 'POISE_SNAPSHOT_END_EVENT') break;
  }
  const end = replay.at(-1);
  assert.ok(end?.type === 'POISE_SNAPSHOT_END_EVENT');
  assert.equal(end.numAgents, 50);
  assert.equal(end.numCalls, 15);
  for (const m of replay) {
    if (m.type !== 'AGENT_STATE_EVENT') continue;
    const was = before.get(m.agentId);
    assert.ok(was, m.agentId);
    assert.equal(m.agentState, was.state, m.agentId);
    assert.equal(m.eventReasonCode, was.reasonCode, m.agentId);
  }
  const replayedCalls = new Set(replay.flatMap((m) => m.type === 'BEGIN_CALL_EVENT' ? [m.connectionCallId] : []));
  for (const { ctiId } of [...talking, ...queued]) assert.ok(replayedCalls.has(ctiId), `call ${ctiId} replayed`);

  // a new call gets a CallID never given before
  const fresh = await pair.lab('/lab/calls', { from: '+14155557000', to: '7001' });
  assert.equal(fresh.status, 201);
  const freshBegin = (await ctiB.waitFor('BEGIN_CALL_EVENT')).event;
  assert.ok(!givenIds.includes(freshBegin.connectionCallId));
  assert.ok(freshBegin.connectionCallId > Math.max(...givenIds), 'the counter went on from the old master\'s');
  assert.equal((await pair.lab(`/lab/calls/${String(fresh.body['callId'])}/abandon`)).status, 200);

  // the queued calls reach agents as they become READY, oldest first
  const deliveredTo: number[] = [];
  for (const { id, ext } of AGENTS.slice(10, 15)) {
    await setState(ctiB, id, ext, 'READY');
    deliveredTo.push((await ctiB.waitFor('CALL_DELIVERED_EVENT', (e) => e.alertingDeviceId === ext)).event.connectionCallId);
  }
  assert.deepEqual(deliveredTo, queued.map((q) => q.ctiId));

  // the 10 calls are still up on the call manager and are dropped through the new master
  for (const { labId, ctiId, ext } of talking) {
    assert.equal((await pair.labGet(`/lab/calls/${labId}`)).status, 200);
    await expectReply(ctiB, {
      type: 'CLEAR_CONNECTION_REQ', peripheralId: 1, connectionCallId: ctiId, connectionDeviceIdType: 0, connectionDeviceId: ext,
    }, 'CLEAR_CONNECTION_CONF');
    await ctiB.waitFor('END_CALL_EVENT', (e) => e.connectionCallId === ctiId);
    assert.equal((await pair.labGet(`/lab/calls/${labId}`)).status, 404);
  }
  // load1's pending NOT_READY applied at its call's end; the others went to after-call work (Automatic Work)
  assert.deepEqual([b.engine.agents.get('load1')?.state, b.engine.agents.get('load1')?.reasonCode], ['NOT_READY', 3]);
  for (const { id } of AGENTS.slice(1, 10)) assert.equal(b.engine.agents.get(id)?.state, 'WORK_READY', id);
});

test('a master that steps down stops acting and shows no stale state; master again, it has its own last state back', { timeout: 60_000 }, async () => {
  const { b } = pair;
  const before = new Map(AGENTS.map(({ id }) => [id, agentView(b, id)]));
  const ringing = [...b.engine.contacts.calls()].map((c) => c.ctiCallId);
  assert.ok(ringing.length > 0);

  await b.failover.setRole('standby');
  assert.equal(b.engine.active, false);
  assert.equal(b.cti.role, 'standby');
  assert.ok([...b.engine.agents.sessions()].every((s) => s.state === 'LOGOUT'), 'no stale agent state');
  assert.equal([...b.engine.contacts.calls()].length, 0, 'no stale call');

  // the lease comes back and no other engine took over meanwhile
  await b.failover.setRole('master');
  assert.equal(b.engine.active, true);
  for (const { id } of AGENTS) assert.deepEqual(agentView(b, id), before.get(id), id);
  assert.deepEqual([...b.engine.contacts.calls()].map((c) => c.ctiCallId).sort(), [...ringing].sort());

  // a new provider session: calls are acted on again
  const cti = await pair.open(b, 'pair-b-again');
  const call = [...b.engine.contacts.calls()][0];
  assert.ok(call);
  const agent = [...call.parties].find((d) => b.engine.resources.byExtension(d));
  assert.ok(agent);
  await expectReply(cti, {
    type: 'CLEAR_CONNECTION_REQ', peripheralId: 1, connectionCallId: call.ctiCallId, connectionDeviceIdType: 0, connectionDeviceId: agent,
  }, 'CLEAR_CONNECTION_CONF');
  await cti.waitFor('CALL_CONNECTION_CLEARED_EVENT', (e) => e.connectionCallId === call.ctiCallId && e.releasingDeviceId === agent);
});
