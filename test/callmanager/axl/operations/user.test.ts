import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFault, returnOf, startAxl, type AxlFixture } from '../../../support/axl.ts';
import { storeBackends } from '../../../support/stores.ts';

const UUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
const DUPLICATE = 'Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:).';

for (const backend of storeBackends) {
  describe(`${backend.name}: AXL users, application users and doAuthenticateUser`, () => {
    let axl: AxlFixture;
    let anaUuid = '';
    before(async () => {
      axl = await startAxl(backend, { maxRows: 6 });
      await axl.directory.addPhone({ name: 'SEP0A0B0C0D0E01', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default' });
      await axl.directory.addPhone({ name: 'SEP0A0B0C0D0E02', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Default' });
    });
    after(() => axl.close());

    test('addUser (axl.md §5.2 example) and getUser by userid or uuid', async () => {
      const added = returnOf(await axl.call(`<ns:addUser sequence="3"><user>
        <firstName>Ana</firstName><lastName>Silva</lastName><userid>asilva</userid>
        <password>s3cret</password><pin>12345</pin><telephoneNumber>+14085550142</telephoneNumber>
        <associatedDevices><device>SEP0A0B0C0D0E01</device></associatedDevices>
        <primaryExtension><pattern>4001</pattern><routePartitionName></routePartitionName></primaryExtension>
        <associatedGroups><userGroup><name>Agent</name></userGroup></associatedGroups>
        <unknownElement>ignored</unknownElement></user></ns:addUser>`));
      anaUuid = added.getText();
      assert.match(anaUuid, UUID);
      const byId = returnOf(await axl.call('<ns:getUser><userid>asilva</userid></ns:getUser>'));
      const byUuid = returnOf(await axl.call(`<ns:getUser><uuid>${anaUuid.slice(1, -1).toLowerCase()}</uuid></ns:getUser>`));
      assert.equal(byId.toString(), byUuid.toString());
      const user = byId.getChild('user');
      assert.equal(user?.attrs.uuid, anaUuid);
      assert.deepEqual(['firstName', 'lastName', 'userid', 'telephoneNumber', 'enableCti'].map((n) => user?.getChildText(n)),
        ['Ana', 'Silva', 'asilva', '+14085550142', 'true']);
      assert.deepEqual(user?.getChild('associatedDevices')?.getChildren('device').map((d) => d.getText()), ['SEP0A0B0C0D0E01']);
      assert.equal(user?.getChild('primaryExtension')?.getChildText('pattern'), '4001');
      assert.equal(user?.getChild('associatedGroups')?.getChild('userGroup')?.getChildText('name'), 'Agent');
      assert.ok(!byId.toString().includes('s3cret') && !byId.toString().includes('12345'));
      const narrowed = returnOf(await axl.call('<ns:getUser><userid>ASILVA</userid><returnedTags><lastName/><userid/></returnedTags></ns:getUser>'));
      assert.deepEqual(narrowed.getChild('user')?.getChildElements().map((e) => e.name), ['lastName', 'userid']);
    });

    test('listUser: criteria, returnedTags, first and skip', async () => {
      for (const id of ['bob', 'bea', 'carla']) await axl.call(`<ns:addUser><user><userid>${id}</userid><lastName>L${id}</lastName></user></ns:addUser>`);
      const list = async (criteria: string, extra = '') => returnOf(await axl.call(
        `<ns:listUser><searchCriteria>${criteria}</searchCriteria><returnedTags><userid/><lastName/></returnedTags>${extra}</ns:listUser>`))
        .getChildren('user').map((u) => u.getChildText('userid'));
      assert.deepEqual(await list('<userid>b%</userid>'), ['bea', 'bob', 'boss']);
      assert.deepEqual(await list('<userid>%</userid>', '<skip>1</skip><first>2</first>'), ['asilva', 'bea']);
      assert.deepEqual(await list('<userid>%</userid>', '<skip>9</skip>'), ['agent', 'asilva', 'bea', 'bob', 'boss', 'carla']);
      assert.deepEqual(await list('<lastName>lb%</lastName><userid>%o%</userid>'), ['bob']);
      const one = returnOf(await axl.call('<ns:listUser><searchCriteria><userid>bob</userid></searchCriteria><returnedTags><lastName/></returnedTags></ns:listUser>'));
      assert.deepEqual(one.getChild('user')?.getChildElements().map((e) => e.name), ['lastName']);
      assert.match(one.getChild('user')?.attrs.uuid ?? '', UUID);
    });

    test('listUser refusals: empty or unknown criteria, and too many results without first', async () => {
      await expectFault(axl, '<ns:listUser><searchCriteria/><returnedTags><userid/></returnedTags></ns:listUser>', { faultcode: 'soapenv:Client', axlcode: 5003 });
      await expectFault(axl, '<ns:listUser><searchCriteria><name>x</name></searchCriteria><returnedTags/></ns:listUser>', { faultcode: 'soapenv:Client', axlcode: 5003 });
      await axl.call('<ns:addUser><user><userid>dan</userid><lastName>D</lastName></user></ns:addUser>');
      await expectFault(axl, '<ns:listUser><searchCriteria><userid>%</userid></searchCriteria><returnedTags><userid/></returnedTags></ns:listUser>',
        { faultcode: 'soapenv:Server', axlcode: -1, faultstring: 'Query request too large. Total rows matched: 7 rows. Suggestive Row Fetch: less than 6 rows' });
    });

    test('updateUser: fields, pin, list replacement, rename', async () => {
      returnOf(await axl.call('<ns:updateUser><userid>asilva</userid><pin>54321</pin><department>Sales</department><associatedDevices><device>SEP0A0B0C0D0E02</device></associatedDevices></ns:updateUser>'));
      const renamed = returnOf(await axl.call(`<ns:updateUser><uuid>${anaUuid}</uuid><newUserid>ana</newUserid></ns:updateUser>`)).getText();
      assert.equal(renamed, anaUuid);
      const user = returnOf(await axl.call('<ns:getUser><userid>ana</userid></ns:getUser>')).getChild('user');
      assert.equal(user?.getChildText('department'), 'Sales');
      assert.deepEqual(user?.getChild('associatedDevices')?.getChildren('device').map((d) => d.getText()), ['SEP0A0B0C0D0E02']);
      assert.equal(await axl.directory.authenticate('ana', { pin: '54321' }).then((p) => p?.userid), 'ana');
    });

    test('user faults: unknown, duplicate, missing reference, missing field, bad pin', async () => {
      await expectFault(axl, '<ns:getUser><userid>nobody</userid></ns:getUser>', { faultcode: 'soapenv:Server', axlcode: 5007, faultstring: 'Item not valid: The specified User was not found' });
      await expectFault(axl, '<ns:removeUser><userid>nobody</userid></ns:removeUser>', { faultcode: 'soapenv:Server', axlcode: 5007 });
      await expectFault(axl, '<ns:updateUser><userid>nobody</userid><firstName>X</firstName></ns:updateUser>', { faultcode: 'soapenv:Server', axlcode: 5003, faultstring: 'User not found' });
      await expectFault(axl, '<ns:addUser><user><userid>ANA</userid><lastName>Dup</lastName></user></ns:addUser>', { faultcode: 'soapenv:Client', axlcode: -239, faultstring: DUPLICATE });
      await expectFault(axl, '<ns:updateUser><userid>bob</userid><newUserid>ana</newUserid></ns:updateUser>', { faultcode: 'soapenv:Client', axlcode: -239 });
      await expectFault(axl, '<ns:addUser><user><userid>eve</userid><lastName>E</lastName><associatedDevices><device>SEPNOPE</device></associatedDevices></user></ns:addUser>',
        { faultcode: 'soapenv:Client', axlcode: -691, faultstring: 'Missing key in referenced table for referential constraint (enduserdevicemap.fkdevice).' });
      await expectFault(axl, '<ns:updateUser><userid>bob</userid><firstName>Changed</firstName><associatedDevices><device>SEPNOPE</device></associatedDevices></ns:updateUser>', { faultcode: 'soapenv:Client', axlcode: -691 });
      await expectFault(axl, '<ns:addUser><user><userid>eve</userid><lastName></lastName></user></ns:addUser>',
        { faultcode: 'soapenv:Client', axlcode: -391, faultstring: 'Cannot insert a null into column (enduser.lastname).' });
      await expectFault(axl, '<ns:addUser><user><lastName>E</lastName></user></ns:addUser>', { faultcode: 'soapenv:Client', axlcode: -391, faultstring: 'Cannot insert a null into column (enduser.userid).' });
      await expectFault(axl, '<ns:addUser><user><userid>eve</userid><lastName>E</lastName><pin>12</pin></user></ns:addUser>', { faultcode: 'soapenv:Client', axlcode: 5003 });
      await expectFault(axl, '<ns:addUser><user><userid>eve</userid><lastName>E</lastName><enableCti>maybe</enableCti></user></ns:addUser>', { faultcode: 'soapenv:Client', axlcode: 5003 });
      await expectFault(axl, '<ns:addUser/>', { faultcode: 'soapenv:Client', axlcode: 5003 });
      await expectFault(axl, '<ns:getUser/>', { faultcode: 'soapenv:Client', axlcode: 5003 });
    });

    test('removeUser', async () => {
      assert.equal(returnOf(await axl.call('<ns:removeUser><userid>ana</userid></ns:removeUser>')).getText(), anaUuid);
      await expectFault(axl, '<ns:getUser><userid>ana</userid></ns:getUser>', { faultcode: 'soapenv:Server', axlcode: 5007 });
    });

    test('application users: add, get, list, update, remove, and their faults', async () => {
      const uuid = returnOf(await axl.call(`<ns:addAppUser><appUser><userid>ccx_rmcm</userid><password>s3cret</password>
        <associatedDevices><device>SEP0A0B0C0D0E01</device><device>SEP0A0B0C0D0E02</device></associatedDevices></appUser></ns:addAppUser>`)).getText();
      assert.match(uuid, UUID);
      const got = returnOf(await axl.call('<ns:getAppUser><userid>ccx_rmcm</userid></ns:getAppUser>')).getChild('appUser');
      assert.deepEqual(got?.getChild('associatedDevices')?.getChildren('device').map((d) => d.getText()), ['SEP0A0B0C0D0E01', 'SEP0A0B0C0D0E02']);
      assert.ok(!got?.toString().includes('s3cret'));
      const listed = returnOf(await axl.call('<ns:listAppUser><searchCriteria><userid>ccx%</userid></searchCriteria><returnedTags><userid/></returnedTags></ns:listAppUser>'));
      assert.deepEqual(listed.getChildren('appUser').map((u) => u.getChildText('userid')), ['ccx_rmcm']);
      await axl.call(`<ns:updateAppUser><uuid>${uuid}</uuid><associatedDevices><device>SEP0A0B0C0D0E02</device></associatedDevices><associatedGroups><userGroup><name>Standard AXL API Access</name></userGroup></associatedGroups></ns:updateAppUser>`);
      const updated = returnOf(await axl.call(`<ns:getAppUser><uuid>${uuid}</uuid></ns:getAppUser>`)).getChild('appUser');
      assert.deepEqual(updated?.getChild('associatedDevices')?.getChildren('device').map((d) => d.getText()), ['SEP0A0B0C0D0E02']);
      assert.equal(updated?.getChild('associatedGroups')?.getChild('userGroup')?.getChildText('name'), 'Standard AXL API Access');
      // the new role takes effect: it may now call AXL itself
      assert.equal((await axl.call('<ns:getCCMVersion/>', { as: { userid: 'ccx_rmcm', password: 's3cret' } })).status, 200);
      await expectFault(axl, '<ns:addAppUser><appUser><userid>CCX_RMCM</userid></appUser></ns:addAppUser>', { faultcode: 'soapenv:Client', axlcode: -239 });
      await expectFault(axl, '<ns:addAppUser><appUser><userid>x</userid><associatedDevices><device>NOPE</device></associatedDevices></appUser></ns:addAppUser>', { faultcode: 'soapenv:Client', axlcode: -691 });
      await expectFault(axl, '<ns:updateAppUser><userid>ghost</userid><password>x</password></ns:updateAppUser>', { faultcode: 'soapenv:Server', axlcode: 5003, faultstring: 'AppUser not found' });
      assert.equal(returnOf(await axl.call('<ns:removeAppUser><userid>ccx_rmcm</userid></ns:removeAppUser>')).getText(), uuid);
      await expectFault(axl, '<ns:getAppUser><userid>ccx_rmcm</userid></ns:getAppUser>', { faultcode: 'soapenv:Server', axlcode: 5007 });
    });

    test('doAuthenticateUser: true on the right secret, false otherwise, never a fault', async () => {
      await axl.directory.addEndUser({ userid: 'carol', lastName: 'C', password: 'pw 1 ', pin: '2468' });
      const auth = async (inner: string) => {
        const ret = returnOf(await axl.call(`<ns:doAuthenticateUser>${inner}</ns:doAuthenticateUser>`));
        return [ret.getChildText('userAuthenticated'), ret.getChildText('code'), ret.getChildText('daysToExpiry'), ret.getChildText('isWarningNeeded')];
      };
      assert.deepEqual(await auth('<userid>carol</userid><password>pw 1 </password>'), ['true', '0', '0', 'false']);
      assert.deepEqual(await auth('<userid>CAROL</userid><pin>2468</pin>'), ['true', '0', '0', 'false']);
      assert.deepEqual(await auth('<userid>carol</userid><password>pw 1</password>'), ['false', '1', '0', 'false']);
      assert.deepEqual(await auth('<userid>carol</userid><password/>'), ['false', '1', '0', 'false']);
      assert.deepEqual(await auth('<userid>nobody</userid><password>pw 1 </password>'), ['false', '1', '0', 'false']);
      assert.deepEqual(await auth('<userid>admin</userid><pin>admin-pw</pin>'), ['false', '1', '0', 'false']); // no pins for app users
      assert.deepEqual(await auth('<userid>admin</userid><password>admin-pw</password>'), ['true', '0', '0', 'false']);
      await expectFault(axl, '<ns:doAuthenticateUser><userid>carol</userid></ns:doAuthenticateUser>', { faultcode: 'soapenv:Client', axlcode: 5003 });
    });
  });
}
