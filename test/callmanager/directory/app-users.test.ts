import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DirectoryError, roles, type Directory } from '../../../src/callmanager/directory/index.ts';
import { dumpTables, openDirectory, type DirectoryFixture } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

const rejectsWith = (promise: Promise<unknown>, kind: DirectoryError['kind']) =>
  assert.rejects(promise, (err) => err instanceof DirectoryError && err.kind === kind);

for (const backend of storeBackends) {
  describe(`${backend.name}: application users`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    before(async () => {
      fx = await openDirectory(backend);
      dir = fx.directory;
      await dir.addPhone({ name: 'SEP1', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default' });
      await dir.addCtiRoutePoint({ name: 'RP_Sales', devicePoolName: 'Default' });
    });
    after(() => fx.close());

    test('add, get, rename, replace devices, remove', async () => {
      const uuid = await dir.addAppUser({
        userid: 'ccx_rmcm', password: 's3cret', associatedDevices: ['RP_Sales', 'sep1', 'SEP1'], roles: [roles.AXL_API_ACCESS],
      });
      assert.deepEqual(await dir.getAppUser({ userid: 'CCX_RMCM' }), {
        uuid, userid: 'ccx_rmcm', presenceGroupName: 'Standard Presence group',
        associatedDevices: ['RP_Sales', 'SEP1'], roles: [roles.AXL_API_ACCESS],
      });
      await dir.updateAppUser({ uuid }, { newUserid: 'rmcm', associatedDevices: ['SEP1'] });
      const got = await dir.getAppUser({ userid: 'rmcm' });
      assert.deepEqual(got.associatedDevices, ['SEP1']);
      assert.deepEqual(got.roles, [roles.AXL_API_ACCESS]);
      assert.deepEqual((await dir.listAppUsers({ userid: 'R%' })).map((u) => u.userid), ['rmcm']);
      assert.equal(await dir.countAppUsers({ userid: '%' }), 1);
      await dir.removePhone({ name: 'SEP1' });
      assert.deepEqual((await dir.getAppUser({ userid: 'rmcm' })).associatedDevices, []);
      await dir.removeAppUser({ userid: 'rmcm' });
      await rejectsWith(dir.getAppUser({ userid: 'rmcm' }), 'NOT_FOUND');
    });

    test('duplicates, missing devices and required fields change nothing', async () => {
      await dir.addAppUser({ userid: 'engine' });
      await dir.addEndUser({ userid: 'agent1', lastName: 'One' });
      const before = await dumpTables(fx.store);
      await rejectsWith(dir.addAppUser({ userid: 'ENGINE' }), 'DUPLICATE');
      await rejectsWith(dir.addAppUser({ userid: 'agent1' }), 'DUPLICATE');
      await rejectsWith(dir.addAppUser({ userid: 'x', associatedDevices: ['NOPE'] }), 'MISSING_REFERENCE');
      await rejectsWith(dir.addAppUser({ userid: '' }), 'REQUIRED_FIELD');
      await rejectsWith(dir.updateAppUser({ userid: 'engine' }, { roles: ['Agent'], associatedDevices: ['NOPE'] }), 'MISSING_REFERENCE');
      await rejectsWith(dir.updateAppUser({ userid: 'engine' }, { newUserid: 'agent1' }), 'DUPLICATE');
      await rejectsWith(dir.updateAppUser({ userid: 'nobody' }, { roles: [] }), 'NOT_FOUND');
      assert.deepEqual(await dumpTables(fx.store), before);
    });
  });
}
