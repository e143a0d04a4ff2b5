import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, SUPERVISOR, apiErrorOf, childNames, demoTeamIds, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const pathOf = (location: string | null): string => (location ?? '').replace(/^.*\/finesse\/api/, '');
const clause = (tag: string, name: string, comparator: string, value: string) =>
  `<${tag}><Variable><name>${name}</name><node>//Dialog/mediaProperties/${name}</node><type>SYSTEM</type></Variable>` +
  `<comparator>${comparator}</comparator><value>${value}</value></${tag}>`;
const TRIGGERS = `<TriggerSet><type>EVENT</type><triggers>${clause('Trigger', 'callType', 'IS_EQUAL', 'ACD_IN')}</triggers></TriggerSet>`;
const actionRefs = (uris: string[]) =>
  `<workflowActions>${uris.map((u) => `<WorkflowAction><uri>${u}</uri></WorkflowAction>`).join('')}</workflowActions>`;
const conditions = (n: number, method = 'ALL') =>
  `<ConditionSet><applyMethod>${method}</applyMethod><conditions>${Array.from({ length: n }, (_, i) => clause('Condition', 'queueName', 'CONTAINS', `Q${i}`)).join('')}</conditions></ConditionSet>`;
const WORKFLOW = (name: string, uris: string[], extra = conditions(1)) =>
  `<Workflow><name>${name}</name><description>Pops the CRM</description><media>voice</media>${TRIGGERS}${extra}${actionRefs(uris)}</Workflow>`;

describe('Workflow (rest-api.md §7)', () => {
  let fx: WebFixture;
  const actions: string[] = [];
  before(async () => {
    fx = await startWebNode();
    await fx.web.teams.whenBuilt();
    for (const name of ['Pop CRM', 'Notify', 'Log', 'Search', 'Ticket', 'Sixth']) {
      const res = await fx.call('POST', '/WorkflowAction', {
        body: `<WorkflowAction><name>${name}</name><type>BROWSER_POP</type><handledBy>FINESSE_DESKTOP</handledBy></WorkflowAction>`,
      });
      actions.push(`/finesse/api${pathOf(res.headers.get('location'))}`);
    }
  });
  after(async () => { await fx.close(); });

  test('the administrator creates a workflow; every role reads it in spec order', async () => {
    const created = await fx.call('POST', '/Workflow', { body: WORKFLOW('On answer', [actions[1]!, actions[0]!]) });
    assert.equal(created.status, 200);
    assert.equal(created.text, '');
    const path = pathOf(created.headers.get('location'));
    assert.match(path, /^\/Workflow\/\d+$/);
    for (const as of [AGENT, SUPERVISOR, 'admin']) {
      const res = await fx.call('GET', path, { as });
      assert.equal(res.status, 200, as);
      assert.ok(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Workflow>'));
      assert.deepEqual(childNames(res.xml), ['uri', 'name', 'description', 'media', 'TriggerSet', 'ConditionSet', 'workflowActions']);
      assert.deepEqual(childNames(res.xml?.getChild('TriggerSet')), ['type', 'triggers']);
      assert.deepEqual(childNames(res.xml?.getChild('TriggerSet')?.getChild('triggers')?.getChild('Trigger')), ['Variable', 'comparator', 'value']);
      assert.deepEqual(childNames(res.xml?.getChild('ConditionSet')), ['applyMethod', 'conditions']);
      const summaries = res.xml?.getChild('workflowActions')?.getChildElements() ?? [];
      assert.deepEqual(summaries.map((a) => a.getChildText('name')), ['Notify', 'Pop CRM'], 'actions keep their order');
      assert.deepEqual(childNames(summaries[0]), ['uri', 'name', 'type']);
      assert.equal(summaries[0]?.getChildText('uri'), actions[1]);
    }
  });

  test("JSON; the user's list, the workflows of its team; another user's → 401", async () => {
    const before = await fx.call('GET', `/User/${AGENT}/Workflows`, { as: AGENT });
    assert.equal(before.xml?.getChildElements().length, 0, 'a workflow reaches the teams it is assigned to');
    const { sales } = demoTeamIds(fx);
    const onAnswer = (await fx.call('GET', '/Workflows')).xml?.getChildElements().find((w) => w.getChildText('name') === 'On answer');
    const assigned = await fx.call('PUT', `/Team/${sales}/Workflows`, { body: `<Workflows><Workflow><uri>${onAnswer?.getChildText('uri')}</uri></Workflow></Workflows>` });
    assert.equal(assigned.status, 200, assigned.text);
    const mine = await fx.call('GET', `/User/${AGENT}/Workflows?nocache=5`, { as: AGENT, accept: 'application/json' });
    assert.equal(mine.status, 200);
    const json = JSON.parse(mine.text);
    assert.equal(json.Workflows.Workflow[0].name, 'On answer');
    assert.equal(json.Workflows.Workflow[0].TriggerSet.triggers.Trigger[0].Variable.name, 'callType');
    assert.equal(json.Workflows.Workflow[0].workflowActions.WorkflowAction.length, 2);
    assert.equal((await fx.call('GET', `/User/${AGENT}/Workflows`)).status, 200, 'an administrator reads any user list');
    const other = await fx.call('GET', '/User/agent2/Workflows', { as: AGENT });
    assert.equal(other.status, 401);
    assert.equal(apiErrorOf(other).ErrorType, 'Invalid Authorization User Specified');
  });

  test('update replaces what is given; JSON bodies; list and delete', async () => {
    const path = pathOf((await fx.call('POST', '/Workflow', { body: WORKFLOW('On end', [actions[2]!], '') })).headers.get('location'));
    assert.deepEqual(childNames((await fx.call('GET', path)).xml), ['uri', 'name', 'description', 'media', 'TriggerSet', 'workflowActions'], 'no ConditionSet when none');
    const put = await fx.call('PUT', path, {
      contentType: 'application/json',
      body: JSON.stringify({ Workflow: { name: 'On end 2', workflowActions: { WorkflowAction: [{ uri: actions[3] }, { uri: actions[4] }] } } }),
    });
    assert.equal(put.status, 200);
    const read = await fx.call('GET', path);
    assert.equal(read.xml?.getChildText('name'), 'On end 2');
    assert.equal(read.xml?.getChildText('description'), 'Pops the CRM', 'absent fields are kept');
    assert.deepEqual(read.xml?.getChild('workflowActions')?.getChildElements().map((a) => a.getChildText('name')), ['Search', 'Ticket']);
    assert.equal((await fx.call('PUT', path, { body: `<Workflow>${conditions(2, 'ANY')}</Workflow>` })).status, 200);
    assert.equal((await fx.call('GET', path)).xml?.getChild('ConditionSet')?.getChildText('applyMethod'), 'ANY');
    assert.equal((await fx.call('PUT', path, { body: '<Workflow><ConditionSet/></Workflow>' })).status, 200);
    assert.equal((await fx.call('GET', path)).xml?.getChild('ConditionSet'), undefined, 'an empty ConditionSet removes it');

    const list = await fx.call('GET', '/Workflows');
    assert.equal(list.xml?.getName(), 'Workflows');
    assert.deepEqual(list.xml?.getChildElements().map((w) => w.getChildText('name')), ['On answer', 'On end 2']);
    assert.equal((await fx.call('DELETE', path)).status, 200);
    assert.equal((await fx.call('GET', path)).status, 404);
    assert.equal((await fx.call('DELETE', pathOf(actions[2]!))).status, 200, 'an action no workflow names can go');
  });

  test('refusals change nothing', async () => {
    const existing = pathOf((await fx.call('GET', '/Workflows')).xml?.getChildElements()[0]?.getChildText('uri') ?? '');
    const good = WORKFLOW('Fresh', [actions[0]!]);
    // roles
    await expectRefused(fx, 'POST', '/Workflow', { as: AGENT, body: good }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', existing, { as: SUPERVISOR, body: good }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'DELETE', existing, { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'GET', '/Workflows', { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    // malformed bodies
    await expectRefused(fx, 'POST', '/Workflow', { body: '<Workflow><name>x</name>' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'POST', '/Workflow', { body: '<!DOCTYPE Workflow SYSTEM "file:///etc/passwd"><Workflow/>' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'PUT', existing, { body: '{"Workflow":[', contentType: 'application/json' }, { status: 400, errorType: 'Bad Request' });
    // missing elements
    await expectRefused(fx, 'POST', '/Workflow', { body: `<Workflow>${TRIGGERS}</Workflow>` }, { status: 400, errorType: 'Parameter Missing', errorData: 'name' });
    await expectRefused(fx, 'POST', '/Workflow', { body: '<Workflow><name>x</name></Workflow>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'TriggerSet' });
    await expectRefused(fx, 'POST', '/Workflow', { body: '<Workflow><name>x</name><TriggerSet><type>EVENT</type><triggers/></TriggerSet></Workflow>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'Trigger' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', [], '<ConditionSet><conditions/></ConditionSet>') }, { status: 400, errorType: 'Parameter Missing', errorData: 'applyMethod' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', []).replace(/<Variable>.*?<\/Variable>/, '') }, { status: 400, errorType: 'Parameter Missing', errorData: 'Variable' });
    await expectRefused(fx, 'POST', '/Workflow', { body: `<Workflow><name>x</name>${TRIGGERS}<workflowActions><WorkflowAction><name>Pop CRM</name></WorkflowAction></workflowActions></Workflow>` }, { status: 400, errorType: 'Parameter Missing', errorData: 'uri' });
    await expectRefused(fx, 'PUT', existing, { body: '<Workflow><uri>x</uri></Workflow>' }, { status: 400, errorType: 'Invalid Input' });
    // enumerations and limits
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', [], conditions(1, 'SOME')) }, { status: 400, errorType: 'Invalid Input', errorData: 'applyMethod' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', []).replace('IS_EQUAL', 'EQUALS') }, { status: 400, errorType: 'Invalid Input', errorData: 'comparator' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', []).replace('<type>SYSTEM</type>', '<type>GLOBAL</type>') }, { status: 400, errorType: 'Invalid Input', errorData: 'type' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', []).replace('voice', 'chat') }, { status: 400, errorType: 'Invalid Input', errorData: 'media' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x'.repeat(41), []) }, { status: 400, errorType: 'Invalid Input', errorData: 'name' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', [], conditions(6)) }, { status: 400, errorType: 'Maximum Exceeded', errorData: 'conditions' });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', actions) }, { status: 400, errorType: 'Maximum Exceeded', errorData: 'workflowActions' });
    await expectRefused(fx, 'PUT', existing, { body: `<Workflow>${actionRefs([actions[0]!, actions[0]!])}</Workflow>` }, { status: 400, errorType: 'Invalid Input', errorData: 'workflowActions' });
    await expectRefused(fx, 'PUT', existing, { body: `<Workflow>${actionRefs(['/finesse/api/PhoneBook/1'])}</Workflow>` }, { status: 400, errorType: 'Invalid Input', errorData: 'uri' });
    // references to unknown objects, duplicates, unknown ids
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('x', ['/finesse/api/WorkflowAction/99999']) }, { status: 400, errorType: 'Finesse API Error', errorData: '/finesse/api/WorkflowAction/99999' });
    await expectRefused(fx, 'PUT', existing, { body: `<Workflow>${actionRefs([actions[0]!, actions[2]!])}</Workflow>` }, { status: 400, errorType: 'Finesse API Error', errorData: actions[2]! });
    await expectRefused(fx, 'POST', '/Workflow', { body: WORKFLOW('ON ANSWER', []) }, { status: 400, errorType: 'Finesse API Error' });
    await expectRefused(fx, 'GET', '/Workflow/99999', {}, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'PUT', '/Workflow/99999', { body: good }, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'DELETE', '/Workflow/x1', {}, { status: 404, errorType: 'Not Found' });
    assert.equal((await fx.call('POST', '/Workflow', { body: good })).status, 200);
  });
});
