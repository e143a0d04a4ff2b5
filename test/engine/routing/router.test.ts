import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csq, resource, routingLab } from '../../support/routing-lab.ts';

const skilled = (userId: string) => resource({ userId, skills: { 1: 5 } });

test('RONA: after the CSQ timer the agent goes NOT_READY with AGT_RNA and the call goes to the next agent', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { ronaTimeoutSec: 5 }));
  lab.router.setResource(skilled('a'));
  lab.router.setResource(skilled('b'));
  lab.ready('a');
  lab.clock.advance(1000);
  lab.ready('b');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  assert.equal(lab.lastReserved(), 'a');
  assert.equal(lab.agents.get('a')?.state, 'RESERVED');
  lab.clock.advance(4999);
  assert.equal(lab.ronas.length, 0);
  lab.clock.advance(1);
  assert.deepEqual(lab.ronas.map((r) => r.userId), ['a']);
  assert.equal(lab.agents.get('a')?.state, 'NOT_READY');
  assert.equal(lab.agents.get('a')?.reasonCode, 32763);
  assert.equal(lab.lastReserved(), 'b');
  assert.equal(lab.router.contactState('c1'), 'RESERVED');
});

test('RONA with no agent free: the contact returns to the head of its queue (returned first)', () => {
  const lab = routingLab({ ringNoAnswerSeconds: 10 });
  lab.router.setCsq(csq(1));
  lab.router.setResource(skilled('a'));
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.enqueue('c2', [{ csqId: 1 }]); // waits
  lab.clock.advance(10_000); // Settings.ringNoAnswerSeconds: c1 back in the queue
  assert.deepEqual(lab.router.queued(1).map((e) => [e.contactId, e.returned]), [['c1', true], ['c2', false]]);
  lab.ready('a');
  assert.deepEqual(lab.reserved.map((r) => r.contactId), ['c1', 'c1']);
});

test('RONA with TAIL requeue re-stamps the contact behind older ones', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { ronaRequeue: 'TAIL', ronaTimeoutSec: 3 }));
  lab.router.setResource(skilled('a'));
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.enqueue('c2', [{ csqId: 1 }]);
  lab.clock.advance(3000);
  assert.deepEqual(lab.router.queued(1).map((e) => e.contactId), ['c2', 'c1']);
});

test('abandon in queue: the contact leaves the queue and is never offered', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1));
  lab.router.setResource(skilled('a'));
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  assert.equal(lab.router.queued(1).length, 1);
  lab.router.abandon('c1');
  assert.equal(lab.router.queued(1).length, 0);
  lab.ready('a');
  assert.deepEqual(lab.reserved, []);
  assert.equal(lab.agents.get('a')?.state, 'READY');
});

test('abandon while the agent rings: the agent is READY again and the RONA timer is gone', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { ronaTimeoutSec: 5 }));
  lab.router.setResource(skilled('a'));
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.abandon('c1');
  assert.equal(lab.agents.get('a')?.state, 'READY');
  lab.clock.advance(10_000);
  assert.deepEqual(lab.ronas, []);
});

test('a state asked during the call is pending and applies at call end; READY is refused', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { autoWork: true, wrapupTime: 30 }));
  lab.router.setResource(skilled('a'));
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.answered('c1');
  assert.equal(lab.agents.get('a')?.state, 'TALKING');
  assert.deepEqual(lab.agents.request('a', 'READY'), { ok: false, failureCode: 265, reason: 'READY while TALKING' });
  assert.deepEqual(lab.agents.request('a', 'NOT_READY', 12), { ok: true });
  assert.equal(lab.agents.get('a')?.state, 'TALKING');
  // a second pending NOT_READY: the same reason again is accepted, another reason refused (rest-api.md §3.3)
  assert.deepEqual(lab.agents.request('a', 'NOT_READY', 12), { ok: true });
  assert.deepEqual(lab.agents.request('a', 'NOT_READY', 14), { ok: false, failureCode: 265, reason: 'NOT_READY pending with reason 12' });
  assert.equal(lab.agents.get('a')?.pendingReasonCode, 12);
  lab.router.ended('c1');
  assert.equal(lab.agents.get('a')?.state, 'NOT_READY');
  assert.equal(lab.agents.get('a')?.reasonCode, 12);
  assert.equal(lab.agents.get('a')?.handledToday, 1);
});

test('automatic work, then READY after the wrap-up time, then the oldest waiting contact', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { autoWork: true, wrapupTime: 30 }));
  lab.router.setResource(skilled('a'));
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.answered('c1');
  lab.clock.advance(60_000);
  lab.router.enqueue('c2', [{ csqId: 1 }]);
  lab.router.ended('c1');
  assert.equal(lab.agents.get('a')?.state, 'WORK_READY');
  lab.clock.advance(29_999);
  assert.equal(lab.agents.get('a')?.state, 'WORK_READY');
  lab.clock.advance(1);
  assert.equal(lab.agents.get('a')?.handleTimeTodayMs, 90_000);
  assert.equal(lab.agents.get('a')?.state, 'RESERVED');
  assert.equal(lab.router.reservationOf('c2')?.userId, 'a');
});

test('automatic work without Automatic Available ends in NOT_READY with AGT_WORK_TIMER_EXP', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { autoWork: true, wrapupTime: 10 }));
  lab.router.setResource(resource({ userId: 'a', skills: { 1: 5 }, automaticAvailable: false }));
  lab.ready('a');
  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.answered('c1');
  lab.router.ended('c1');
  assert.equal(lab.agents.get('a')?.state, 'WORK');
  lab.clock.advance(10_000);
  assert.equal(lab.agents.get('a')?.state, 'NOT_READY');
  assert.equal(lab.agents.get('a')?.reasonCode, 32758);
});

test('an agent becoming READY takes the highest priority, then the oldest contact, across its CSQs', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1));
  lab.router.setCsq(csq(2));
  lab.router.setResource(skilled('a'));
  lab.router.enqueue('old', [{ csqId: 1 }]);
  lab.clock.advance(1000);
  lab.router.enqueue('newer', [{ csqId: 2 }]);
  lab.clock.advance(1000);
  lab.router.enqueue('urgent', [{ csqId: 1, priority: 5 }]);
  lab.ready('a');
  for (let i = 0; i < 3; i++) {
    const contactId = lab.reserved[lab.reserved.length - 1]!.contactId;
    lab.router.answered(contactId);
    lab.router.ended(contactId); // READY again without automatic work: the next contact at once
  }
  const order = lab.reserved.map((r) => r.contactId);
  assert.deepEqual(order, ['urgent', 'old', 'newer']);
});

test('the agent state machine refuses what §2.2 does not allow', () => {
  const lab = routingLab();
  lab.router.setResource(skilled('a'));
  assert.equal(lab.agents.request('a', 'READY').ok, false); // LOGOUT → READY
  assert.deepEqual(lab.agents.request('nobody', 'LOGIN'), { ok: false, failureCode: 256, reason: 'no agent nobody' });
  assert.equal(lab.agents.request('a', 'LOGIN').ok, true);
  assert.equal(lab.agents.get('a')?.state, 'NOT_READY');
  assert.equal(lab.agents.request('a', 'WORK').ok, false);
  assert.equal(lab.agents.request('a', 'NOT_READY', 7).ok, true); // a new reason code
  assert.equal(lab.agents.get('a')?.reasonCode, 7);
});
