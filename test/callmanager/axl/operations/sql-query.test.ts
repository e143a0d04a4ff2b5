import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXMLText } from '../../../../src/shared/xml/index.ts';
import { expectFault, returnOf, startAxl, type AxlFixture } from '../../../support/axl.ts';
import { storeBackends } from '../../../support/stores.ts';

const client = (axlcode: number, faultstring?: string | RegExp) => ({ faultcode: 'soapenv:Client' as const, axlcode, faultstring });

for (const backend of storeBackends) {
  describe(`${backend.name}: AXL executeSQLQuery`, () => {
    let axl: AxlFixture;
    let phoneUuid = '';
    let userUuid = '';
    before(async () => {
      axl = await startAxl(backend, { maxRows: 4 });
      const d = axl.directory;
      await d.addRoutePartition('Internal');
      userUuid = await d.addEndUser({ userid: 'asilva', firstName: 'Ana', lastName: 'Silva', telephoneNumber: '+14085550142' });
      phoneUuid = await d.addPhone({ name: 'SEP0A0B0C0D0E01', description: 'Ana Silva 4001', product: 'Cisco 8845', class: 'Phone',
        protocol: 'SIP', devicePoolName: 'Default', ownerUserName: 'asilva', lines: [{ pattern: '4001', routePartitionName: 'Internal' }] });
      await d.addPhone({ name: 'CTIP_1', product: 'CTI Port', class: 'Phone', protocol: 'SCCP', devicePoolName: 'Default' });
      await d.addCtiRoutePoint({ name: 'RP_Sales', devicePoolName: 'Default', lines: [{ pattern: '7001' }] });
      await d.updateEndUser({ userid: 'asilva' }, { associatedDevices: ['SEP0A0B0C0D0E01'] });
    });
    after(() => axl.close());

    const rows = async (statement: string) => returnOf(await axl.call(`<ns:executeSQLQuery><sql>${escapeXMLText(statement)}</sql></ns:executeSQLQuery>`))
      .getChildren('row').map((row) => Object.fromEntries(row.getChildElements().map((c) => [c.name, c.getText()])));

    test('axl.md §5.7 example: phones by tkclass', async () => {
      assert.deepEqual(await rows('select name, description from device where tkclass = 1 order by name'), [
        { name: 'CTIP_1', description: '' }, { name: 'SEP0A0B0C0D0E01', description: 'Ana Silva 4001' }]);
      assert.deepEqual(await rows('select name, tkclass, tkmodel from device where tkclass = 10'), [{ name: 'RP_Sales', tkclass: '10', tkmodel: '73' }]);
    });

    test('keys are lower case without braces and join across the views', async () => {
      assert.deepEqual(await rows(`select d.pkid, d.fkenduser, e.userid from device d, enduser e where d.fkenduser = e.pkid`),
        [{ pkid: phoneUuid, fkenduser: userUuid, userid: 'asilva' }]);
      assert.match(phoneUuid, /^[0-9a-f-]{36}$/);
      assert.deepEqual(await rows(`select n.dnorpattern dn, p.name partition, m.numplanindex from device d, devicenumplanmap m, numplan n, routepartition p
        where d.pkid = m.fkdevice and m.fknumplan = n.pkid and n.fkroutepartition = p.pkid and d.name = 'SEP0A0B0C0D0E01'`),
      [{ dn: '4001', partition: 'Internal', numplanindex: '1' }]);
      assert.deepEqual(await rows(`select e.userid, d.name from enduser e, enduserdevicemap m, device d where e.pkid = m.fkenduser and m.fkdevice = d.pkid`),
        [{ userid: 'asilva', name: 'SEP0A0B0C0D0E01' }]);
      assert.deepEqual(await rows(`select name from applicationuser where name in ('admin', 'reader') order by name desc`), [{ name: 'reader' }, { name: 'admin' }]);
    });

    test('NULL is an empty element; * lists every column; SKIP and FIRST page', async () => {
      const [row] = await rows(`select * from numplan where dnorpattern = '7001'`);
      assert.deepEqual(Object.keys(row ?? {}), ['pkid', 'dnorpattern', 'description', 'fkroutepartition']);
      assert.equal(row?.fkroutepartition, '');
      assert.deepEqual(await rows('select skip 1 first 1 name from device order by name'), [{ name: 'RP_Sales' }]);
    });

    test('values are bound, never spliced into the statement', async () => {
      assert.deepEqual(await rows(`select name from device where name = 'x'' or ''1''=''1'`), []);
      assert.deepEqual(await rows(`select name from device where name = '1''; drop view axl_device; --'`), []);
      assert.equal((await rows('select name from device')).length, 3);
    });

    test('refusals: -201 with the reason, -206, -217, and -1 past the row limit', async () => {
      const sql = (s: string) => `<ns:executeSQLQuery><sql>${escapeXMLText(s)}</sql></ns:executeSQLQuery>`;
      await expectFault(axl, sql('delete from device'), client(-201, 'A syntax error has occurred. Only SELECT statements are supported.'));
      await expectFault(axl, sql('select name from device; delete from device'), client(-201, /Only one statement/));
      await expectFault(axl, sql('select count(*) from device'), client(-201, /Function calls/));
      await expectFault(axl, sql('select name from cm_device'), client(-206, 'The specified table (cm_device) is not in the database.'));
      await expectFault(axl, sql('select password_hash from enduser'), client(-217, 'Column (password_hash) not found in any table in the query (or SLV is undefined).'));
      await expectFault(axl, '<ns:executeSQLQuery/>', client(5003));
      for (const n of ['7002', '7003', '7004']) await axl.directory.addLine({ pattern: n });
      await expectFault(axl, sql('select dnorpattern from numplan'), {
        faultcode: 'soapenv:Server', axlcode: -1,
        faultstring: 'Query request too large. Total rows matched: 5 rows. Suggestive Row Fetch: less than 4 rows',
      });
      assert.equal((await rows('select first 4 dnorpattern from numplan')).length, 4);
    });
  });
}
