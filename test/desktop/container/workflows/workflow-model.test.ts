import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialogsOfNotification } from '../../../../desktop/container/workflows/dialog-update.ts';
import { readWorkflowAction, readWorkflows } from '../../../../desktop/container/workflows/workflow-model.ts';
import { xml2js } from '../../../../desktop/finesse/utilities/xml2js.ts';
import { dialogXml } from './fixtures.ts';

const clause = (tag: string, name: string, comparator: string, value: string) =>
  `<${tag}><Variable><name>${name}</name><node>//Dialog/${name}</node><type>SYSTEM</type></Variable><comparator>${comparator}</comparator><value>${value}</value></${tag}>`;

test('the workflows of /User/{id}/Workflows, with and without a ConditionSet', () => {
  const xml = `<Workflows><Workflow><uri>/finesse/api/Workflow/1</uri><name>Pop</name><description/><media>voice</media>
    <TriggerSet><type>CALL_ARRIVES</type><triggers>${clause('Trigger', 'state', 'IS_EQUAL', 'ALERTING')}</triggers></TriggerSet>
    <ConditionSet><applyMethod>ANY</applyMethod><conditions>${clause('Condition', 'fromAddress', 'BEGINS_WITH', '+1')}${clause('Condition', 'toAddress', 'IS_EMPTY', '')}</conditions></ConditionSet>
    <workflowActions><WorkflowAction><uri>/finesse/api/WorkflowAction/3</uri><name>A</name><type>BROWSER_POP</type></WorkflowAction><WorkflowAction><uri>/finesse/api/WorkflowAction/4</uri></WorkflowAction></workflowActions>
  </Workflow><Workflow><uri>/finesse/api/Workflow/2</uri><name>Bare</name><TriggerSet><type>CALL_ENDS</type><triggers/></TriggerSet><workflowActions/></Workflow></Workflows>`;
  const [first, second, ...rest] = readWorkflows(xml2js(xml));
  assert.equal(rest.length, 0);
  assert.deepEqual(first, {
    uri: '/finesse/api/Workflow/1', name: 'Pop', triggerType: 'CALL_ARRIVES',
    triggers: [{ variable: { name: 'state', node: '//Dialog/state', type: 'SYSTEM' }, comparator: 'IS_EQUAL', value: 'ALERTING' }],
    conditions: { applyMethod: 'ANY', clauses: [
      { variable: { name: 'fromAddress', node: '//Dialog/fromAddress', type: 'SYSTEM' }, comparator: 'BEGINS_WITH', value: '+1' },
      { variable: { name: 'toAddress', node: '//Dialog/toAddress', type: 'SYSTEM' }, comparator: 'IS_EMPTY', value: '' },
    ] },
    actionUris: ['/finesse/api/WorkflowAction/3', '/finesse/api/WorkflowAction/4'],
  });
  assert.deepEqual(second, { uri: '/finesse/api/Workflow/2', name: 'Bare', triggerType: 'CALL_ENDS', triggers: [], actionUris: [] });
  assert.deepEqual(readWorkflows(xml2js('<Workflows/>')), []);
  assert.deepEqual(readWorkflows(undefined), []);
});

test('a workflow action, its params kept verbatim', () => {
  const xml = `<WorkflowAction><uri>/finesse/api/WorkflowAction/3</uri><name>Pop</name><type>BROWSER_POP</type><handledBy>OTHER</handledBy>
    <params><Param><name>windowUrl</name><value> https://x/\${a} </value></Param></params>
    <actionVariables><ActionVariable><name>a</name><node>//Dialog/id</node><type>SYSTEM</type><testValue>1</testValue></ActionVariable></actionVariables></WorkflowAction>`;
  assert.deepEqual(readWorkflowAction(xml2js(xml)), {
    uri: '/finesse/api/WorkflowAction/3', name: 'Pop', type: 'BROWSER_POP', handledBy: 'OTHER',
    params: [{ name: 'windowUrl', value: ' https://x/${a} ' }],
    actionVariables: [{ name: 'a', node: '//Dialog/id', type: 'SYSTEM', testValue: '1' }],
  });
  assert.equal(readWorkflowAction(xml2js('<ApiErrors/>')), undefined);
});

test('the Dialogs of a notification: POST and DELETE carry a list, PUT one dialog', () => {
  const update = (event: string, data: string) => ({ content: '', object: xml2js(`<Update><data>${data}</data><event>${event}</event><requestId/><source>/x</source></Update>`) });
  const posted = dialogsOfNotification(update('POST', `<dialogs>${dialogXml()}</dialogs>`));
  assert.equal(posted?.event, 'POST');
  assert.equal(posted?.dialogs[0]?.id, '16777217');
  const put = dialogsOfNotification(update('PUT', dialogXml().replaceAll('Dialog>', 'dialog>')));
  assert.equal(put?.event, 'PUT');
  assert.equal(put?.dialogs[0]?.fromAddress, '+14085550181');
  assert.equal(dialogsOfNotification(update('GET', '<dialog/>')), undefined);
  assert.equal(dialogsOfNotification({ content: 'x' }), undefined);
  assert.equal(dialogsOfNotification(update('DELETE', '<dialogs/>'))?.dialogs.length, 0);
});
