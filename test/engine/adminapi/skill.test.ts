// skill and resourceGroup (adminapi.md §2.1) over real HTTP: the five operations, the element order of the
// spec's examples, and the 404, 409 and 400 answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorOf, childNames, createdKey, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => { await fx.close(); });

const objects = [
  { object: 'skill', list: 'skills', idElement: 'skillId', nameElement: 'skillName', order: ['self', 'skillId', 'skillName'] },
  { object: 'resourceGroup', list: 'resourceGroups', idElement: 'id', nameElement: 'name', order: ['self', 'id', 'name'] },
] as const;

for (const o of objects) {
  const body = (name: string) => `<${o.object}><${o.nameElement}>${name}</${o.nameElement}></${o.object}>`;

  test(`${o.object}: create, read, list, update and delete round-trip`, async () => {
    const created = await fx.call('POST', `/${o.object}`, { body: body('Billing') });
    assert.equal(created.status, 201, created.text);
    const id = createdKey(created);
    assert.equal(created.headers.get('location'), `${fx.baseUrl}/${o.object}/${id}`);
    assert.equal(created.text, created.headers.get('location'));

    const read = await fx.call('GET', `/${o.object}/${id}`);
    assert.equal(read.status, 200);
    assert.match(read.text, /^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/);
    assert.equal(read.xml?.getName(), o.object);
    assert.deepEqual(childNames(read.xml), o.order);
    assert.equal(read.xml?.getChildText('self'), `${fx.baseUrl}/${o.object}/${id}`);
    assert.equal(read.xml?.getChildText(o.idElement), id);
    assert.equal(read.xml?.getChildText(o.nameElement), 'Billing');

    const list = await fx.call('GET', `/${o.object}`);
    assert.equal(list.xml?.getName(), o.list);
    assert.ok(list.xml?.getChildren(o.object).some((e) => e.getChildText(o.idElement) === id));

    // Output fields sent back are ignored; the root may be written as the samples do (`<Skill>`).
    const capital = o.object[0]!.toUpperCase() + o.object.slice(1);
    const renamed = await fx.call('PUT', `/${o.object}/${id}`, {
      body: `<${capital}><self href="" rel="" type=""/><${o.idElement}>999</${o.idElement}><${o.nameElement}>Billing EU</${o.nameElement}></${capital}>`,
    });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.text, '');
    assert.equal((await fx.call('GET', `/${o.object}/${id}`)).xml?.getChildText(o.nameElement), 'Billing EU');

    const deleted = await fx.call('DELETE', `/${o.object}/${id}`);
    assert.equal(deleted.status, 200, deleted.text);
    assert.equal((await fx.call('GET', `/${o.object}/${id}`)).status, 404);
  });

  test(`${o.object}: an unknown id → 404 InstanceNotFound on GET, PUT and DELETE`, async () => {
    for (const [method, key] of [['GET', '4040'], ['PUT', '4040'], ['DELETE', '4040'], ['GET', 'abc']] as const) {
      const res = await fx.call(method, `/${o.object}/${key}`, method === 'PUT' ? { body: body('Nobody') } : {});
      assert.equal(res.status, 404, `${method} ${res.text}`);
      const error = apiErrorOf(res);
      assert.deepEqual(error.order, ['errorData', 'errorMessage', 'errorType']);
      assert.equal(error.errorType, 'InstanceNotFound');
      assert.equal(error.errorMessage, 'No entity found for query');
      assert.equal(error.errorData, key);
    }
  });

  test(`${o.object}: a duplicate name, in any case → 409 DuplicateName, nothing stored`, async () => {
    const first = createdKey(await fx.call('POST', `/${o.object}`, { body: body('Claims') }));
    const other = createdKey(await fx.call('POST', `/${o.object}`, { body: body('Renewals') }));
    const before = await fx.dumpEngineTables();
    for (const [method, path] of [['POST', `/${o.object}`], ['PUT', `/${o.object}/${other}`]] as const) {
      const res = await fx.call(method, path, { body: body('CLAIMS') });
      assert.equal(res.status, 409, res.text);
      assert.equal(apiErrorOf(res).errorType, 'DuplicateName');
      assert.equal(apiErrorOf(res).errorMessage, `${o.object} name already exists`);
      assert.equal(apiErrorOf(res).errorData, 'CLAIMS');
    }
    assert.deepEqual(await fx.dumpEngineTables(), before);
    // Keeping its own name is no conflict.
    assert.equal((await fx.call('PUT', `/${o.object}/${first}`, { body: body('claims') })).status, 200);
  });

  test(`${o.object}: a missing or too long name → 400 InvalidInput`, async () => {
    for (const bad of [`<${o.object}/>`, body(''), body('x'.repeat(51))]) {
      const res = await fx.call('POST', `/${o.object}`, { body: bad });
      assert.equal(res.status, 400, res.text);
      assert.equal(apiErrorOf(res).errorType, 'InvalidInput');
      assert.equal(apiErrorOf(res).errorData, o.nameElement);
    }
    assert.equal((await fx.call('POST', `/${o.object}`, { body: body('x'.repeat(50)) })).status, 201);
  });
}

test('skill: deleting a skill a CSQ names → 409 InstanceInUse naming the CSQ', async () => {
  const res = await fx.call('DELETE', '/skill/1');
  assert.equal(res.status, 409, res.text);
  assert.deepEqual(apiErrorOf(res), {
    order: ['errorData', 'errorMessage', 'errorType'], errorData: 'csq/1', errorMessage: 'skill is in use', errorType: 'InstanceInUse',
  });
  assert.equal((await fx.call('GET', '/skill/1')).status, 200);
});

test('skill: deleting a skill only in resources\' skill maps drops it from them', async () => {
  const id = createdKey(await fx.call('POST', '/skill', { body: '<skill><skillName>Spanish</skillName></skill>' }));
  const put = await fx.call('PUT', '/resource/agent3', { body: `<resource><userID>agent3</userID><extension>1003</extension>
    <skillMap><skillCompetency><competencelevel>4</competencelevel><skillNameUriPair name="Spanish">
    <refURL>/adminapi/skill/${id}</refURL></skillNameUriPair></skillCompetency></skillMap></resource>` });
  assert.equal(put.status, 200, put.text);
  assert.equal((await fx.call('DELETE', `/skill/${id}`)).status, 200);
  const agent = await fx.call('GET', '/resource/agent3');
  assert.deepEqual(agent.xml?.getChild('skillMap')?.getChildElements(), []);
});

test('resourceGroup: deleting a group a CSQ pool names → 409 InstanceInUse', async () => {
  const group = createdKey(await fx.call('POST', '/resourceGroup', { body: '<resourceGroup><name>Tier 2</name></resourceGroup>' }));
  const csq = createdKey(await fx.call('POST', '/csq', { body: `<csq><name>CSQ_Tier2</name><queueType>VOICE</queueType>
    <queueAlgorithm>FIFO</queueAlgorithm><resourcePoolType>RESOURCE_GROUP</resourcePoolType><poolSpecificInfo><resourceGroup>
    <resourceGroupNameUriPair name="Tier 2"><refURL>/adminapi/resourceGroup/${group}</refURL></resourceGroupNameUriPair>
    </resourceGroup></poolSpecificInfo></csq>` }));
  const res = await fx.call('DELETE', `/resourceGroup/${group}`);
  assert.equal(res.status, 409, res.text);
  assert.equal(apiErrorOf(res).errorType, 'InstanceInUse');
  assert.equal(apiErrorOf(res).errorData, `csq/${csq}`);
  assert.equal((await fx.call('DELETE', `/csq/${csq}`)).status, 200);
  assert.equal((await fx.call('DELETE', `/resourceGroup/${group}`)).status, 200);
});
