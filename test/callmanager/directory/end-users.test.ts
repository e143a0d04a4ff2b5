import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DirectoryError, type Directory } from '../../../src/callmanager/directory/index.ts';
import { dumpTables, openDirectory, type DirectoryFixture } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

const rejectsWith = (promise: Promise<unknown>, kind: DirectoryError['kind'], detail?: string) =>
  assert.rejects(promise, (err) => err instanceof DirectoryError && err.kind === kind && (detail === undefined || err.detail === detail));

for (const backend of storeBackends) {
  describe(`${backend.name}: end users`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    before(async () => {
      fx = await openDirectory(backend);
      dir = fx.directory;
      await dir.addRoutePartition('Internal');
      await dir.addPhone({ name: 'SEP0A0B0C0D0E01', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default' });
      await dir.addPhone({ name: 'SEP0A0B0C0D0E02', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default' });
    });
    after(() => fx.close());

    test('add, get by userid and by uuid in any form, never a secret', async () => {
      const uuid = await dir.addEndUser({
        userid: 'asilva', firstName: 'Ana', lastName: 'Silva', password: 's3cret', pin: '12345',
        telephoneNumber: '+14085550142', associatedDevices: ['sep0a0b0c0d0e01'],
        primaryExtension: { pattern: '4001', routePartitionName: '' }, roles: ['Agent', 'Agent', ' '],
      });
      const user = await dir.getEndUser({ userid: 'ASILVA' });
      assert.deepEqual(user, {
        uuid, userid: 'asilva', firstName: 'Ana', lastName: 'Silva', displayName: null, mailid: null,
        department: null, telephoneNumber: '+14085550142', primaryExtension: { pattern: '4001', routePartitionName: '' },
        associatedDevices: ['SEP0A0B0C0D0E01'], enableCti: true, presenceGroupName: 'Standard Presence group',
        roles: ['Agent'],
      });
      assert.deepEqual(await dir.getEndUser({ uuid: `{${uuid.toUpperCase()}}` }), user);
      assert.ok(!JSON.stringify(user).includes('s3cret'));
    });

    test('unknown users, bad uuids and duplicates', async () => {
      await rejectsWith(dir.getEndUser({ userid: 'nobody' }), 'NOT_FOUND');
      await rejectsWith(dir.getEndUser({ uuid: 'not-a-uuid' }), 'NOT_FOUND');
      await rejectsWith(dir.addEndUser({ userid: 'ASilva', lastName: 'X' }), 'DUPLICATE');
      await dir.addAppUser({ userid: 'svc' });
      await rejectsWith(dir.addEndUser({ userid: 'SVC', lastName: 'X' }), 'DUPLICATE'); // one userid space
    });

    test('required fields, bad pins and missing references change nothing', async () => {
      const before = await dumpTables(fx.store);
      await rejectsWith(dir.addEndUser({ userid: 'x1', lastName: '' }), 'REQUIRED_FIELD', 'enduser.lastname');
      await rejectsWith(dir.addEndUser({ userid: ' ', lastName: 'X' }), 'REQUIRED_FIELD', 'enduser.userid');
      await rejectsWith(dir.addEndUser({ userid: 'x1', lastName: 'X', pin: '12a4' }), 'INVALID');
      await rejectsWith(dir.addEndUser({ userid: 'x1', lastName: 'X', associatedDevices: ['SEPNOPE'] }), 'MISSING_REFERENCE', 'enduserdevicemap.fkdevice');
      await rejectsWith(dir.addEndUser({ userid: 'x1', lastName: 'X', primaryExtension: { pattern: '1', routePartitionName: 'Nope' } }), 'MISSING_REFERENCE');
      await rejectsWith(dir.updateEndUser({ userid: 'asilva' }, { firstName: 'Changed', associatedDevices: ['SEPNOPE'] }), 'MISSING_REFERENCE');
      await rejectsWith(dir.updateEndUser({ userid: 'asilva' }, { lastName: '' }), 'REQUIRED_FIELD');
      await rejectsWith(dir.updateEndUser({ userid: 'nobody' }, { lastName: 'Y' }), 'NOT_FOUND');
      assert.deepEqual(await dumpTables(fx.store), before);
    });

    test('update replaces lists, clears fields and renames', async () => {
      await dir.updateEndUser({ userid: 'asilva' }, {
        associatedDevices: ['SEP0A0B0C0D0E02'], telephoneNumber: '', department: 'Sales', enableCti: false,
        primaryExtension: { pattern: '4002', routePartitionName: 'internal' },
      });
      let user = await dir.getEndUser({ userid: 'asilva' });
      assert.deepEqual(user.associatedDevices, ['SEP0A0B0C0D0E02']);
      assert.equal(user.telephoneNumber, null);
      assert.equal(user.department, 'Sales');
      assert.equal(user.enableCti, false);
      assert.deepEqual(user.primaryExtension, { pattern: '4002', routePartitionName: 'Internal' });
      await dir.updatePhone({ name: 'SEP0A0B0C0D0E02' }, { ownerUserName: 'asilva' });
      await rejectsWith(dir.updateEndUser({ userid: 'asilva' }, { newUserid: 'svc' }), 'DUPLICATE');
      const uuid = await dir.updateEndUser({ userid: 'asilva' }, { newUserid: 'ana.silva' });
      user = await dir.getEndUser({ userid: 'ana.silva' });
      assert.equal(user.uuid, uuid);
      assert.equal((await dir.getPhone({ name: 'SEP0A0B0C0D0E02' })).ownerUserName, 'ana.silva');
      await rejectsWith(dir.getEndUser({ userid: 'asilva' }), 'NOT_FOUND');
    });

    test('list: % wildcard, case-insensitive, ANDed, sorted by userid, first and skip', async () => {
      for (const [userid, firstName, lastName] of [['bob', 'Bob', 'Brown'], ['Carla', 'Carla', 'Brown'], ['bea', 'Bea', 'Smith'], ['b_x', 'Bx', 'Brown']]) {
        await dir.addEndUser({ userid: userid!, firstName: firstName!, lastName: lastName! });
      }
      const ids = async (c: Parameters<Directory['listEndUsers']>[0], page?: Parameters<Directory['listEndUsers']>[1]) =>
        (await dir.listEndUsers(c, page)).map((u) => u.userid);
      assert.deepEqual(await ids({ userid: 'B%' }), ['b_x', 'bea', 'bob']);
      assert.deepEqual(await ids({ userid: 'b_%' }), ['b_x']); // `_` is literal
      assert.deepEqual(await ids({ lastName: 'brown' }), ['b_x', 'bob', 'Carla']);
      assert.deepEqual(await ids({ lastName: 'brown', firstName: 'c%' }), ['Carla']);
      assert.deepEqual(await ids({ department: '%' }), ['ana.silva', 'b_x', 'bea', 'bob', 'Carla']); // null matches %
      assert.deepEqual(await ids({ userid: '%' }, { first: 2, skip: 1 }), ['b_x', 'bea']);
      assert.deepEqual(await ids({ userid: '%' }, { skip: 3 }), ['ana.silva', 'b_x', 'bea', 'bob', 'Carla']);
      assert.equal(await dir.countEndUsers({ lastName: 'Brown' }), 3);
      await rejectsWith(dir.listEndUsers({}, { first: -1 }), 'INVALID');
    });

    test('remove drops associations and ownership, keeps devices', async () => {
      await dir.removeEndUser({ userid: 'ana.silva' });
      await rejectsWith(dir.getEndUser({ userid: 'ana.silva' }), 'NOT_FOUND');
      const phone = await dir.getPhone({ name: 'SEP0A0B0C0D0E02' });
      assert.equal(phone.ownerUserName, null);
      await rejectsWith(dir.removeEndUser({ userid: 'ana.silva' }), 'NOT_FOUND');
    });
  });
}
