// POISE_CSQ_STATISTICS_EVENT pacing (cti.md §8.3): on change, at most one per second per CSQ, carrying the figures
// of the moment it is sent; an unchanged record is not sent again. Driven on the routing lab's virtual clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CtiMessage } from '../../../src/engine/cti/codec/index.ts';
import { CsqStatisticsEvents } from '../../../src/engine/cti/csq-statistics-events.ts';
import { DEFAULT_SETTINGS } from '../../../src/engine/resources/types.ts';
import { EngineStatistics } from '../../../src/engine/stats/engine-statistics.ts';
import { csq, resource, routingLab } from '../../support/routing-lab.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('changes within a second of the last event wait for it; the event carries the latest figures', async () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1));
  lab.router.setCsq(csq(2, { pool: { type: 'SKILL_GROUP', skills: [{ skillId: 2, minimumCompetence: 1, weight: 1, order: 1 }] } }));
  lab.router.setResource(resource({ userId: 'a', skills: { 1: 5 } }));
  lab.router.setResource(resource({ userId: 'b', skills: { 2: 5 } }));
  const statistics = new EngineStatistics({ clock: lab.clock, router: lab.router, agents: lab.agents, settings: () => DEFAULT_SETTINGS });
  const sent: CtiMessage[] = [];
  const events = new CsqStatisticsEvents({ engine: { router: lab.router, statistics }, clock: lab.clock, send: (m) => sent.push(m) });
  const of = (csqId: number) => sent.flatMap((m) => (m.type === 'POISE_CSQ_STATISTICS_EVENT' && m.csqId === csqId ? [m] : []));

  lab.ready('a'); // LOGIN then READY in one step: one event with the end result
  await settle();
  assert.deepEqual(of(1).map((m) => [m.agentsLoggedOn, m.agentsReady, m.agentsNotReady]), [[1, 1, 0]]);

  lab.router.enqueue('c1', [{ csqId: 1 }]);
  lab.router.enqueue('c2', [{ csqId: 1 }]);
  lab.ready('b'); // another CSQ has its own second
  await settle();
  assert.equal(of(1).length, 1, 'CSQ 1 waits for its second');
  assert.equal(of(2).length, 1);
  lab.clock.advance(999);
  assert.equal(of(1).length, 1);
  lab.clock.advance(1);
  assert.deepEqual(of(1).map((m) => [m.agentsReady, m.agentsReserved, m.callsInQueue]), [[1, 0, 0], [0, 1, 1]]);
  assert.equal(of(1)[1]?.csqName, 'CSQ 1');

  lab.router.abandon('c2');
  lab.router.enqueue('c3', [{ csqId: 1 }]); // back to the same figures, apart from the waiting contact's age
  lab.clock.advance(1000);
  const last = of(1).at(-1);
  assert.equal(of(1).length, 3, 'the queue changed age: sent');
  assert.equal(last?.callsInQueue, 1);
  lab.clock.advance(5000);
  assert.equal(of(1).length, 3, 'nothing changed: nothing sent');
  events.close();
  statistics.close();
});
