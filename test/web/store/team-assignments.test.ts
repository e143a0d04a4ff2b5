// Team assignments in the web schema, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: a reason code PUT replaces
// one category and keeps the other; a team's list is its own; an item deleted, or made global, leaves every team.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openWebConfigStore } from '../../../src/web/store/index.ts';
import { constraintViolation } from '../../../src/web/store/constraint.ts';
import { reasonCodesForTeam, workflowsForTeam } from '../../../src/web/store/team-visible.ts';
import { storeBackends } from '../../support/stores.ts';

const SALES = 1;
const SUPPORT = 2;

for (const backend of storeBackends) {
  test(`${backend.name}: team assignments`, { timeout: 120_000 }, async () => {
    const store = await backend.open();
    try {
      await store.migrate('web');
      const web = openWebConfigStore(store.db);
      const { teamAssignments: assigned } = web;
      const code = (category: 'NOT_READY' | 'LOGOUT', n: number, forAll = false) =>
        web.reasonCodes.create({ category, code: n, label: `Code ${n}`, forAll, systemCode: false });
      const [huddle, training, shiftEnd, global] = [await code('NOT_READY', 61), await code('NOT_READY', 62), await code('LOGOUT', 63), await code('NOT_READY', 64, true)];

      await assigned.replaceReasonCodes(SALES, 'NOT_READY', [huddle.id, training.id]);
      await assigned.replaceReasonCodes(SALES, 'LOGOUT', [shiftEnd.id]);
      await assigned.replaceReasonCodes(SUPPORT, 'NOT_READY', [training.id]);
      await assigned.replaceReasonCodes(SALES, 'NOT_READY', [huddle.id]);
      assert.deepEqual(await assigned.reasonCodeIds(SALES, 'NOT_READY'), [huddle.id]);
      assert.deepEqual(await assigned.reasonCodeIds(SALES, 'LOGOUT'), [shiftEnd.id], 'the other category is kept');
      assert.deepEqual(await assigned.reasonCodeIds(SALES), [huddle.id, shiftEnd.id].sort((a, b) => a - b));
      assert.deepEqual(await assigned.reasonCodeIds(SUPPORT, 'NOT_READY'), [training.id], 'each team has its own list');
      const visible = (await reasonCodesForTeam(web, SALES, 'NOT_READY')).map((rc) => rc.id);
      assert.ok(visible.includes(huddle.id) && visible.includes(global.id) && !visible.includes(training.id));
      assert.ok(!(await reasonCodesForTeam(web, undefined, 'NOT_READY')).some((rc) => rc.id === huddle.id), 'no team: global codes alone');

      await web.reasonCodes.update(training.id, { forAll: true });
      assert.deepEqual(await assigned.reasonCodeIds(SUPPORT), [], 'a code made global leaves its teams');
      await web.reasonCodes.remove(huddle.id);
      assert.deepEqual(await assigned.reasonCodeIds(SALES), [shiftEnd.id], 'a deleted code leaves its teams');
      await assert.rejects(assigned.replaceReasonCodes(SALES, 'NOT_READY', [huddle.id]), (err) => constraintViolation(err) === 'foreign-key');

      const wrapUp = await web.wrapUpReasons.create({ label: 'Upsell', forAll: false });
      await assigned.replaceWrapUpReasons(SALES, [wrapUp.id]);
      await web.wrapUpReasons.update(wrapUp.id, { label: 'Upsold' });
      assert.deepEqual(await assigned.wrapUpReasonIds(SALES), [wrapUp.id], 'a label change keeps the assignment');
      await web.wrapUpReasons.update(wrapUp.id, { forAll: true });
      assert.deepEqual(await assigned.wrapUpReasonIds(SALES), []);

      const book = await web.phoneBooks.create({ name: 'Partners', type: 'TEAM' });
      await assigned.replacePhoneBooks(SALES, [book.id]);
      await assigned.replacePhoneBooks(SUPPORT, [book.id]);
      await web.phoneBooks.update(book.id, { type: 'GLOBAL' });
      assert.deepEqual([await assigned.phoneBookIds(SALES), await assigned.phoneBookIds(SUPPORT)], [[], []]);

      const flow = await web.workflows.create({ name: 'Pop', triggerSet: { type: 'EVENT', triggers: [] }, actionIds: [] });
      await assigned.replaceWorkflows(SALES, [flow.id]);
      assert.deepEqual((await workflowsForTeam(web, SALES)).map((w) => w.id), [flow.id]);
      assert.deepEqual(await workflowsForTeam(web, SUPPORT), []);
      await assigned.replaceWorkflows(SALES, []);
      assert.deepEqual(await assigned.workflowIds(SALES), []);
    } finally {
      await store.close();
    }
  });
}
