import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, SUPERVISOR, childNames, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const pathOf = (location: string | null): string => (location ?? '').replace(/^.*\/finesse\/api/, '');
const ACTION = (name: string, type = 'BROWSER_POP', handledBy = 'FINESSE_DESKTOP') =>
  `<WorkflowAction><name>${name}</name><type>${type}</type><handledBy>${handledBy}</handledBy>` +
  '<params><Param><name>windowName</name><value>crm</value></Param><Param><name>path</name><value>https://crm.example/?acct=${callVariable1}</value></Param></params>' +
  '<actionVariables><ActionVariable><name>callVariable1</name><node>//Dialog/mediaProperties/callvariables/CallVariable/name[.="callVariable1"]/../value</node>' +
  '<type>SYSTEM</type><testValue>ACME-4471</testValue></ActionVariable></actionVariables></WorkflowAction>';

describe('WorkflowAction (rest-api.md §7)', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode(); });
  after(async () => { await fx.close(); });

  test('the administrator creates an action; every role reads it in spec order', async () => {
    const created = await fx.call('POST', '/WorkflowAction', { body: ACTION('Pop CRM') });
    assert.equal(created.status, 200);
    assert.equal(created.text, '');
    const path = pathOf(created.headers.get('location'));
    assert.match(path, /^\/WorkflowAction\/\d+$/);
    for (const as of [AGENT, SUPERVISOR, 'admin']) {
      const res = await fx.call('GET', path, { as });
      assert.equal(res.status, 200, as);
      assert.ok(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><WorkflowAction>'));
      assert.deepEqual(childNames(res.xml), ['uri', 'name', 'type', 'handledBy', 'params', 'actionVariables']);
      assert.equal(res.xml?.getChildText('uri'), `/finesse/api${path}`);
      assert.deepEqual(childNames(res.xml?.getChild('params')?.getChild('Param')), ['name', 'value']);
      assert.deepEqual(childNames(res.xml?.getChild('actionVariables')?.getChild('ActionVariable')), ['name', 'node', 'type', 'testValue']);
      assert.equal(res.xml?.getChild('params')?.getChildren('Param')[1]?.getChildText('value'), 'https://crm.example/?acct=${callVariable1}');
    }
  });

  test('JSON when asked for, and as a request body', async () => {
    const created = await fx.call('POST', '/WorkflowAction', {
      contentType: 'application/json',
      body: JSON.stringify({ WorkflowAction: { name: 'Notify', type: 'HTTP_REQUEST', handledBy: 'OTHER', params: { Param: [{ name: 'method', value: 'POST' }] } } }),
    });
    assert.equal(created.status, 200);
    const res = await fx.call('GET', pathOf(created.headers.get('location')), { as: AGENT, accept: 'application/json' });
    assert.deepEqual(JSON.parse(res.text).WorkflowAction, {
      uri: `/finesse/api${pathOf(created.headers.get('location'))}`, name: 'Notify', type: 'HTTP_REQUEST', handledBy: 'OTHER',
      params: { Param: [{ name: 'method', value: 'POST' }] }, actionVariables: { ActionVariable: [] },
    });
  });

  test('update, list and delete', async () => {
    const path = pathOf((await fx.call('POST', '/WorkflowAction', { body: ACTION('Search') })).headers.get('location'));
    assert.equal((await fx.call('PUT', path, { body: '<WorkflowAction><name>Old</name><name>Search 2</name><params/></WorkflowAction>' })).status, 200);
    const read = await fx.call('GET', path);
    assert.equal(read.xml?.getChildText('name'), 'Search 2', 'duplicated element: the last wins');
    assert.equal(read.xml?.getChild('params')?.getChildElements().length, 0);
    assert.equal(read.xml?.getChild('actionVariables')?.getChildElements().length, 1, 'absent lists are kept');
    const list = await fx.call('GET', '/WorkflowActions');
    assert.equal(list.xml?.getName(), 'WorkflowActions');
    assert.ok(list.xml?.getChildElements().some((a) => a.getChildText('name') === 'Search 2'));
    assert.equal((await fx.call('DELETE', path)).status, 200);
    assert.equal((await fx.call('GET', path)).status, 404);
  });

  test('refusals change nothing', async () => {
    const path = pathOf((await fx.call('POST', '/WorkflowAction', { body: ACTION('In use') })).headers.get('location'));
    const flow = `<Workflow><name>Uses it</name><TriggerSet><type>EVENT</type><triggers><Trigger><Variable><name>callType</name><node>//Dialog/mediaProperties/callType</node><type>SYSTEM</type></Variable><comparator>IS_EQUAL</comparator><value>ACD_IN</value></Trigger></triggers></TriggerSet><workflowActions><WorkflowAction><uri>/finesse/api${path}</uri></WorkflowAction></workflowActions></Workflow>`;
    assert.equal((await fx.call('POST', '/Workflow', { body: flow })).status, 200);
    // roles
    await expectRefused(fx, 'POST', '/WorkflowAction', { as: AGENT, body: ACTION('x') }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', path, { as: SUPERVISOR, body: ACTION('x') }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'DELETE', path, { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'GET', '/WorkflowActions', { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    // malformed bodies
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: '<WorkflowAction><name>x</WorkflowAction>' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: '<!DOCTYPE x [<!ENTITY a "b">]><WorkflowAction/>' }, { status: 400, errorType: 'Bad Request' });
    // missing elements
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: '<WorkflowAction><name>x</name><type>BROWSER_POP</type></WorkflowAction>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'handledBy' });
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('x').replace('<name>windowName</name>', '') }, { status: 400, errorType: 'Parameter Missing', errorData: 'name' });
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('x').replace('<type>SYSTEM</type>', '') }, { status: 400, errorType: 'Parameter Missing', errorData: 'type' });
    await expectRefused(fx, 'PUT', path, { body: '<WorkflowAction><uri>x</uri></WorkflowAction>' }, { status: 400, errorType: 'Invalid Input' });
    // enumerations
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('x', 'SCREEN_POP') }, { status: 400, errorType: 'Invalid Input', errorData: 'type' });
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('x', 'BROWSER_POP', 'AGENT') }, { status: 400, errorType: 'Invalid Input', errorData: 'handledBy' });
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('x').replace('<type>SYSTEM</type>', '<type>ECC</type>') }, { status: 400, errorType: 'Invalid Input', errorData: 'type' });
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('x'.repeat(65)) }, { status: 400, errorType: 'Invalid Input', errorData: 'name' });
    // duplicates, references, unknown ids
    await expectRefused(fx, 'POST', '/WorkflowAction', { body: ACTION('IN USE') }, { status: 400, errorType: 'Finesse API Error' });
    await expectRefused(fx, 'DELETE', path, {}, { status: 400, errorType: 'Finesse API Error' });
    await expectRefused(fx, 'GET', '/WorkflowAction/99999', {}, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'PUT', '/WorkflowAction/99999', { body: ACTION('y') }, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'DELETE', '/WorkflowAction/0', {}, { status: 404, errorType: 'Not Found' });
    assert.equal((await fx.call('POST', '/WorkflowAction', { body: ACTION('After refusals') })).status, 200);
  });
});
