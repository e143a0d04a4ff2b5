// What every /adminapi/ request goes through (adminapi.md §1): the body parser and its limits, unknown methods and
// Basic authentication with administrator and supervisor roles.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorOf, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => { await fx.close(); });

const MALFORMED = {
  order: ['errorData', 'errorMessage', 'errorType'], errorData: 'Bad Request', errorType: '400',
  errorMessage: 'The request could not be understood by the server due to malformed syntax',
};

test('a body that is not well-formed or carries a DTD → 400 malformed syntax, and the next request is served', async () => {
  const before = await fx.dumpEngineTables();
  const bodies = [
    '<skill><skillName>Billing</skillName>',
    '<skill><skillName>Billing</skill>',
    'not xml at all',
    '<?xml version="1.0"?><!DOCTYPE skill [<!ENTITY x "Billing">]><skill><skillName>&x;</skillName></skill>',
    '<!DOCTYPE skill SYSTEM "file:///etc/passwd"><skill><skillName>Billing</skillName></skill>',
  ];
  for (const body of bodies) {
    const res = await fx.call('POST', '/skill', { body });
    assert.equal(res.status, 400, `${body}: ${res.text}`);
    assert.deepEqual(apiErrorOf(res), MALFORMED);
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
  assert.equal((await fx.call('POST', '/skill', { body: '<skill><skillName>Billing</skillName></skill>' })).status, 201);
});

test('an unknown element, a repeated one or a wrong root → 400 InvalidInput naming it, nothing stored', async () => {
  const before = await fx.dumpEngineTables();
  const cases = [
    ['/skill', '<skill><skillName>Audit</skillName><colour>red</colour></skill>', 'colour'],
    ['/skill', '<skill><skillName>Audit</skillName><skillName>Again</skillName></skill>', 'skillName'],
    ['/skill', '<team><teamname>Audit</teamname></team>', 'team'],
    ['/team', '<team><teamname>Audit</teamname><resources><agent/></resources></team>', 'agent'],
  ] as const;
  for (const [path, body, data] of cases) {
    const res = await fx.call('POST', path, { body });
    assert.equal(res.status, 400, res.text);
    assert.equal(apiErrorOf(res).errorType, 'InvalidInput');
    assert.equal(apiErrorOf(res).errorData, data);
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
});

test('a body over 1 MiB → 413 in the apiErrors form', async () => {
  const body = `<skill><skillName>${'x'.repeat(1024 * 1024)}</skillName></skill>`;
  const res = await fx.call('POST', '/skill', { body });
  assert.equal(res.status, 413, res.text);
  assert.equal(apiErrorOf(res).errorType, '413');
  assert.equal((await fx.call('GET', '/skill/1')).status, 200);
});

test('a method an object lacks → 405; an unknown object → 404', async () => {
  for (const [method, path] of [['PATCH', '/skill/1'], ['POST', '/skill/1'], ['PUT', '/skill'], ['DELETE', '/csq']] as const) {
    const res = await fx.call(method, path, method === 'PATCH' || method === 'POST' || method === 'PUT' ? { body: '<skill/>' } : {});
    assert.equal(res.status, 405, `${method} ${path}: ${res.text}`);
    assert.equal(apiErrorOf(res).errorMessage, 'Method Not Allowed');
    assert.equal(apiErrorOf(res).errorData, method);
  }
  const unknown = await fx.call('GET', '/widget');
  assert.equal(unknown.status, 404, unknown.text);
  assert.equal(apiErrorOf(unknown).errorType, 'InstanceNotFound');
});

test('no credentials or a wrong password → 401; an agent → 403', async () => {
  const none = await fx.call('GET', '/skill', { as: null });
  assert.equal(none.status, 401, none.text);
  assert.equal(apiErrorOf(none).errorMessage, 'Unauthorized');
  const wrong = await fx.call('GET', '/skill', { as: { userid: 'admin', password: 'not-the-password' } });
  assert.equal(wrong.status, 401, wrong.text);
  assert.equal(apiErrorOf(wrong).errorData, 'admin');
  const agent = await fx.call('GET', '/resource/agent1', { as: 'agent1' });
  assert.equal(agent.status, 403, agent.text);
  assert.deepEqual(apiErrorOf(agent), {
    order: ['errorData', 'errorMessage', 'errorType'], errorData: 'agent1', errorMessage: 'Forbidden', errorType: '403',
  });
  // Refused before the body is looked at: nothing is stored.
  const before = await fx.dumpEngineTables();
  const write = await fx.call('POST', '/skill', { as: null, body: '<skill><skillName>Sneaky</skillName></skill>' });
  assert.equal(write.status, 401, write.text);
  assert.deepEqual(await fx.dumpEngineTables(), before);
});

test('a supervisor reads its own team, its CSQs and its resources, nothing of another team', async () => {
  const as = 'supervisor1'; // primary supervisor of team 1 (Sales, CSQ 1); team 2 is Support, CSQ 2
  const teams = await fx.call('GET', '/team', { as });
  assert.equal(teams.status, 200, teams.text);
  assert.deepEqual(teams.xml?.getChildren('team').map((t) => t.getChildText('teamId')), ['1']);
  assert.equal((await fx.call('GET', '/team/1', { as })).status, 200);
  assert.equal((await fx.call('GET', '/team/2', { as })).status, 403);

  const csqs = await fx.call('GET', '/csq', { as });
  assert.deepEqual(csqs.xml?.getChildren('csq').map((c) => c.getChildText('id')), ['1']);
  assert.equal((await fx.call('GET', '/csq/1', { as })).status, 200);
  assert.equal((await fx.call('GET', '/csq/2', { as })).status, 403);

  const resources = await fx.call('GET', '/resource', { as });
  const ids = resources.xml?.getChildren('resource').map((r) => r.getChildText('userID')) ?? [];
  assert.ok(ids.includes('agent1') && ids.includes('supervisor1'), ids.join(' '));
  assert.ok(!ids.includes('agent6') && !ids.includes('supervisor2'), ids.join(' '));
  assert.equal((await fx.call('GET', '/resource/agent1', { as })).status, 200);
  assert.equal((await fx.call('GET', '/resource/agent6', { as })).status, 403);

  for (const path of ['/skill', '/skill/1', '/resourceGroup', '/application', '/trigger']) {
    assert.equal((await fx.call('GET', path, { as })).status, 403, path);
  }
});

test('a supervisor may not write, not even to its own team', async () => {
  const as = 'supervisor1';
  const before = await fx.dumpEngineTables();
  const writes = [
    ['PUT', '/team/1', '<team><teamname>Mine</teamname></team>'],
    ['POST', '/team', '<team><teamname>Mine</teamname></team>'],
    ['DELETE', '/csq/1', undefined],
    ['PUT', '/resource/agent1', '<resource><userID>agent1</userID><extension>1001</extension><alias>x</alias></resource>'],
    ['POST', '/skill', '<skill><skillName>Mine</skillName></skill>'],
  ] as const;
  for (const [method, path, body] of writes) {
    const res = await fx.call(method, path, body === undefined ? { as } : { as, body });
    assert.equal(res.status, 403, `${method} ${path}: ${res.text}`);
    assert.equal(apiErrorOf(res).errorData, 'supervisor1');
  }
  assert.deepEqual(await fx.dumpEngineTables(), before);
});
