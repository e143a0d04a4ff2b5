import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element } from '../../../../src/shared/xml/index.ts';
import { expectFault, returnOf, startAxl, type AxlFixture } from '../../../support/axl.ts';
import { storeBackends } from '../../../support/stores.ts';

const UUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
const client = (axlcode: number, faultstring?: string) => ({ faultcode: 'soapenv:Client' as const, axlcode, faultstring });
const server = (axlcode: number, faultstring?: string) => ({ faultcode: 'soapenv:Server' as const, axlcode, faultstring });

const lines = (device: Element | undefined) => device?.getChild('lines')?.getChildren('line').map((l) => [
  l.getChildText('index'), l.getChild('dirn')?.getChildText('pattern'), l.getChild('dirn')?.getChildText('routePartitionName'),
  l.getChildText('maxNumCalls'), l.getChildText('busyTrigger')]);

const PHONE = `<ns:addPhone><phone>
  <name>SEP0A0B0C0D0E01</name><description>Ana Silva 4001</description>
  <product>Cisco 8845</product><class>Phone</class><protocol>SIP</protocol>
  <protocolSide>User</protocolSide><devicePoolName>Default</devicePoolName>
  <commonPhoneConfigName>Standard Common Phone Profile</commonPhoneConfigName>
  <ownerUserName>asilva</ownerUserName>
  <lines><line><index>1</index><dirn><pattern>4001</pattern><routePartitionName/></dirn></line></lines>
</phone></ns:addPhone>`;

for (const backend of storeBackends) {
  describe(`${backend.name}: AXL phones, CTI route points and lines`, () => {
    let axl: AxlFixture;
    before(async () => {
      axl = await startAxl(backend);
      await axl.directory.addEndUser({ userid: 'asilva', lastName: 'Silva' });
      await axl.directory.addRoutePartition('Internal');
    });
    after(() => axl.close());

    test('addPhone (axl.md §5.3 example) creates the missing line; getPhone by name or uuid', async () => {
      const uuid = returnOf(await axl.call(PHONE)).getText();
      assert.match(uuid, UUID);
      const phone = returnOf(await axl.call('<ns:getPhone><name>sep0a0b0c0d0e01</name></ns:getPhone>')).getChild('phone');
      assert.equal(phone?.attrs.uuid, uuid);
      assert.deepEqual(['name', 'description', 'product', 'class', 'protocol', 'protocolSide', 'devicePoolName', 'locationName', 'ownerUserName']
        .map((n) => phone?.getChildText(n)), ['SEP0A0B0C0D0E01', 'Ana Silva 4001', 'Cisco 8845', 'Phone', 'SIP', 'User', 'Default', 'Hub_None', 'asilva']);
      assert.match(phone?.getChild('devicePoolName')?.attrs.uuid ?? '', UUID);
      assert.deepEqual(lines(phone), [['1', '4001', '', '4', '2']]);
      const line = returnOf(await axl.call('<ns:getLine><pattern>4001</pattern><routePartitionName/></ns:getLine>')).getChild('line');
      assert.equal(line?.getChildText('usage'), 'Device');
      const byUuid = returnOf(await axl.call(`<ns:getPhone><uuid>${uuid}</uuid><returnedTags><name/><lines/></returnedTags></ns:getPhone>`)).getChild('phone');
      assert.deepEqual(byUuid?.getChildElements().map((e) => e.name), ['name', 'lines']);
    });

    test('a CTI port is a phone of product CTI Port with 1/1 lines', async () => {
      await axl.call('<ns:addPhone><phone><name>CTIP_1</name><product>CTI Port</product><class>Phone</class><protocol>SCCP</protocol><devicePoolName>Default</devicePoolName><lines><line><dirn><pattern>8001</pattern></dirn></line></lines></phone></ns:addPhone>');
      assert.deepEqual(lines(returnOf(await axl.call('<ns:getPhone><name>CTIP_1</name></ns:getPhone>')).getChild('phone')), [['1', '8001', '', '1', '1']]);
    });

    test('listPhone (axl.md §5.3 example), sorted, with returnedTags', async () => {
      const ret = returnOf(await axl.call('<ns:listPhone><searchCriteria><name>SEP%</name></searchCriteria><returnedTags><name/><description/><product/><devicePoolName/></returnedTags></ns:listPhone>'));
      const phones = ret.getChildren('phone');
      assert.deepEqual(phones.map((p) => p.getChildElements().map((e) => e.name)), [['name', 'description', 'product', 'devicePoolName']]);
      const all = returnOf(await axl.call('<ns:listPhone><searchCriteria><devicePoolName>default</devicePoolName><securityProfileName>%</securityProfileName></searchCriteria><returnedTags><name/></returnedTags></ns:listPhone>'));
      assert.deepEqual(all.getChildren('phone').map((p) => p.getChildText('name')), ['CTIP_1', 'SEP0A0B0C0D0E01']);
    });

    test('updatePhone: description, lines replaced, added and removed, then a rename', async () => {
      await axl.call('<ns:updatePhone><name>SEP0A0B0C0D0E01</name><description>Desk 12</description></ns:updatePhone>');
      await axl.call('<ns:updatePhone><name>SEP0A0B0C0D0E01</name><lines><line><index>1</index><dirn><pattern>4002</pattern><routePartitionName>Internal</routePartitionName></dirn><maxNumCalls>6</maxNumCalls><busyTrigger>3</busyTrigger></line></lines></ns:updatePhone>');
      await axl.call('<ns:updatePhone><name>SEP0A0B0C0D0E01</name><addLines><line><dirn><pattern>4003</pattern></dirn></line></addLines></ns:updatePhone>');
      let phone = returnOf(await axl.call('<ns:getPhone><name>SEP0A0B0C0D0E01</name></ns:getPhone>')).getChild('phone');
      assert.equal(phone?.getChildText('description'), 'Desk 12');
      assert.deepEqual(lines(phone), [['1', '4002', 'Internal', '6', '3'], ['2', '4003', '', '4', '2']]);
      await axl.call('<ns:updatePhone><name>SEP0A0B0C0D0E01</name><removeLines><line><index>1</index></line></removeLines><newName>SEP0A0B0C0D0E99</newName></ns:updatePhone>');
      phone = returnOf(await axl.call('<ns:getPhone><name>SEP0A0B0C0D0E99</name></ns:getPhone>')).getChild('phone');
      assert.deepEqual(lines(phone), [['2', '4003', '', '4', '2']]);
    });

    test('phone faults: missing pool or partition, duplicate, missing field, unknown phone', async () => {
      const add = (inner: string) => `<ns:addPhone><phone><name>SEPBAD</name><product>Cisco 8845</product><class>Phone</class><protocol>SIP</protocol>${inner}</phone></ns:addPhone>`;
      await expectFault(axl, add('<devicePoolName>Nope</devicePoolName>'), client(-691, 'Missing key in referenced table for referential constraint (device.fkdevicepool).'));
      await expectFault(axl, add('<devicePoolName>Default</devicePoolName><lines><line><dirn><pattern>4500</pattern></dirn></line><line><dirn><pattern>4501</pattern><routePartitionName>Nope</routePartitionName></dirn></line></lines>'),
        client(-691, 'Missing key in referenced table for referential constraint (numplan.fkroutepartition).'));
      await expectFault(axl, add('<devicePoolName>Default</devicePoolName><ownerUserName>ghost</ownerUserName>'), client(-691));
      await expectFault(axl, add(''), client(-391, 'Cannot insert a null into column (device.fkdevicepool).'));
      await expectFault(axl, '<ns:addPhone><phone><name>SEPBAD</name><class>Phone</class><protocol>SIP</protocol><devicePoolName>Default</devicePoolName></phone></ns:addPhone>', client(-391, 'Cannot insert a null into column (device.tkmodel).'));
      await expectFault(axl, PHONE.replace('SEP0A0B0C0D0E01', 'sep0a0b0c0d0e99'), client(-239));
      await expectFault(axl, '<ns:updatePhone><name>SEP0A0B0C0D0E99</name><newName>CTIP_1</newName></ns:updatePhone>', client(-239));
      await expectFault(axl, '<ns:updatePhone><name>SEP0A0B0C0D0E99</name><description>x</description><lines><line><dirn><pattern>1</pattern><routePartitionName>Nope</routePartitionName></dirn></line></lines></ns:updatePhone>', client(-691));
      await expectFault(axl, '<ns:getPhone><name>SEPNOPE</name></ns:getPhone>', server(5007, 'Item not valid: The specified Phone was not found'));
      await expectFault(axl, '<ns:updatePhone><name>SEPNOPE</name><description>x</description></ns:updatePhone>', server(5003, 'Phone not found'));
      await expectFault(axl, '<ns:removePhone><uuid>{00000000-0000-0000-0000-000000000000}</uuid></ns:removePhone>', server(5007));
      await expectFault(axl, '<ns:addPhone><phone><name>SEPBAD</name><product>Cisco 8845</product><class>Phone</class><protocol>SIP</protocol><devicePoolName>Default</devicePoolName><lines><line><index>x</index></line></lines></phone></ns:addPhone>', client(5003));
    });

    test('CTI route points (axl.md §5.5 example): add, get, list, update, remove', async () => {
      const uuid = returnOf(await axl.call(`<ns:addCtiRoutePoint><ctiRoutePoint>
        <name>RP_Sales</name><description>Sales trigger</description><product>CTI Route Point</product><class>CTI Route Point</class>
        <protocol>SCCP</protocol><protocolSide>User</protocolSide><devicePoolName>Default</devicePoolName><locationName>Hub_None</locationName>
        <useTrustedRelayPoint>Default</useTrustedRelayPoint>
        <lines><line><index>1</index><dirn><pattern>7001</pattern><routePartitionName/></dirn></line></lines>
        </ctiRoutePoint></ns:addCtiRoutePoint>`)).getText();
      const rp = returnOf(await axl.call('<ns:getCtiRoutePoint><name>RP_Sales</name></ns:getCtiRoutePoint>')).getChild('ctiRoutePoint');
      assert.equal(rp?.attrs.uuid, uuid);
      assert.deepEqual(lines(rp), [['1', '7001', '', '5000', '4500']]);
      const listed = returnOf(await axl.call('<ns:listCtiRoutePoint><searchCriteria><name>%</name></searchCriteria><returnedTags><name/></returnedTags></ns:listCtiRoutePoint>'));
      assert.deepEqual(listed.getChildren('ctiRoutePoint').map((r) => r.getChildText('name')), ['RP_Sales']);
      await expectFault(axl, '<ns:getPhone><name>RP_Sales</name></ns:getPhone>', server(5007));
      await expectFault(axl, '<ns:addCtiRoutePoint><ctiRoutePoint><name>RP_X</name><devicePoolName>Nope</devicePoolName></ctiRoutePoint></ns:addCtiRoutePoint>', client(-691));
      await axl.call('<ns:updateCtiRoutePoint><name>RP_Sales</name><description>Sales</description></ns:updateCtiRoutePoint>');
      assert.equal(returnOf(await axl.call(`<ns:getCtiRoutePoint><uuid>${uuid}</uuid></ns:getCtiRoutePoint>`)).getChild('ctiRoutePoint')?.getChildText('description'), 'Sales');
      assert.equal(returnOf(await axl.call('<ns:removeCtiRoutePoint><name>RP_Sales</name></ns:removeCtiRoutePoint>')).getText(), uuid);
      await expectFault(axl, '<ns:removeCtiRoutePoint><name>RP_Sales</name></ns:removeCtiRoutePoint>', server(5007, 'Item not valid: The specified CtiRoutePoint was not found'));
    });

    test('lines (axl.md §5.4 example): add, get, list, update, remove', async () => {
      const uuid = returnOf(await axl.call('<ns:addLine><line><pattern>7101</pattern><routePartitionName/><usage>Device</usage><description>Sales route point</description></line></ns:addLine>')).getText();
      const line = returnOf(await axl.call('<ns:getLine><pattern>7101</pattern><routePartitionName/></ns:getLine>')).getChild('line');
      assert.deepEqual(['pattern', 'description', 'usage', 'routePartitionName'].map((n) => line?.getChildText(n)), ['7101', 'Sales route point', 'Device', '']);
      assert.equal(line?.attrs.uuid, uuid);
      await axl.call('<ns:addLine><line><pattern>7101</pattern><routePartitionName>Internal</routePartitionName></line></ns:addLine>');
      const listed = returnOf(await axl.call('<ns:listLine><searchCriteria><pattern>71%</pattern></searchCriteria><returnedTags><pattern/><routePartitionName/></returnedTags></ns:listLine>'));
      assert.deepEqual(listed.getChildren('line').map((l) => `${l.getChildText('pattern')}/${l.getChildText('routePartitionName')}`), ['7101/', '7101/Internal']);
      await axl.call(`<ns:updateLine><uuid>${uuid.toLowerCase()}</uuid><newPattern>7102</newPattern><alertingName>Sales</alertingName></ns:updateLine>`);
      assert.equal(returnOf(await axl.call('<ns:getLine><pattern>7102</pattern></ns:getLine>')).getChild('line')?.getChildText('alertingName'), 'Sales');
      await expectFault(axl, '<ns:addLine><line><pattern>7102</pattern></line></ns:addLine>', client(-239));
      await expectFault(axl, '<ns:addLine><line><pattern>7103</pattern><routePartitionName>Nope</routePartitionName></line></ns:addLine>', client(-691));
      await expectFault(axl, '<ns:addLine><line><description>no pattern</description></line></ns:addLine>', client(-391, 'Cannot insert a null into column (numplan.dnorpattern).'));
      await expectFault(axl, '<ns:updateLine><pattern>7999</pattern><description>x</description></ns:updateLine>', server(5003, 'Line not found'));
      await expectFault(axl, '<ns:getLine><pattern>7101</pattern></ns:getLine>', server(5007, 'Item not valid: The specified Line was not found'));
      assert.equal(returnOf(await axl.call('<ns:removeLine><pattern>7102</pattern><routePartitionName></routePartitionName></ns:removeLine>')).getText(), uuid);
    });

    test('removePhone', async () => {
      await axl.call('<ns:removePhone><name>SEP0A0B0C0D0E99</name></ns:removePhone>');
      await expectFault(axl, '<ns:getPhone><name>SEP0A0B0C0D0E99</name></ns:getPhone>', server(5007));
    });
  });
}
