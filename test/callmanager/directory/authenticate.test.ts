import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { roles, type Directory } from '../../../src/callmanager/directory/index.ts';
import { openDirectory, type DirectoryFixture } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

for (const backend of storeBackends) {
  describe(`${backend.name}: authenticate`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    before(async () => {
      fx = await openDirectory(backend);
      dir = fx.directory;
      await dir.addPhone({ name: 'SEP1', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default' });
      await dir.addEndUser({ userid: 'asilva', lastName: 'Silva', password: 's3cret', pin: '12345', roles: [roles.AGENT], associatedDevices: ['SEP1'] });
      await dir.addEndUser({ userid: 'nopass', lastName: 'None' });
      await dir.addAppUser({ userid: 'engine', password: 'app-secret', roles: [roles.AXL_API_USERS, roles.AXL_READ_ONLY_API_ACCESS] });
    });
    after(() => fx.close());

    test('end user by password or pin, any case of userid', async () => {
      const expected = { kind: 'endUser', userid: 'asilva', roles: ['Agent'], associatedDevices: ['SEP1'] };
      const byPassword = await dir.authenticate('ASilva', { password: 's3cret' });
      assert.deepEqual({ ...byPassword, uuid: undefined }, { ...expected, uuid: undefined });
      assert.equal(byPassword?.uuid, (await dir.getEndUser({ userid: 'asilva' })).uuid);
      assert.equal((await dir.authenticate('asilva', { pin: '12345' }))?.userid, 'asilva');
    });

    test('application user by password; never by pin', async () => {
      const p = await dir.authenticate('engine', { password: 'app-secret' });
      assert.equal(p?.kind, 'appUser');
      assert.deepEqual(p?.roles, [roles.AXL_API_USERS, roles.AXL_READ_ONLY_API_ACCESS]);
      assert.equal(await dir.authenticate('engine', { pin: 'app-secret' }), null);
    });

    test('wrong secret, unknown user, no secret stored: all null', async () => {
      assert.equal(await dir.authenticate('asilva', { password: 'wrong' }), null);
      assert.equal(await dir.authenticate('asilva', { password: '12345' }), null); // the pin is not a password
      assert.equal(await dir.authenticate('asilva', { pin: 's3cret' }), null);
      assert.equal(await dir.authenticate('nobody', { password: 's3cret' }), null);
      assert.equal(await dir.authenticate('nopass', { password: '' }), null);
    });

    test('a password change takes effect; a cleared password signs nobody in', async () => {
      await dir.updateEndUser({ userid: 'asilva' }, { password: 'n3w' });
      assert.equal(await dir.authenticate('asilva', { password: 's3cret' }), null);
      assert.equal((await dir.authenticate('asilva', { password: 'n3w' }))?.userid, 'asilva');
      await dir.updateEndUser({ userid: 'asilva' }, { password: null });
      assert.equal(await dir.authenticate('asilva', { password: 'n3w' }), null);
      assert.equal((await dir.authenticate('asilva', { pin: '12345' }))?.userid, 'asilva');
    });
  });
}
