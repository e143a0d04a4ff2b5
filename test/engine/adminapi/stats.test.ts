// The real-time statistics JSON (adminapi.md §3.2) over HTTP with Basic authentication, after lab calls routed,
// handled and abandoned on the virtual clock, so queue times and the service level are exact.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentState } from '../../../src/engine/resources/types.ts';
import { phoneNameFor } from '../../../src/shared/demo-contact-center.ts';
import { basicAuth } from '../../support/test-node.ts';
import { startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => {
  await fx.close();
});

const lab = async (path: string, body: unknown = {}) => {
  const res = await fetch(`${fx.cmUrl}/lab${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') }, body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
};

const stats = async (path: string, as: string | null = 'admin', password?: string) => {
  const res = await fetch(`${fx.baseUrl}/poise/stats${path}`, { headers: as === null ? {} : { authorization: basicAuth(as, password) } });
  return { status: res.status, headers: res.headers, body: await res.json() as Record<string, unknown> };
};

/** Resolves once the agent is in `state` (at once if it is). */
function agentIn(userId: string, state: AgentState): Promise<void> {
  const agents = fx.engine.engine.agents;
  if (agents.get(userId)?.state === state) return Promise.resolve();
  return new Promise((resolve) => agents.onChange((s) => { if (s.userId === userId && s.state === state) resolve(); }));
}

const request = (userId: string, state: 'LOGIN' | 'READY' | 'NOT_READY') => {
  const reply = fx.engine.engine.agents.request(userId, state);
  assert.ok(reply.ok, JSON.stringify(reply));
};

/** Rings agent1's phone, answers, talks `talkMs` and hangs up; its wrap-up ends with a READY request. */
async function handle(talkMs: number): Promise<void> {
  const phone = phoneNameFor('1001');
  await agentIn('agent1', 'RESERVED');
  await lab(`/devices/${phone}/answer`);
  await agentIn('agent1', 'TALKING');
  await lab('/clock/advance', { ms: talkMs });
  await lab(`/devices/${phone}/hangup`);
  await agentIn('agent1', 'WORK_READY');
  request('agent1', 'READY');
}

test('handled, abandoned and the service level after lab calls on the virtual clock', async () => {
  await lab('/clock', { mode: 'virtual' });
  request('agent1', 'LOGIN');
  request('agent1', 'READY');
  // A: answered at once
  await lab('/calls', { from: '+14155550101', to: '7001' });
  await handle(20_000);
  // B: waits 8 s (past the 5 s service level) before agent1 is READY again
  request('agent1', 'NOT_READY');
  await lab('/calls', { from: '+14155550102', to: '7001' });
  await lab('/clock/advance', { ms: 8000 });
  request('agent1', 'READY');
  await handle(10_000);
  // C: abandoned after 2 s in queue
  request('agent1', 'NOT_READY');
  const c = await lab('/calls', { from: '+14155550103', to: '7001' });
  await lab('/clock/advance', { ms: 2000 });
  const waiting = await stats('/csq/1');
  const live = (waiting.body.csqs as Record<string, unknown>[])[0]!;
  assert.equal(live.callsWaiting, 1);
  assert.deepEqual(live.callsWaitingByPriority, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(typeof live.oldestQueuedAt, 'number');
  await lab(`/calls/${String(c.callId)}/abandon`);

  const { status, headers, body } = await stats('/csq');
  assert.equal(status, 200);
  assert.equal(headers.get('cache-control'), 'no-store');
  assert.equal(typeof body.seq, 'number');
  assert.equal(typeof body.dayStartsAt, 'number');
  const sales = (body.csqs as Record<string, unknown>[]).find((q) => q.name === 'Sales')!;
  assert.equal(sales.callsWaiting, 0);
  assert.equal(sales.oldestQueuedAt, null);
  assert.deepEqual(sales.agents, {
    loggedOn: 1, ready: 0, notReady: 1, reserved: 0, talkingInbound: 0, talkingOutbound: 0, talkingInternal: 0,
    work: 0, workReady: 0, busyOther: 0,
  });
  assert.deepEqual(sales.today, {
    presented: 3, handled: 2, abandoned: 1, dequeued: 0, handledWithinSL: 1, abandonedWithinSL: 1,
    queueMs: { total: 8000, max: 8000 }, talkMs: { total: 30_000, max: 20_000 }, handleMs: { total: 30_000, max: 20_000 },
    avgSpeedOfAnswerMs: 4000,
    serviceLevelPct: { onlyHandled: 50, withoutAbandoned: 50, positiveAbandon: 66.7, negativeAbandon: 33.3 },
  });

  const agent = await stats('/agent/agent1');
  const row = (agent.body.agents as Record<string, unknown>[])[0]!;
  assert.equal(row.userID, 'agent1');
  assert.equal(row.extension, '1001');
  assert.equal(row.state, 'NOT_READY');
  assert.deepEqual(row.csqIds, [1]);
  const today = row.today as Record<string, unknown>;
  assert.equal(today.handled, 2);
  assert.equal(today.presented, 2);
  assert.equal(today.talkMs, 30_000);
  assert.equal(today.avgHandleMs, 15_000);
  assert.equal((today.stateMs as Record<string, number>).TALKING, 30_000);
  await lab('/clock', { mode: 'real' });
});

test('supervisors see their own teams; bad credentials get 401 and unknown ids 404, in the JSON error form', async () => {
  const own = await stats('/csq', 'supervisor1');
  assert.equal(own.status, 200);
  assert.deepEqual((own.body.csqs as Record<string, unknown>[]).map((q) => q.name), ['Sales']);
  const agents = await stats('/agent', 'supervisor1');
  assert.ok((agents.body.agents as Record<string, unknown>[]).every((a) => ['agent1', 'agent2', 'agent3', 'agent4', 'agent5', 'supervisor1'].includes(String(a.userID))));
  assert.equal((await stats('/csq/2', 'supervisor1')).status, 403);
  const byTeam = await stats('/agent?team=2');
  assert.ok((byTeam.body.agents as Record<string, unknown>[]).some((a) => a.userID === 'agent6'));
  assert.ok(!(byTeam.body.agents as Record<string, unknown>[]).some((a) => a.userID === 'agent1'));

  const wrong = await stats('/csq', 'admin', 'wrong-password');
  assert.equal(wrong.status, 401);
  assert.deepEqual(Object.keys((wrong.body.apiError as Record<string, unknown>[])[0]!), ['errorData', 'errorMessage', 'errorType']);
  assert.equal((await stats('/csq', null)).status, 401);
  const missing = await stats('/csq/77');
  assert.equal(missing.status, 404);
  assert.equal((missing.body.apiError as Record<string, unknown>[])[0]!.errorType, 'InstanceNotFound');
  assert.equal((await stats('/agent/nobody')).status, 404);
  assert.equal((await stats('/csq?team=99')).status, 404);
  // the refusals changed nothing and the endpoint still serves
  assert.equal((await stats('/csq')).status, 200);
});
