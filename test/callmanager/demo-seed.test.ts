import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemoContactCenter } from '../../src/callmanager/demo-seed.ts';
import { Directory } from '../../src/callmanager/directory/directory.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { storeBackends } from '../support/stores.ts';

for (const backend of storeBackends) {
  test(`${backend.name}: the demo contact center is seeded once, with load agents on request`, { timeout: 120_000 }, async () => {
    const store = await backend.open();
    try {
      await store.migrate('callmanager');
      const directory = new Directory(store.db);
      const seed = (password: string | undefined, loadAgents = 0) =>
        seedDemoContactCenter(store.db, { password, loadAgents, log: silentLogger });

      const first = await seed(undefined);
      assert.equal(first.seededNow, true);
      assert.match(first.password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      const agent1 = await directory.getEndUser({ userid: 'agent1' });
      assert.deepEqual(agent1.primaryExtension, { pattern: '1001', routePartitionName: '' });
      assert.deepEqual(agent1.associatedDevices, ['SEP000000001001']);
      assert.deepEqual(agent1.roles, ['Agent']);
      assert.deepEqual((await directory.getEndUser({ userid: 'supervisor2' })).roles, ['Agent', 'Supervisor']);
      assert.equal((await directory.getEndUser({ userid: 'agent10' })).department, 'Support');
      assert.equal((await directory.getPhone({ name: 'SEP000000001001' })).ownerUserName, 'agent1');
      assert.deepEqual((await directory.getCtiRoutePoint({ name: 'RP_Sales' })).lines.map((l) => l.pattern), ['7001']);
      assert.equal((await directory.authenticate('admin', { password: first.password }))?.roles.includes('Administrator'), true);
      assert.notEqual(await directory.authenticate('agent3', { pin: '12345' }), null);
      assert.equal(await directory.authenticate('agent3', { password: 'wrong' }), null);

      const again = await seed(undefined);
      assert.equal(again.seededNow, false);
      assert.equal(again.password, first.password, 'the generated password is kept');

      const loaded = await seed(undefined, 60);
      assert.equal(loaded.loadAgents, 60);
      const load60 = await directory.getEndUser({ userid: 'load60' });
      assert.equal(load60.primaryExtension?.pattern, '20060');
      assert.equal(load60.department, 'Load 2');
      assert.deepEqual((await directory.getEndUser({ userid: 'loadsup2' })).roles, ['Agent', 'Supervisor']);
      assert.deepEqual((await directory.listCtiRoutePoints({ name: 'RP_Load%' })).map((rp) => rp.lines[0]?.pattern),
        ['7101', '7102', '7103', '7104']);
      const provider = await directory.getAppUser({ userid: 'poise_jtapi' });
      assert.ok(provider.associatedDevices.includes('SEP000000020060'));
      assert.ok(provider.associatedDevices.includes('RP_Sales'));
      assert.notEqual(await directory.authenticate('load7', { password: first.password }), null);

      const changed = await seed('a-new-password');
      assert.equal(changed.password, 'a-new-password');
      assert.notEqual(await directory.authenticate('agent1', { password: 'a-new-password' }), null);
      assert.equal(await directory.authenticate('agent1', { password: first.password }), null);
      assert.notEqual(await directory.authenticate('loadsup1', { password: 'a-new-password' }), null);
    } finally {
      await store.close();
    }
  });
}
