import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DirectoryError, type Directory } from '../../../src/callmanager/directory/index.ts';
import { dumpTables, openDirectory, type DirectoryFixture } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

const rejectsWith = (promise: Promise<unknown>, kind: DirectoryError['kind'], detail?: string) =>
  assert.rejects(promise, (err) => err instanceof DirectoryError && err.kind === kind && (detail === undefined || err.detail === detail));

const phone = (name: string, extra: Partial<Parameters<Directory['addPhone']>[0]> = {}) =>
  ({ name, product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default', ...extra });

for (const backend of storeBackends) {
  describe(`${backend.name}: phones, CTI ports and route points`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    before(async () => {
      fx = await openDirectory(backend);
      dir = fx.directory;
      await dir.addRoutePartition('Internal');
      await dir.addEndUser({ userid: 'asilva', lastName: 'Silva' });
    });
    after(() => fx.close());

    test('a phone with lines: missing lines are created with usage Device and phone limits', async () => {
      const uuid = await dir.addPhone(phone('SEP0A0B0C0D0E01', {
        description: 'Ana Silva 4001', ownerUserName: 'ASILVA',
        lines: [{ index: 1, pattern: '4001' }, { pattern: '4099', routePartitionName: 'Internal', label: 'Shared' }],
      }));
      const got = await dir.getPhone({ uuid: `{${uuid.toUpperCase()}}` });
      assert.equal(got.kind, 'PHONE');
      assert.equal(got.name, 'SEP0A0B0C0D0E01');
      assert.equal(got.ownerUserName, 'asilva');
      assert.equal(got.devicePoolName, 'Default');
      assert.equal(got.protocolSide, 'User');
      assert.equal(got.locationName, 'Hub_None');
      assert.deepEqual(got.lines.map(({ lineUuid: _u, ...l }) => l), [
        { index: 1, pattern: '4001', routePartitionName: '', label: null, display: null, maxNumCalls: 4, busyTrigger: 2 },
        { index: 2, pattern: '4099', routePartitionName: 'Internal', label: 'Shared', display: null, maxNumCalls: 4, busyTrigger: 2 },
      ]);
      assert.equal((await dir.getLine({ pattern: '4001' })).usage, 'Device');
    });

    test('a CTI port and a route point get their own line limits and kinds', async () => {
      await dir.addPhone(phone('CTIP_1', { product: 'CTI Port', class: 'Phone', protocol: 'SCCP', lines: [{ pattern: '8001' }] }));
      await dir.addCtiRoutePoint({ name: 'RP_Sales', devicePoolName: 'Default', lines: [{ pattern: '7001' }] });
      const port = await dir.getPhone({ name: 'ctip_1' });
      assert.equal(port.kind, 'CTI_PORT');
      assert.deepEqual([port.lines[0]?.maxNumCalls, port.lines[0]?.busyTrigger], [1, 1]);
      const rp = await dir.getCtiRoutePoint({ name: 'RP_Sales' });
      assert.deepEqual([rp.kind, rp.product, rp.class, rp.protocol], ['CTI_ROUTE_POINT', 'CTI Route Point', 'CTI Route Point', 'SCCP']);
      assert.deepEqual([rp.lines[0]?.maxNumCalls, rp.lines[0]?.busyTrigger], [5000, 4500]);
      await rejectsWith(dir.getPhone({ name: 'RP_Sales' }), 'NOT_FOUND'); // families do not mix
      await rejectsWith(dir.getCtiRoutePoint({ name: 'CTIP_1' }), 'NOT_FOUND');
      await rejectsWith(dir.addCtiRoutePoint({ name: 'sep0a0b0c0d0e01', devicePoolName: 'Default' }), 'DUPLICATE');
    });

    test('bad input and missing references change nothing', async () => {
      const before = await dumpTables(fx.store);
      await rejectsWith(dir.addPhone(phone('SEP0A0B0C0D0E01')), 'DUPLICATE');
      await rejectsWith(dir.addPhone(phone('SEPX', { devicePoolName: 'Nope' })), 'MISSING_REFERENCE', 'device.fkdevicepool');
      await rejectsWith(dir.addPhone(phone('SEPX', { ownerUserName: 'nobody' })), 'MISSING_REFERENCE', 'device.fkenduser');
      // the device row and the first line would be written before the bad partition is found
      await rejectsWith(dir.addPhone(phone('SEPX', { lines: [{ pattern: '4500' }, { pattern: '4501', routePartitionName: 'Nope' }] })),
        'MISSING_REFERENCE', 'numplan.fkroutepartition');
      await rejectsWith(dir.addPhone(phone('SEPX', { lines: [{ index: 1, pattern: '1' }, { index: 1, pattern: '2' }] })), 'INVALID');
      await rejectsWith(dir.addPhone(phone('SEPX', { product: '' })), 'REQUIRED_FIELD', 'device.tkmodel');
      await rejectsWith(dir.addPhone(phone('', {})), 'REQUIRED_FIELD', 'device.name');
      await rejectsWith(dir.addPhone(phone('SEPX', { protocol: 'H323' })), 'INVALID');
      await rejectsWith(dir.addPhone(phone('SEPX', { product: 'CTI Route Point' })), 'INVALID');
      await rejectsWith(dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { description: 'new', lines: [{ pattern: '9', routePartitionName: 'Nope' }] }), 'MISSING_REFERENCE');
      await rejectsWith(dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { newName: 'ctip_1' }), 'DUPLICATE');
      await rejectsWith(dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { removeLines: [{ index: 9 }] }), 'INVALID');
      await rejectsWith(dir.updatePhone({ name: 'SEPNOPE' }, { description: 'x' }), 'NOT_FOUND');
      await rejectsWith(dir.removeCtiRoutePoint({ name: 'SEP0A0B0C0D0E01' }), 'NOT_FOUND');
      assert.deepEqual(await dumpTables(fx.store), before);
    });

    test('update: fields, lines replaced, added and removed, rename', async () => {
      await dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { description: 'Desk 12', ownerUserName: '' });
      let got = await dir.getPhone({ name: 'SEP0A0B0C0D0E01' });
      assert.equal(got.description, 'Desk 12');
      assert.equal(got.ownerUserName, null);
      await dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { lines: [{ pattern: '4002', maxNumCalls: 6, busyTrigger: 3 }] });
      got = await dir.getPhone({ name: 'SEP0A0B0C0D0E01' });
      assert.deepEqual(got.lines.map((l) => [l.index, l.pattern, l.maxNumCalls, l.busyTrigger]), [[1, '4002', 6, 3]]);
      await dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { addLines: [{ pattern: '4003' }] });
      await dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { removeLines: [{ pattern: '4002' }] });
      got = await dir.getPhone({ name: 'SEP0A0B0C0D0E01' });
      assert.deepEqual(got.lines.map((l) => [l.index, l.pattern]), [[2, '4003']]);
      await dir.updatePhone({ name: 'SEP0A0B0C0D0E01' }, { newName: 'SEP0A0B0C0D0E99' });
      assert.equal((await dir.getPhone({ name: 'sep0a0b0c0d0e99' })).uuid, got.uuid);
      await rejectsWith(dir.getPhone({ name: 'SEP0A0B0C0D0E01' }), 'NOT_FOUND');
      assert.equal((await dir.getLine({ pattern: '4001' })).pattern, '4001'); // lines outlive their devices
    });

    test('list: wildcards over name, description and pool, by family, sorted, paged', async () => {
      await dir.addPhone(phone('SEPAAA', { description: 'Lobby' }));
      const names = async (c: Parameters<Directory['listPhones']>[0], page?: Parameters<Directory['listPhones']>[1]) =>
        (await dir.listPhones(c, page)).map((p) => p.name);
      assert.deepEqual(await names({ name: 'SEP%' }), ['SEP0A0B0C0D0E99', 'SEPAAA']);
      assert.deepEqual(await names({ name: '%' }), ['CTIP_1', 'SEP0A0B0C0D0E99', 'SEPAAA']);
      assert.deepEqual(await names({ description: 'lob%', devicePoolName: 'default' }), ['SEPAAA']);
      assert.deepEqual(await names({ protocol: 'sccp' }), ['CTIP_1']);
      assert.deepEqual(await names({ name: '%' }, { first: 1, skip: 1 }), ['SEP0A0B0C0D0E99']);
      assert.equal(await dir.countPhones({ name: '%' }), 3);
      assert.deepEqual((await dir.listCtiRoutePoints({ name: '%' })).map((d) => d.name), ['RP_Sales']);
    });

    test('remove', async () => {
      await dir.removePhone({ name: 'SEPAAA' });
      await dir.removeCtiRoutePoint({ name: 'rp_sales' });
      await rejectsWith(dir.getPhone({ name: 'SEPAAA' }), 'NOT_FOUND');
      await rejectsWith(dir.getCtiRoutePoint({ name: 'RP_Sales' }), 'NOT_FOUND');
    });
  });
}
