// csq (adminapi.md §2.4) over real HTTP: skill-group and resource-group pools, the RONA extension, invalid links
// that store nothing, and the 404, 409 answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorOf, childNames, createdKey, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => { await fx.close(); });

const CSQ_ORDER = ['self', 'id', 'name', 'queueType', 'queueAlgorithm', 'autoWork', 'wrapupTime', 'resourcePoolType',
  'serviceLevel', 'serviceLevelPercentage', 'poolSpecificInfo', 'ronaTimeout', 'ronaRequeue'];

const skillCsq = (name: string, skillRef: string, extra = '') => `<csq><name>${name}</name><queueType>VOICE</queueType>
  <queueAlgorithm>FIFO</queueAlgorithm><autoWork>true</autoWork><wrapupTime>30</wrapupTime>
  <resourcePoolType>SKILL_GROUP</resourcePoolType><serviceLevel>20</serviceLevel><serviceLevelPercentage>80</serviceLevelPercentage>
  <poolSpecificInfo><skillGroup><skillCompetency><competencelevel>5</competencelevel>
  <skillNameUriPair name="Sales"><refURL>${skillRef}</refURL></skillNameUriPair><weight>2</weight><order>1</order></skillCompetency>
  <selectionCriteria>Most Skilled by Weight</selectionCriteria></skillGroup></poolSpecificInfo>${extra}</csq>`;

test('csq: a skill-group CSQ round-trips in the spec\'s element order', async () => {
  const created = await fx.call('POST', '/csq', { body: skillCsq('CSQ_Billing', '/adminapi/Skill/1', '<ronaTimeout>12</ronaTimeout>') });
  const id = createdKey(created);
  assert.equal(created.headers.get('location'), `${fx.baseUrl}/csq/${id}`);

  const read = await fx.call('GET', `/csq/${id}`);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(childNames(read.xml), CSQ_ORDER);
  const group = read.xml?.getChild('poolSpecificInfo')?.getChild('skillGroup');
  assert.deepEqual(childNames(group), ['skillCompetency', 'selectionCriteria']);
  const competency = group?.getChild('skillCompetency');
  assert.deepEqual(childNames(competency), ['competencelevel', 'skillNameUriPair', 'weight', 'order']);
  assert.equal(competency?.getChild('skillNameUriPair')?.attrs.name, 'Sales');
  assert.equal(competency?.getChild('skillNameUriPair')?.getChildText('refURL'), `${fx.baseUrl}/skill/1`);
  assert.equal(group?.getChildText('selectionCriteria'), 'Most Skilled by Weight');
  assert.equal(read.xml?.getChildText('ronaTimeout'), '12');
  assert.equal(read.xml?.getChildText('ronaRequeue'), 'HEAD');

  assert.ok((await fx.call('GET', '/csq')).xml?.getChildren('csq').some((c) => c.getChildText('id') === id));

  // A PUT without the RONA elements keeps them (§2.4 [Poise]).
  const put = await fx.call('PUT', `/csq/${id}`, { body: skillCsq('CSQ_Billing_2', `${fx.baseUrl}/skill/2`) });
  assert.equal(put.status, 200, put.text);
  const after = await fx.call('GET', `/csq/${id}`);
  assert.equal(after.xml?.getChildText('name'), 'CSQ_Billing_2');
  assert.equal(after.xml?.getChildText('ronaTimeout'), '12');
  const refs = after.xml?.getChild('poolSpecificInfo')?.getChild('skillGroup')?.getChildren('skillCompetency')
    .map((c) => c.getChild('skillNameUriPair')?.getChildText('refURL'));
  assert.deepEqual(refs, [`${fx.baseUrl}/skill/2`]);

  assert.equal((await fx.call('DELETE', `/csq/${id}`)).status, 200);
  assert.equal((await fx.call('GET', `/csq/${id}`)).status, 404);
});

test('csq: a resource-group CSQ writes its group, criterion and resource order', async () => {
  const group = createdKey(await fx.call('POST', '/resourceGroup', { body: '<resourceGroup><name>Billing RG</name></resourceGroup>' }));
  const member = await fx.call('PUT', '/resource/agent4', { body: `<resource><userID>agent4</userID><extension>1004</extension>
    <resourceGroup name="Billing RG"><refURL>/adminapi/resourceGroup/${group}</refURL></resourceGroup></resource>` });
  assert.equal(member.status, 200, member.text);
  const id = createdKey(await fx.call('POST', '/csq', { body: `<csq><name>CSQ_RG</name><queueType>VOICE</queueType>
    <queueAlgorithm>FIFO</queueAlgorithm><resourcePoolType>ResourceGroup</resourcePoolType><poolSpecificInfo><resourceGroup>
    <resourceGroupNameUriPair name="x"><refURL>/adminapi/resourceGroup/${group}</refURL></resourceGroupNameUriPair>
    <selectionCriteria>Circular</selectionCriteria><resourceAndOrder><resource name="Dev Patel">
    <refURL>/adminapi/resource/agent4</refURL></resource><order>3</order></resourceAndOrder></resourceGroup></poolSpecificInfo></csq>` }));
  const read = await fx.call('GET', `/csq/${id}`);
  assert.deepEqual(childNames(read.xml), CSQ_ORDER);
  assert.equal(read.xml?.getChildText('resourcePoolType'), 'RESOURCE_GROUP');
  const pool = read.xml?.getChild('poolSpecificInfo')?.getChild('resourceGroup');
  assert.deepEqual(childNames(pool), ['resourceGroupNameUriPair', 'selectionCriteria', 'resourceAndOrder']);
  assert.equal(pool?.getChild('resourceGroupNameUriPair')?.attrs.name, 'Billing RG');
  assert.equal(pool?.getChildText('selectionCriteria'), 'Circular');
  const entry = pool?.getChild('resourceAndOrder');
  assert.deepEqual(childNames(entry), ['resource', 'order']);
  assert.equal(entry?.getChild('resource')?.attrs.name, 'Dev Patel');
  assert.equal(entry?.getChildText('order'), '3');
  const pooled = await fx.call('GET', `/resource?csqid=${id}`);
  assert.deepEqual(pooled.xml?.getChildren('resource').map((r) => r.getChildText('userID')), ['agent4']);
});

test('csq: a skill that does not exist → 400 invalid link, nothing stored, the next good request works', async () => {
  const before = await fx.dumpEngineTables();
  for (const [method, path] of [['POST', '/csq'], ['PUT', '/csq/2']] as const) {
    const res = await fx.call(method, path, { body: skillCsq('CSQ_Ghost', '/adminapi/skill/41') });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(apiErrorOf(res), {
      order: ['errorData', 'errorMessage', 'errorType'], errorType: 'InvalidInput', errorMessage: 'Not a valid link uri',
      errorData: 'Invalid link /adminapi/skill/41; id qualifier [41] is not found',
    });
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
  assert.equal((await fx.call('POST', '/csq', { body: skillCsq('CSQ_Ghost', '/adminapi/skill/2') })).status, 201);
});

test('csq: a refURL to another object type, a second queue type, an unknown criterion → 400 InvalidInput', async () => {
  const before = await fx.dumpEngineTables();
  const bodies = [
    skillCsq('CSQ_Bad', '/adminapi/team/1'),
    skillCsq('CSQ_Bad', '/adminapi/skill/1').replace('VOICE', 'EMAIL'),
    skillCsq('CSQ_Bad', '/adminapi/skill/1').replace('Most Skilled by Weight', 'Fastest'),
    skillCsq('CSQ_Bad', '/adminapi/skill/1').replace('<wrapupTime>30', '<wrapupTime>7201'),
    skillCsq('CSQ_Bad', '/adminapi/skill/1').replace('<name>CSQ_Bad</name>', ''),
  ];
  for (const body of bodies) {
    const res = await fx.call('POST', '/csq', { body });
    assert.equal(res.status, 400, res.text);
    assert.equal(apiErrorOf(res).errorType, 'InvalidInput');
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
});

test('csq: an unknown id → 404; a duplicate name → 409; a CSQ an application names → 409 InstanceInUse', async () => {
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const res = await fx.call(method, '/csq/777', method === 'PUT' ? { body: skillCsq('CSQ_X', '/adminapi/skill/1') } : {});
    assert.equal(res.status, 404, res.text);
    assert.equal(apiErrorOf(res).errorType, 'InstanceNotFound');
    assert.equal(apiErrorOf(res).errorData, '777');
  }
  const before = await fx.dumpEngineTables();
  for (const [method, path] of [['POST', '/csq'], ['PUT', '/csq/2']] as const) {
    const dup = await fx.call(method, path, { body: skillCsq('sales', '/adminapi/skill/1') });
    assert.equal(dup.status, 409, dup.text);
    assert.equal(apiErrorOf(dup).errorType, 'DuplicateName');
    assert.equal(apiErrorOf(dup).errorMessage, 'csq name already exists');
  }
  const inUse = await fx.call('DELETE', '/csq/1');
  assert.equal(inUse.status, 409, inUse.text);
  assert.equal(apiErrorOf(inUse).errorType, 'InstanceInUse');
  assert.equal(apiErrorOf(inUse).errorData, 'application/Sales');
  assert.deepEqual(await fx.dumpEngineTables(), before);
});
