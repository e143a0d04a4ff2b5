// resource and team (adminapi.md §2.2, §2.3) over real HTTP: the call manager's agents with what the engine adds to
// them, teams with supervisors, members and CSQs, and what a team's deletion hands to team 1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorOf, childNames, createdKey, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => { await fx.close(); });

const RESOURCE_ORDER = ['self', 'userID', 'firstName', 'lastName', 'extension', 'alias', 'resourceGroup', 'skillMap',
  'autoAvailable', 'type', 'team', 'primarySupervisorOf', 'secondarySupervisorOf'];
const TEAM_ORDER = ['self', 'teamId', 'teamname', 'primarySupervisor', 'secondarySupervisors', 'resources', 'csqs',
  'acdBusyOnNonAcdBusy', 'nonAcdBusyOverride'];

const ref = (element: string, path: string) => `<${element} name="x"><refURL>/adminapi/${path}</refURL></${element}>`;
const teamBody = (name: string, inner = '') => `<team><teamname>${name}</teamname>${inner}</team>`;
const teamOf = async (userId: string) =>
  (await fx.call('GET', `/resource/${userId}`)).xml?.getChild('team')?.getChildText('refURL')?.split('/').pop();

test('resource: read and list the call manager\'s agents in the spec\'s element order', async () => {
  const read = await fx.call('GET', '/resource/agent1');
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(childNames(read.xml), RESOURCE_ORDER.filter((n) => n !== 'resourceGroup'));
  assert.equal(read.xml?.getChildText('firstName'), 'Ada');
  assert.equal(read.xml?.getChildText('extension'), '1001');
  assert.equal(read.xml?.getChildText('type'), '1');
  assert.deepEqual(childNames(read.xml?.getChild('skillMap')?.getChild('skillCompetency')), ['competencelevel', 'skillNameUriPair']);
  const supervisor = await fx.call('GET', '/resource/supervisor1');
  assert.equal(supervisor.xml?.getChildText('type'), '2');
  assert.equal(supervisor.xml?.getChild('primarySupervisorOf')?.getChild('supervisorOfTeamName')?.getChildText('refURL'),
    `${fx.baseUrl}/team/1`);
  const list = await fx.call('GET', '/resource');
  assert.equal(list.xml?.getName(), 'resources');
  assert.ok(list.xml?.getChildren('resource').some((r) => r.getChildText('userID') === 'agent10'));
});

test('resource: a PUT sets alias, group, skills, team and Automatic Available', async () => {
  const group = createdKey(await fx.call('POST', '/resourceGroup', { body: '<resourceGroup><name>Tier 1</name></resourceGroup>' }));
  const put = await fx.call('PUT', '/resource/agent5', { body: `<resource><userID>agent5</userID><extension>1005</extension>
    <alias>Elle</alias>${ref('resourceGroup', `resourceGroup/${group}`)}<skillMap><skillCompetency><competencelevel>9</competencelevel>
    ${ref('skillNameUriPair', 'skill/2')}</skillCompetency></skillMap><autoAvailable>false</autoAvailable>${ref('team', 'team/2')}</resource>` });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.text, '');
  const read = await fx.call('GET', '/resource/agent5');
  assert.deepEqual(childNames(read.xml), RESOURCE_ORDER);
  assert.equal(read.xml?.getChildText('alias'), 'Elle');
  assert.equal(read.xml?.getChild('resourceGroup')?.attrs.name, 'Tier 1');
  const competency = read.xml?.getChild('skillMap')?.getChild('skillCompetency');
  assert.equal(competency?.getChildText('competencelevel'), '9');
  assert.equal(competency?.getChild('skillNameUriPair')?.attrs.name, 'Support');
  assert.equal(read.xml?.getChildText('autoAvailable'), 'false');
  assert.equal(await teamOf('agent5'), '2');
  // Absent elements keep their values; an empty skillMap empties it.
  assert.equal((await fx.call('PUT', '/resource/agent5', {
    body: '<resource><userID>agent5</userID><extension>1005</extension><skillMap/></resource>',
  })).status, 200);
  const again = await fx.call('GET', '/resource/agent5');
  assert.equal(again.xml?.getChildText('alias'), 'Elle');
  assert.equal(await teamOf('agent5'), '2');
  assert.deepEqual(childNames(again.xml?.getChild('skillMap')), []);
});

test('resource: a skill that does not exist → 400 invalid link, nothing stored', async () => {
  const before = await fx.dumpEngineTables();
  const res = await fx.call('PUT', '/resource/agent1', { body: `<resource><userID>agent1</userID><extension>1001</extension>
    <alias>Changed</alias><skillMap><skillCompetency><competencelevel>3</competencelevel>${ref('skillNameUriPair', 'skill/41')}
    </skillCompetency></skillMap></resource>` });
  assert.equal(res.status, 400, res.text);
  assert.equal(apiErrorOf(res).errorData, 'Invalid link /adminapi/skill/41; id qualifier [41] is not found');
  assert.deepEqual(await fx.dumpEngineTables(), before);
});

test('resource: POST → 405, DELETE of an agent → 409, an unknown userID → 404', async () => {
  const post = await fx.call('POST', '/resource', { body: '<resource><userID>new</userID></resource>' });
  assert.equal(post.status, 405, post.text);
  assert.deepEqual(apiErrorOf(post), {
    order: ['errorData', 'errorMessage', 'errorType'], errorData: 'POST', errorMessage: 'Method Not Allowed', errorType: '405',
  });
  const del = await fx.call('DELETE', '/resource/agent1');
  assert.equal(del.status, 409, del.text);
  assert.equal(apiErrorOf(del).errorType, 'InstanceInUse');
  assert.equal(apiErrorOf(del).errorMessage, 'resource is in use');
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const res = await fx.call(method, '/resource/nobody', method === 'PUT' ? { body: '<resource/>' } : {});
    assert.equal(res.status, 404, res.text);
    assert.equal(apiErrorOf(res).errorData, 'nobody');
  }
});

test('team: create, read, list, update and delete round-trip', async () => {
  const created = await fx.call('POST', '/team', { body: teamBody('Billing', `${ref('primarySupervisor', 'resource/supervisor2')}
    <secondarySupervisors>${ref('secondrySupervisor', 'resource/supervisor1')}</secondarySupervisors>
    <resources>${ref('resource', 'resource/agent6')}</resources><csqs>${ref('csq', 'csq/2')}</csqs>
    <acdBusyOnNonAcdBusy>true</acdBusyOnNonAcdBusy>`) });
  const id = createdKey(created);
  assert.equal(created.headers.get('location'), `${fx.baseUrl}/team/${id}`);
  const read = await fx.call('GET', `/team/${id}`);
  assert.deepEqual(childNames(read.xml), TEAM_ORDER);
  assert.equal(read.xml?.getChildText('teamname'), 'Billing');
  assert.equal(read.xml?.getChild('primarySupervisor')?.attrs.name, 'Tara Quinn');
  assert.deepEqual(childNames(read.xml?.getChild('secondarySupervisors')), ['secondrySupervisor']);
  assert.equal(read.xml?.getChild('resources')?.getChild('resource')?.attrs.name, 'Farid Haddad');
  assert.equal(read.xml?.getChild('csqs')?.getChild('csq')?.attrs.name, 'Support');
  assert.equal(read.xml?.getChildText('acdBusyOnNonAcdBusy'), 'true');
  assert.equal(await teamOf('agent6'), id);
  assert.ok((await fx.call('GET', '/team')).xml?.getChildren('team').some((t) => t.getChildText('teamId') === id));

  // A PUT's resource list is complete: agent6, left out, goes to team 1 (§2.3).
  const put = await fx.call('PUT', `/team/${id}`, { body: teamBody('Billing EU', `<resources>${ref('resource', 'resource/agent7')}</resources>`) });
  assert.equal(put.status, 200, put.text);
  assert.equal((await fx.call('GET', `/team/${id}`)).xml?.getChildText('teamname'), 'Billing EU');
  assert.equal(await teamOf('agent7'), id);
  assert.equal(await teamOf('agent6'), '1');

  assert.equal((await fx.call('DELETE', `/team/${id}`)).status, 200);
  assert.equal((await fx.call('GET', `/team/${id}`)).status, 404);
});

test('team: deleting a team hands its resources and CSQs to team 1', async () => {
  const csq = createdKey(await fx.call('POST', '/csq', { body: `<csq><name>CSQ_Handover</name><queueType>VOICE</queueType>
    <queueAlgorithm>FIFO</queueAlgorithm><resourcePoolType>SKILL_GROUP</resourcePoolType></csq>` }));
  const id = createdKey(await fx.call('POST', '/team', {
    body: teamBody('Handover', `<resources>${ref('resource', 'resource/agent8')}</resources><csqs>${ref('csq', `csq/${csq}`)}</csqs>`),
  }));
  assert.equal((await fx.call('DELETE', `/team/${id}`)).status, 200);
  assert.equal(await teamOf('agent8'), '1');
  const csqs = (await fx.call('GET', '/team/1')).xml?.getChild('csqs')?.getChildren('csq').map((c) => c.getChildText('refURL'));
  assert.ok(csqs?.includes(`${fx.baseUrl}/csq/${csq}`), `team 1 CSQs: ${csqs?.join(' ')}`);
});

test('team: invalid supervisors and members → 400, nothing stored; duplicate → 409; team 1 → 409; unknown → 404', async () => {
  const before = await fx.dumpEngineTables();
  for (const inner of [ref('primarySupervisor', 'resource/agent1'), `<resources>${ref('resource', 'resource/ghost')}</resources>`,
    `<csqs>${ref('csq', 'csq/404')}</csqs>`]) {
    const res = await fx.call('POST', '/team', { body: teamBody('Broken', inner) });
    assert.equal(res.status, 400, res.text);
    assert.equal(apiErrorOf(res).errorType, 'InvalidInput');
  }
  const dup = await fx.call('POST', '/team', { body: teamBody('support') });
  assert.equal(dup.status, 409, dup.text);
  assert.equal(apiErrorOf(dup).errorMessage, 'team name already exists');
  const first = await fx.call('DELETE', '/team/1');
  assert.equal(first.status, 409, first.text);
  assert.equal(apiErrorOf(first).errorType, 'InstanceInUse');
  assert.deepEqual(await fx.dumpEngineTables(), before);
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const res = await fx.call(method, '/team/404', method === 'PUT' ? { body: teamBody('X') } : {});
    assert.equal(res.status, 404, res.text);
  }
  assert.equal((await fx.call('POST', '/team', { body: teamBody('Broken') })).status, 201);
});
