import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DirectoryError, type Directory } from '../../../src/callmanager/directory/index.ts';
import { dumpTables, openDirectory, type DirectoryFixture } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

const rejectsWith = (promise: Promise<unknown>, kind: DirectoryError['kind']) =>
  assert.rejects(promise, (err) => err instanceof DirectoryError && err.kind === kind);

for (const backend of storeBackends) {
  describe(`${backend.name}: lines`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    before(async () => {
      fx = await openDirectory(backend);
      dir = fx.directory;
      await dir.addRoutePartition('Internal');
    });
    after(() => fx.close());

    test('pattern + partition is the key; the empty partition is a partition of its own', async () => {
      const a = await dir.addLine({ pattern: '7001', description: 'Sales route point' });
      const b = await dir.addLine({ pattern: '7001', routePartitionName: 'INTERNAL', usage: 'Device' });
      assert.notEqual(a, b);
      assert.deepEqual(await dir.getLine({ pattern: '7001', routePartitionName: '' }), {
        uuid: a, pattern: '7001', routePartitionName: '', usage: 'Device', description: 'Sales route point', alertingName: null,
      });
      assert.equal((await dir.getLine({ pattern: '7001', routePartitionName: 'Internal' })).uuid, b);
      assert.equal((await dir.getLine({ uuid: `{${b.toUpperCase()}}` })).routePartitionName, 'Internal');
      await rejectsWith(dir.addLine({ pattern: '7001' }), 'DUPLICATE');
      await rejectsWith(dir.addLine({ pattern: '7002', routePartitionName: 'Nope' }), 'MISSING_REFERENCE');
      await rejectsWith(dir.addLine({ pattern: '' }), 'REQUIRED_FIELD');
      await rejectsWith(dir.getLine({ pattern: '7002' }), 'NOT_FOUND');
    });

    test('update and rename, duplicates refused without change', async () => {
      await dir.addLine({ pattern: '7003' });
      const before = await dumpTables(fx.store);
      await rejectsWith(dir.updateLine({ pattern: '7003' }, { newPattern: '7001' }), 'DUPLICATE');
      await rejectsWith(dir.updateLine({ pattern: '7003' }, { newRoutePartitionName: 'Nope' }), 'MISSING_REFERENCE');
      await rejectsWith(dir.updateLine({ pattern: '7999' }, { description: 'x' }), 'NOT_FOUND');
      assert.deepEqual(await dumpTables(fx.store), before);
      await dir.updateLine({ pattern: '7003' }, { newPattern: '7004', newRoutePartitionName: 'Internal', alertingName: 'Support', description: '' });
      const line = await dir.getLine({ pattern: '7004', routePartitionName: 'Internal' });
      assert.deepEqual([line.alertingName, line.description], ['Support', null]);
    });

    test('list, sorted by pattern then partition', async () => {
      const keys = async (c: Parameters<Directory['listLines']>[0]) =>
        (await dir.listLines(c)).map((l) => `${l.pattern}/${l.routePartitionName}`);
      assert.deepEqual(await keys({ pattern: '700%' }), ['7001/', '7001/Internal', '7004/Internal']);
      assert.deepEqual(await keys({ routePartitionName: 'internal' }), ['7001/Internal', '7004/Internal']);
      assert.deepEqual(await keys({ description: 'sales%', usage: 'device' }), ['7001/']);
      assert.equal(await dir.countLines({ pattern: '%' }), 3);
    });

    test('remove takes the line off its devices', async () => {
      await dir.addPhone({ name: 'SEP1', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default', lines: [{ pattern: '7001' }] });
      await dir.removeLine({ pattern: '7001' });
      assert.deepEqual((await dir.getPhone({ name: 'SEP1' })).lines, []);
      await rejectsWith(dir.removeLine({ pattern: '7001' }), 'NOT_FOUND');
    });
  });
}
