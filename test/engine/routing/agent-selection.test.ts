import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SelectionCriterion } from '../../../src/engine/resources/types.ts';
import { csq, resource, routingLab, type AgentRow } from '../../support/routing-lab.ts';

// Five agents: e lacks skill 2, so it is outside the skills pool. READY in order a, b, c, d, e, a second apart.
// Skill 2 weighs 3 and comes first in the CSQ's order.
const agents: (AgentRow & { handled: number; ahtSec: number })[] = [
  { userId: 'a', skills: { 1: 3, 2: 3 }, group: 7, order: 3, handled: 2, ahtSec: 100 },
  { userId: 'b', skills: { 1: 8, 2: 2 }, group: 7, order: 1, handled: 5, ahtSec: 300 },
  { userId: 'c', skills: { 1: 2, 2: 8 }, group: 7, order: 2, handled: 5, ahtSec: 50 },
  { userId: 'd', skills: { 1: 5, 2: 5 }, group: 7, order: 4, handled: 0, ahtSec: 0 },
  { userId: 'e', skills: { 1: 10 }, handled: 9, ahtSec: 1 },
];
const SKILLS = [
  { skillId: 1, minimumCompetence: 1, weight: 1, order: 2 },
  { skillId: 2, minimumCompetence: 1, weight: 3, order: 1 },
];

// sums a 6, b 10, c 10, d 10; weighted a 12, b 14, c 26, d 20; by order (skill 2, skill 1) a 3/3, b 2/8, c 8/2, d 5/5
const table: { criterion: SelectionCriterion; pool: 'skills' | 'group'; picks: string[] }[] = [
  { criterion: 'Longest Available', pool: 'skills', picks: ['a', 'b', 'c', 'd'] },
  { criterion: 'Most Handled Contacts', pool: 'skills', picks: ['b', 'c', 'a', 'd'] },
  { criterion: 'Shortest Average Handle Time', pool: 'skills', picks: ['d', 'c', 'a', 'b'] },
  { criterion: 'Most Skilled', pool: 'skills', picks: ['b', 'c', 'd', 'a'] },
  { criterion: 'Least Skilled', pool: 'skills', picks: ['a', 'b', 'c', 'd'] },
  { criterion: 'Most Skilled by Weight', pool: 'skills', picks: ['c', 'd', 'b', 'a'] },
  { criterion: 'Least Skilled by Weight', pool: 'skills', picks: ['a', 'b', 'd', 'c'] },
  { criterion: 'Most Skilled by Order', pool: 'skills', picks: ['c', 'd', 'a', 'b'] },
  { criterion: 'Least Skilled by Order', pool: 'skills', picks: ['b', 'a', 'd', 'c'] },
  { criterion: 'Longest Available', pool: 'group', picks: ['a', 'b', 'c', 'd'] },
  { criterion: 'Linear', pool: 'group', picks: ['b', 'c', 'a', 'd'] },
  { criterion: 'Circular', pool: 'group', picks: ['b', 'c', 'a', 'd'] },
  { criterion: 'Most Handled Contacts', pool: 'group', picks: ['b', 'c', 'a', 'd'] },
];

for (const row of table) {
  test(`${row.criterion} (${row.pool} pool) picks ${row.picks.join(', ')}`, () => {
    const lab = routingLab();
    lab.router.setCsq(csq(1, {
      selectionCriteria: row.criterion,
      pool: row.pool === 'skills' ? { type: 'SKILL_GROUP', skills: SKILLS } : { type: 'RESOURCE_GROUP', resourceGroupId: 7 },
    }));
    for (const a of agents) {
      lab.router.setResource(resource(a));
      const session = lab.agents.get(a.userId)!;
      session.handledToday = a.handled;
      session.handleTimeTodayMs = a.handled * a.ahtSec * 1000;
      lab.ready(a.userId);
      lab.clock.advance(1000);
    }
    assert.deepEqual(lab.router.csqsOf('e'), []); // outside both pools
    for (let i = 0; i < row.picks.length; i++) lab.router.enqueue(`c${i}`, [{ csqId: 1 }]);
    assert.deepEqual(lab.reserved.map((r) => r.userId), row.picks);
  });
}

test('Circular continues after the agent last selected, wrapping round', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { selectionCriteria: 'Circular', pool: { type: 'RESOURCE_GROUP', resourceGroupId: 7 } }));
  for (const a of agents.slice(0, 3)) { lab.router.setResource(resource(a)); lab.ready(a.userId); }
  lab.router.enqueue('c1', [{ csqId: 1 }]); // b (order 1)
  lab.router.answered('c1');
  lab.router.ended('c1'); // b READY again
  lab.router.enqueue('c2', [{ csqId: 1 }]); // after b: c (order 2)
  lab.router.enqueue('c3', [{ csqId: 1 }]); // after c: a (order 3)
  lab.router.enqueue('c4', [{ csqId: 1 }]); // wraps: b
  assert.deepEqual(lab.reserved.map((r) => r.userId), ['b', 'c', 'a', 'b']);
});

test('a skills CSQ takes only agents with every skill at or above its minimum', () => {
  const lab = routingLab();
  lab.router.setCsq(csq(1, { pool: { type: 'SKILL_GROUP', skills: [
    { skillId: 1, minimumCompetence: 5, weight: 1, order: 1 }, { skillId: 2, minimumCompetence: 3, weight: 1, order: 2 }] } }));
  for (const a of agents) lab.router.setResource(resource(a));
  assert.deepEqual(agents.filter((a) => lab.router.csqsOf(a.userId).includes(1)).map((a) => a.userId), ['d']);
});
