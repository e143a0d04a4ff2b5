// application and trigger (adminapi.md §2.5, §2.6) over real HTTP: round trips in the spec's element order,
// a CSQ parameter or application that does not exist, and the 404, 409 answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorOf, childNames, createdKey, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => { await fx.close(); });

const application = (name: string, csq = 'Sales', extra = '') => `<application><ScriptApplication>
  <script>SSCRIPT[icd.aef]</script><scriptParams><name>CSQ</name><value>"${csq}"</value><type>java.lang.String</type></scriptParams>
  <scriptParams><name>DelayWhileQueued</name><value>20</value><type>java.lang.Integer</type></scriptParams>
  </ScriptApplication>${extra}<applicationName>${name}</applicationName><type>Cisco Script Application</type>
  <description>Billing line</description><maxsession>40</maxsession><enabled>true</enabled></application>`;

const trigger = (dn: string, app: string, description = 'Billing line') => `<trigger><directoryNumber>${dn}</directoryNumber>
  <locale>en_US</locale><application name="${app}"><refURL>/adminapi/application/${app}</refURL></application>
  <deviceName>RP_${dn}</deviceName><description>${description}</description><triggerEnabled>true</triggerEnabled>
  <maxNumOfSessions>40</maxNumOfSessions><idleTimeout>5000</idleTimeout><devicePool>Default</devicePool>
  <partition>None</partition><display>Billing</display></trigger>`;

test('application: create, read, list, update and delete round-trip', async () => {
  const created = await fx.call('POST', '/application', { body: application('Billing_App') });
  assert.equal(createdKey(created), 'Billing_App');
  assert.equal(created.headers.get('location'), `${fx.baseUrl}/application/Billing_App`);

  const read = await fx.call('GET', '/application/Billing_App');
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(childNames(read.xml),
    ['self', 'ScriptApplication', 'id', 'applicationName', 'type', 'description', 'maxsession', 'enabled']);
  const script = read.xml?.getChild('ScriptApplication');
  assert.deepEqual(childNames(script), ['script', 'scriptParams', 'scriptParams']);
  assert.equal(script?.getChildText('script'), 'SSCRIPT[icd.aef]');
  assert.deepEqual(script?.getChildren('scriptParams').map((p) => childNames(p)), [['name', 'value', 'type'], ['name', 'value', 'type']]);
  assert.deepEqual(script?.getChildren('scriptParams').map((p) => p.getChildText('value')), ['"Sales"', '20']);
  assert.equal(read.xml?.getChildText('maxsession'), '40');

  assert.ok((await fx.call('GET', '/application')).xml?.getChildren('application')
    .some((a) => a.getChildText('applicationName') === 'Billing_App'));

  const put = await fx.call('PUT', '/application/Billing_App', { body: application('Billing_App', 'Support') });
  assert.equal(put.status, 200, put.text);
  const updated = await fx.call('GET', '/application/billing_app');
  assert.equal(updated.xml?.getChild('ScriptApplication')?.getChild('scriptParams')?.getChildText('value'), '"Support"');

  assert.equal((await fx.call('DELETE', '/application/Billing_App')).status, 200);
  assert.equal((await fx.call('GET', '/application/Billing_App')).status, 404);
});

test('application: an id sent by the client is kept, and the next one without an id gets a free one', async () => {
  const explicit = await fx.call('POST', '/application', { body: application('Explicit_App', 'Sales', '<id>3</id>') });
  assert.equal(explicit.status, 201, explicit.text);
  assert.equal((await fx.call('GET', '/application/Explicit_App')).xml?.getChildText('id'), '3');
  const next = await fx.call('POST', '/application', { body: application('Next_App') });
  assert.equal(next.status, 201, next.text);
  const id = (await fx.call('GET', '/application/Next_App')).xml?.getChildText('id');
  assert.ok(typeof id === 'string' && !['1', '2', '3'].includes(id), `id ${id}`);
  const taken = await fx.call('POST', '/application', { body: application('Taken_App', 'Sales', '<id>3</id>') });
  assert.equal(taken.status, 409, taken.text);
  assert.equal(apiErrorOf(taken).errorType, 'DuplicateName');
});

test('application: a CSQ parameter naming no CSQ, an unknown script → 400, nothing stored', async () => {
  const before = await fx.dumpEngineTables();
  for (const body of [application('Ghost_App', 'CSQ_Nowhere'), application('Ghost_App').replace('icd.aef', 'ghost.aef')]) {
    const res = await fx.call('POST', '/application', { body });
    assert.equal(res.status, 400, res.text);
    assert.equal(apiErrorOf(res).errorType, 'InvalidInput');
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
  assert.equal((await fx.call('POST', '/application', { body: application('Ghost_App') })).status, 201);
});

test('application: unknown name → 404; duplicate name → 409; one a trigger names → 409 InstanceInUse', async () => {
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const res = await fx.call(method, '/application/Nope', method === 'PUT' ? { body: application('Nope') } : {});
    assert.equal(res.status, 404, res.text);
    assert.equal(apiErrorOf(res).errorData, 'Nope');
  }
  const dup = await fx.call('POST', '/application', { body: application('SALES') });
  assert.equal(dup.status, 409, dup.text);
  assert.equal(apiErrorOf(dup).errorMessage, 'application name already exists');
  const inUse = await fx.call('DELETE', '/application/Sales');
  assert.equal(inUse.status, 409, inUse.text);
  assert.equal(apiErrorOf(inUse).errorType, 'InstanceInUse');
  assert.equal(apiErrorOf(inUse).errorData, 'trigger/7001');
});

test('trigger: create, read, list, update and delete round-trip', async () => {
  createdKey(await fx.call('POST', '/application', { body: application('Trigger_App') }));
  const created = await fx.call('POST', '/trigger', { body: trigger('8800', 'Trigger_App') });
  assert.equal(createdKey(created), '8800');
  assert.equal(created.headers.get('location'), `${fx.baseUrl}/trigger/8800`);

  const read = await fx.call('GET', '/trigger/8800');
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(childNames(read.xml), ['self', 'directoryNumber', 'locale', 'application', 'deviceName', 'description',
    'callControlGroup', 'triggerEnabled', 'maxNumOfSessions', 'idleTimeout', 'alertingNameAscii', 'devicePool', 'location',
    'partition', 'voiceMailProfile', 'callingSearchSpace', 'callingSearchSpaceForRedirect', 'presenceGroup', 'display',
    'externalPhoneMaskNumber']);
  assert.deepEqual(read.xml?.getChild('self')?.attrs, { rel: 'self', href: `${fx.baseUrl}/trigger/8800`, type: 'trigger' });
  assert.equal(read.xml?.getChild('application')?.attrs.name, 'Trigger_App');
  assert.equal(read.xml?.getChild('application')?.getChildText('refURL'), `${fx.baseUrl}/application/Trigger_App`);
  assert.equal(read.xml?.getChildText('devicePool'), 'Default');

  assert.ok((await fx.call('GET', '/trigger')).xml?.getChildren('trigger').some((t) => t.getChildText('directoryNumber') === '8800'));

  const put = await fx.call('PUT', '/trigger/8800', { body: trigger('8800', 'Sales', 'Sales overflow') });
  assert.equal(put.status, 200, put.text);
  const updated = await fx.call('GET', '/trigger/8800');
  assert.equal(updated.xml?.getChildText('description'), 'Sales overflow');
  assert.equal(updated.xml?.getChild('application')?.attrs.name, 'Sales');

  assert.equal((await fx.call('DELETE', '/trigger/8800')).status, 200);
  assert.equal((await fx.call('GET', '/trigger/8800')).status, 404);
});

test('trigger: an unknown application → 400 invalid link, nothing stored, the next good request works', async () => {
  const before = await fx.dumpEngineTables();
  for (const [method, path] of [['POST', '/trigger'], ['PUT', '/trigger/7001']] as const) {
    const res = await fx.call(method, path, { body: trigger(path === '/trigger' ? '8801' : '7001', 'No_Such_App') });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(apiErrorOf(res), {
      order: ['errorData', 'errorMessage', 'errorType'], errorType: 'InvalidInput', errorMessage: 'Not a valid link uri',
      errorData: 'Invalid link /adminapi/application/No_Such_App; id qualifier [No_Such_App] is not found',
    });
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
  assert.equal((await fx.call('POST', '/trigger', { body: trigger('8801', 'Support') })).status, 201);
});

test('trigger: unknown DN → 404; a DN another trigger holds → 409', async () => {
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const res = await fx.call(method, '/trigger/9999', method === 'PUT' ? { body: trigger('9999', 'Sales') } : {});
    assert.equal(res.status, 404, res.text);
    assert.equal(apiErrorOf(res).errorType, 'InstanceNotFound');
    assert.equal(apiErrorOf(res).errorData, '9999');
  }
  const before = await fx.dumpEngineTables();
  const dup = await fx.call('POST', '/trigger', { body: trigger('7001', 'Support') });
  assert.equal(dup.status, 409, dup.text);
  assert.equal(apiErrorOf(dup).errorType, 'DuplicateName');
  assert.equal(apiErrorOf(dup).errorData, '7001');
  assert.deepEqual(await fx.dumpEngineTables(), before);
});
