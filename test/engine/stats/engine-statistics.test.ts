import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineStatistics } from '../../../src/engine/stats/engine-statistics.ts';
import { serviceLevelPct } from '../../../src/engine/stats/service-level.ts';
import { DEFAULT_SETTINGS } from '../../../src/engine/resources/types.ts';
import { csq, resource, routingLab } from '../../support/routing-lab.ts';

const skilled = (userId: string, skills: Record<number, number> = { 1: 5 }) => resource({ userId, skills });

function statsLab() {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { serviceLevel: 5 }));
  lab.router.setCsq(csq(2, { serviceLevel: 5, pool: { type: 'SKILL_GROUP', skills: [{ skillId: 2, minimumCompetence: 1, weight: 1, order: 1 }] } }));
  lab.router.setResource(skilled('a'));
  lab.router.setResource(skilled('b', { 1: 5, 2: 5 }));
  const stats = new EngineStatistics({ clock: lab.clock, router: lab.router, agents: lab.agents, settings: () => DEFAULT_SETTINGS });
  const changed: number[] = [];
  stats.onCsqChange((id) => changed.push(id));
  return { ...lab, stats, changed };
}

test('a routed, answered and ended call counts as handled within service level once after-call work ends', () => {
  const lab = statsLab();
  lab.ready('a');
  lab.agents.request('b', 'LOGIN');
  const q1 = lab.stats.csq(1)!;
  assert.deepEqual({ ...q1.agents }, {
    loggedOn: 2, ready: 1, notReady: 1, reserved: 0, talkingInbound: 0, talkingOutbound: 0, talkingInternal: 0,
    work: 0, workReady: 0, busyOther: 0,
  });
  assert.equal(lab.stats.csq(2)!.agents.notReady, 1);

  lab.router.enqueue('c1', [{ csqId: 1 }]);
  assert.equal(q1.agents.reserved, 1);
  assert.equal(q1.agents.ready, 0);
  lab.clock.advance(3000);
  lab.router.answered('c1');
  assert.equal(q1.agents.talkingInbound, 1);
  lab.clock.advance(60_000);
  lab.router.ended('c1'); // no Automatic Work: READY at once, handled now
  assert.equal(q1.agents.ready, 1);
  assert.equal(q1.today.presented, 1);
  assert.equal(q1.today.handled, 1);
  assert.equal(q1.today.handledWithinSL, 1);
  assert.deepEqual(q1.today.queueMs, { total: 3000, max: 3000 });
  assert.deepEqual(q1.today.talkMs, { total: 60_000, max: 60_000 });
  const a = lab.stats.agent('a')!;
  assert.equal(a.today.presented, 1);
  assert.equal(a.today.handled, 1);
  assert.equal(a.today.stateMs.RESERVED, 3000);
  assert.equal(a.today.stateMs.TALKING, 60_000);
  assert.ok(lab.changed.includes(1));
});

test('with Automatic Work the contact counts when wrap-up ends, with its work time in handle time', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { autoWork: true, wrapupTime: 30, serviceLevel: 2 }));
  lab.router.setResource(skilled('a'));
  const stats = new EngineStatistics({ clock: lab.clock, router: lab.router, agents: lab.agents, settings: () => DEFAULT_SETTINGS });
  lab.router.enqueue('c1', [{ csqId: 1 }]); // no agent: waits
  const q1 = stats.csq(1)!;
  assert.equal(q1.callsWaiting, 1);
  assert.equal(q1.oldestQueuedAt, lab.clock.now());
  lab.clock.advance(4000);
  lab.ready('a');
  assert.equal(q1.callsWaiting, 0);
  assert.equal(q1.oldestQueuedAt, undefined);
  lab.router.answered('c1');
  lab.clock.advance(10_000);
  lab.router.ended('c1');
  assert.equal(q1.agents.workReady, 1);
  assert.equal(q1.today.handled, 0, 'not counted before after-call work ends');
  lab.clock.advance(30_000); // wrap-up timer → READY
  assert.equal(q1.agents.ready, 1);
  assert.equal(q1.today.handled, 1);
  assert.equal(q1.today.handledWithinSL, 0, 'queued 4 s against a 2 s service level');
  assert.deepEqual(q1.today.handleMs, { total: 40_000, max: 40_000 });
  assert.equal(stats.agent('a')!.today.workMs, 30_000);
});

test('an abandoned call counts as abandoned, within service level when it left early', () => {
  const lab = statsLab();
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.enqueue('c2', [{ csqId: 1, priority: 3 }]);
  const q1 = lab.stats.csq(1)!;
  assert.equal(q1.callsWaiting, 2);
  assert.equal(q1.waitingByPriority[0], 1);
  assert.equal(q1.waitingByPriority[2], 1);
  lab.clock.advance(2000);
  lab.router.abandon('c1');
  lab.clock.advance(10_000);
  lab.router.abandon('c2');
  assert.equal(q1.callsWaiting, 0);
  assert.deepEqual(q1.waitingByPriority, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(q1.today.abandoned, 2);
  assert.equal(q1.today.abandonedWithinSL, 1);
  assert.equal(q1.today.presented, 2);
});

test('a reserved agent whose caller hangs up goes back to ready in the counts; RONA is counted for the agent', () => {
  const lab = statsLab();
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  const q1 = lab.stats.csq(1)!;
  assert.equal(q1.agents.reserved, 1);
  lab.router.abandon('c1');
  assert.equal(q1.agents.reserved, 0);
  assert.equal(q1.agents.ready, 1);
  lab.router.enqueue('c2', [{ csqId: 1 }]);
  lab.clock.advance(10_000); // ringNoAnswerSeconds
  assert.equal(lab.stats.agent('a')!.today.rona, 1);
  assert.equal(q1.agents.notReady, 1);
  assert.equal(q1.callsWaiting, 1, 'the contact is back in its queue');
});

test('an agent of two CSQs talking on a call of one is busy other in the other', () => {
  const lab = statsLab();
  lab.ready('b');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.answered('c1');
  assert.equal(lab.stats.csq(1)!.agents.talkingInbound, 1);
  assert.equal(lab.stats.csq(2)!.agents.busyOther, 1);
  assert.equal(lab.stats.csq(2)!.agents.loggedOn, 1);
  lab.router.ended('c1');
  assert.equal(lab.stats.csq(2)!.agents.busyOther, 0);
  assert.equal(lab.stats.csq(2)!.agents.ready, 1);
});

test('the today figures start again at dayStartsAt', () => {
  const lab = statsLab();
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  assert.equal(lab.stats.csq(1)!.today.presented, 1);
  lab.clock.advance(25 * 3600_000);
  assert.equal(lab.stats.csq(1)!.today.presented, 0);
  assert.equal(lab.stats.csq(1)!.callsWaiting, 1, 'real-time figures stay');
});

test('service level: the four variants of §2.5', () => {
  assert.deepEqual(serviceLevelPct({ presented: 10, handled: 8, handledWithinSL: 6, abandonedWithinSL: 1 }), {
    onlyHandled: 75, withoutAbandoned: 66.7, positiveAbandon: 70, negativeAbandon: 60,
  });
  assert.deepEqual(serviceLevelPct({ presented: 0, handled: 0, handledWithinSL: 0, abandonedWithinSL: 0 }), {
    onlyHandled: null, withoutAbandoned: null, positiveAbandon: null, negativeAbandon: null,
  });
});
