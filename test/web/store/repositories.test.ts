import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/shared/logger.ts';
import { openWebConfigStore } from '../../../src/web/store/index.ts';
import { seedWebConfiguration } from '../../../src/web/store/seed.ts';
import { constraintViolation } from '../../../src/web/store/constraint.ts';
import { storeBackends } from '../../support/stores.ts';

for (const backend of storeBackends) {
  test(`${backend.name}: web repositories and the first-start seed`, { timeout: 120_000 }, async () => {
    const store = await backend.open();
    try {
      await store.migrate('web');
      const web = openWebConfigStore(store.db);
      assert.equal(await seedWebConfiguration(store.db, web, silentLogger), true);
      assert.equal(await seedWebConfiguration(store.db, web, silentLogger), false, 'seeded once');
      assert.deepEqual((await web.reasonCodes.list('LOGOUT')).map((r) => r.label), ['End of shift', 'Personal']);
      assert.equal((await web.wrapUpReasons.list()).length, 4);
      assert.equal((await web.mediaPropertiesLayouts.getDefault())?.type, 'DEFAULT');
      assert.match(await web.layoutConfigs.get() ?? '', /^<finesseLayout/);

      // reason codes: unique code and label per category, case-insensitive labels
      const rc = await web.reasonCodes.create({ category: 'NOT_READY', code: 50, label: 'Coaching', forAll: false, systemCode: false });
      await assert.rejects(web.reasonCodes.create({ category: 'NOT_READY', code: 50, label: 'Other', forAll: true, systemCode: false }),
        (err) => constraintViolation(err) === 'unique');
      await assert.rejects(web.reasonCodes.create({ category: 'NOT_READY', code: 51, label: 'COACHING', forAll: true, systemCode: false }),
        (err) => constraintViolation(err) === 'unique');
      await web.reasonCodes.create({ category: 'LOGOUT', code: 50, label: 'Coaching', forAll: true, systemCode: false });
      assert.equal((await web.reasonCodes.update(rc.id, { label: 'Coaching 1:1' }))?.label, 'Coaching 1:1');
      assert.equal(await web.reasonCodes.update(99_999, { label: 'x' }), undefined);
      assert.equal(await web.reasonCodes.remove(rc.id), true);
      assert.equal(await web.reasonCodes.remove(rc.id), false);

      // phone books: contacts go with their book
      const book = await web.phoneBooks.create({ name: 'Partners', type: 'GLOBAL' });
      await web.phoneBooks.createContact(book.id, { firstName: 'Ana', lastName: 'Silva', phoneNumber: '4001', description: '' });
      assert.equal(await web.phoneBooks.countContacts(book.id), 1);
      assert.equal(await web.phoneBooks.remove(book.id), true);
      assert.equal(await web.phoneBooks.countContacts(), 0);

      // workflows keep the order of their actions; an action in use cannot be removed
      const pop = await web.workflows.createAction({ name: 'Pop CRM', type: 'BROWSER_POP', handledBy: 'FINESSE_DESKTOP', params: [{ name: 'windowName', value: 'crm' }], actionVariables: [] });
      const post = await web.workflows.createAction({ name: 'Notify', type: 'HTTP_REQUEST', handledBy: 'FINESSE_DESKTOP', params: [], actionVariables: [] });
      const flow = await web.workflows.create({
        name: 'On answer', description: '', media: 'voice', triggerSet: { type: 'EVENT', triggers: [] }, conditionSet: null,
        actionIds: [post.id, pop.id],
      });
      assert.deepEqual((await web.workflows.get(flow.id))?.actionIds, [post.id, pop.id]);
      await assert.rejects(web.workflows.removeAction(pop.id), (err) => constraintViolation(err) === 'foreign-key');
      assert.deepEqual((await web.workflows.update(flow.id, { actionIds: [pop.id] }))?.actionIds, [pop.id]);
      assert.equal(await web.workflows.remove(flow.id), true);
      assert.equal(await web.workflows.removeAction(pop.id), true);

      // one DEFAULT media properties layout at most
      await assert.rejects(web.mediaPropertiesLayouts.create({ name: 'Second', description: '', type: 'DEFAULT', header: [], columns: [] }),
        (err) => constraintViolation(err) === 'unique');
    } finally {
      await store.close();
    }
  });
}
