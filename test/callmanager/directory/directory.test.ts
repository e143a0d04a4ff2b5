import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { DirectoryError, type Directory, type DirectoryChange } from '../../../src/callmanager/directory/index.ts';
import { openDirectory, type DirectoryFixture } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

for (const backend of storeBackends) {
  describe(`${backend.name}: directory`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    before(async () => {
      fx = await openDirectory(backend);
      dir = fx.directory;
    });
    after(() => fx.close());

    test('seeds the Default device pool once; pools and partitions are unique', async () => {
      await dir.ensureDefaults();
      await assert.rejects(dir.addDevicePool('default'), (e) => e instanceof DirectoryError && e.kind === 'DUPLICATE');
      await dir.addDevicePool('Branch');
      await dir.addRoutePartition('Internal');
      await assert.rejects(dir.addRoutePartition('INTERNAL'), (e) => e instanceof DirectoryError && e.kind === 'DUPLICATE');
    });

    test('change listeners hear committed device and line changes only', async () => {
      const heard: DirectoryChange[] = [];
      const stop = dir.onChange((c) => heard.push(c));
      dir.onChange(() => { throw new Error('a bad listener does not break writes'); });
      const rp = await dir.addCtiRoutePoint({ name: 'RP_Sales', devicePoolName: 'Branch', lines: [{ pattern: '7001' }] });
      await assert.rejects(dir.addPhone({ name: 'SEP1', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Nope' }));
      const line = await dir.getLine({ pattern: '7001' });
      assert.deepEqual(heard, [
        { entity: 'line', action: 'added', uuid: line.uuid },
        { entity: 'device', action: 'added', uuid: rp },
      ]);
      stop();
      await dir.removeLine({ pattern: '7001' });
      assert.equal(heard.length, 2);
    });

    test('dial plan: every device, its kind, default registration and line limits', async () => {
      await dir.addRoutePartition('Agents');
      await dir.addPhone({ name: 'SEP1', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default',
        lines: [{ pattern: '4001', routePartitionName: 'Agents' }] });
      await dir.addPhone({ name: 'CTIP1', product: 'CTI Port', class: 'Phone', protocol: 'SCCP', devicePoolName: 'Default',
        lines: [{ pattern: '8001' }] });
      await dir.updateCtiRoutePoint({ name: 'RP_Sales' }, { lines: [{ pattern: '7001' }] });
      assert.deepEqual(await dir.listDialPlan(), [
        { name: 'CTIP1', kind: 'CTI_PORT', registeredByDefault: false, lines: [{ pattern: '8001', routePartitionName: '', maxNumCalls: 1, busyTrigger: 1 }] },
        { name: 'RP_Sales', kind: 'CTI_ROUTE_POINT', registeredByDefault: false, lines: [{ pattern: '7001', routePartitionName: '', maxNumCalls: 5000, busyTrigger: 4500 }] },
        { name: 'SEP1', kind: 'PHONE', registeredByDefault: true, lines: [{ pattern: '4001', routePartitionName: 'Agents', maxNumCalls: 4, busyTrigger: 2 }] },
      ]);
    });

    test('readOnlyQuery reads the AXL views and cannot write', async () => {
      const rows = await dir.readOnlyQuery(sql`select name from axl_device order by name`);
      assert.deepEqual(rows.map((r) => r.name), ['CTIP1', 'RP_Sales', 'SEP1']);
      await assert.rejects(dir.readOnlyQuery(sql`delete from cm_device`));
      assert.equal((await dir.listDialPlan()).length, 3);
    });
  });
}
