// The npm `soap` client, as a generic SOAP toolkit would use Poise: WSDL from the live server, then calls.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BasicAuthSecurity, createClientAsync, type Client } from 'soap';
import { ACCOUNTS, startAxl, type AxlFixture } from '../../support/axl.ts';
import { storeBackends } from '../../support/stores.ts';

/** Walks a parsed SOAP answer without trusting its shape. */
function at(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

async function call(client: Client, operation: string, args: object): Promise<unknown> {
  const method: unknown = client[`${operation}Async`];
  if (typeof method !== 'function') throw new Error(`the WSDL has no ${operation}`);
  const [result]: unknown[] = await method.call(client, args);
  return result;
}

for (const backend of storeBackends) {
  describe(`${backend.name}: AXL through the npm soap client`, () => {
    let axl: AxlFixture;
    let client: Client;
    before(async () => {
      axl = await startAxl(backend);
      client = await createClientAsync(`${axl.url}?wsdl`);
      client.setSecurity(new BasicAuthSecurity('admin', ACCOUNTS.admin.password));
    });
    after(() => axl.close());

    test('getCCMVersion', async () => {
      assert.equal(at(await call(client, 'getCCMVersion', {}), 'return', 'componentVersion', 'version'), '12.5.1.10000-22');
    });

    test('users: add, get, list, update, remove round-trip through the store', async () => {
      const uuid = at(await call(client, 'addUser', {
        user: { firstName: 'Ana', lastName: 'Silva', userid: 'asilva', password: 's3cret', telephoneNumber: '+14085550142' },
      }), 'return');
      assert.equal(typeof uuid, 'string');
      const stored = await axl.directory.getEndUser({ userid: 'asilva' });
      assert.equal(`{${stored.uuid.toUpperCase()}}`, uuid);
      const user = at(await call(client, 'getUser', { userid: 'asilva' }), 'return', 'user');
      assert.equal(at(user, 'lastName'), 'Silva');
      assert.equal(at(user, 'attributes', 'uuid'), uuid);
      const listed = at(await call(client, 'listUser', { searchCriteria: { userid: 'as%' }, returnedTags: { userid: '', firstName: '' } }), 'return', 'user');
      assert.deepEqual([at(listed, 'userid'), at(listed, 'firstName'), at(listed, 'lastName')], ['asilva', 'Ana', undefined]);
      await call(client, 'updateUser', { userid: 'asilva', firstName: 'Anna', newUserid: 'anna' });
      assert.equal((await axl.directory.getEndUser({ userid: 'anna' })).firstName, 'Anna');
      assert.equal((await axl.directory.authenticate('anna', { password: 's3cret' }))?.userid, 'anna');
      assert.equal(at(await call(client, 'removeUser', { userid: 'anna' }), 'return'), uuid);
      assert.equal(await axl.directory.countEndUsers({ userid: 'anna' }), 0);
    });

    test('phones: add, get, list, update, remove round-trip through the store', async () => {
      const uuid = at(await call(client, 'addPhone', {
        phone: {
          name: 'SEP0A0B0C0D0E01', description: 'Desk', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP',
          protocolSide: 'User', devicePoolName: 'Default',
          lines: { line: [{ index: 1, dirn: { pattern: '4001', routePartitionName: '' } }] },
        },
      }), 'return');
      const stored = await axl.directory.getPhone({ name: 'SEP0A0B0C0D0E01' });
      assert.equal(`{${stored.uuid.toUpperCase()}}`, uuid);
      assert.deepEqual(stored.lines.map((l) => l.pattern), ['4001']);
      const phone = at(await call(client, 'getPhone', { name: 'SEP0A0B0C0D0E01' }), 'return', 'phone');
      assert.equal(at(phone, 'product'), 'Cisco 8845');
      assert.equal(at(phone, 'lines', 'line', 'dirn', 'pattern'), '4001');
      const listed = at(await call(client, 'listPhone', { searchCriteria: { name: 'SEP%' }, returnedTags: { name: '', description: '' } }), 'return', 'phone');
      assert.equal(at(listed, 'description'), 'Desk');
      await call(client, 'updatePhone', { name: 'SEP0A0B0C0D0E01', description: 'Desk 12', addLines: { line: [{ dirn: { pattern: '4002' } }] } });
      const updated = await axl.directory.getPhone({ name: 'SEP0A0B0C0D0E01' });
      assert.deepEqual([updated.description, updated.lines.map((l) => l.pattern)], ['Desk 12', ['4001', '4002']]);
      assert.equal(at(await call(client, 'removePhone', { name: 'SEP0A0B0C0D0E01' }), 'return'), uuid);
      assert.equal(await axl.directory.countPhones({ name: '%' }), 0);
    });

    test('a fault reaches the client as a SOAP fault with the axlError detail', async () => {
      await assert.rejects(call(client, 'getUser', { userid: 'nobody' }), (err: unknown) => {
        const fault = at(err, 'root', 'Envelope', 'Body', 'Fault');
        assert.equal(at(fault, 'faultcode'), 'soapenv:Server');
        assert.equal(at(fault, 'faultstring'), 'Item not valid: The specified User was not found');
        assert.deepEqual(at(fault, 'detail', 'axlError'), { axlcode: '5007', axlmessage: 'Item not valid: The specified User was not found', request: 'getUser' });
        return true;
      });
      await assert.rejects(call(client, 'addPhone', { phone: { name: 'SEPX', product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: 'Nope' } }),
        (err: unknown) => at(err, 'root', 'Envelope', 'Body', 'Fault', 'detail', 'axlError', 'axlcode') === '-691');
    });

    test('a read-only account gets the read-only fault on writes', async () => {
      const reader = await createClientAsync(`${axl.url}?wsdl`);
      reader.setSecurity(new BasicAuthSecurity('reader', ACCOUNTS.reader.password));
      assert.equal(at(await call(reader, 'getCCMVersion', {}), 'return', 'componentVersion', 'version'), '12.5.1.10000-22');
      await assert.rejects(call(reader, 'addLine', { line: { pattern: '1' } }),
        (err: unknown) => at(err, 'root', 'Envelope', 'Body', 'Fault', 'faultstring') === 'Access denied: read-only AXL user');
    });
  });
}
