import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandAction, paramOf, substitute } from '../../../../desktop/container/workflows/action-event.ts';
import { dialogTree } from '../../../../desktop/container/workflows/dialog-path.ts';
import { planHttpRequest } from '../../../../desktop/container/workflows/http-request-plan.ts';
import type { DesktopWorkflowAction } from '../../../../desktop/container/workflows/workflow-model.ts';
import { dialogObject } from './fixtures.ts';

const CV1 = '//Dialog/mediaProperties/callvariables/CallVariable/name[.="callVariable1"]/../value';
const tree = dialogTree(dialogObject({ cv1: 'acct 42&amp;x', ecc: 'A-9' }));

const pop: DesktopWorkflowAction = {
  uri: '/finesse/api/WorkflowAction/3', name: 'Open CRM', type: 'BROWSER_POP', handledBy: 'FINESSE_DESKTOP',
  params: [
    { name: 'windowUrl', value: 'https://crm.example.com/find?acct=${account}&from=${fromAddress}&x=${nobody}' },
    { name: 'windowName', value: 'crm-${callVariable2}' },
  ],
  actionVariables: [{ name: 'account', node: CV1, type: 'SYSTEM', testValue: '123' }],
};

test('substitute replaces known names and leaves the others as written', () => {
  assert.equal(substitute('${a}-${b}-${ c }', (n) => (n === 'a' ? 'x' : undefined)), 'x-${b}-${ c }');
  assert.equal(substitute('${a}', () => 'a b', encodeURIComponent), 'a%20b');
});

test('an action is expanded into the workflowActionEvent data of the spec', () => {
  const event = expandAction(pop, tree);
  assert.deepEqual(event, {
    uri: '/finesse/api/WorkflowAction/3', name: 'Open CRM', type: 'BROWSER_POP', handledBy: 'FINESSE_DESKTOP',
    params: [
      { name: 'windowUrl', value: pop.params[0]!.value,
        expandedValue: 'https://crm.example.com/find?acct=acct%2042%26x&from=%2B14085550181&x=${nobody}' },
      { name: 'windowName', value: 'crm-${callVariable2}', expandedValue: 'crm-gold' },
    ],
    actionVariables: [{ name: 'account', node: CV1, type: 'SYSTEM', testValue: '123', actualValue: 'acct 42&x' }],
  });
  assert.equal(paramOf(event, 'missing', 'windowName'), 'crm-gold');
  assert.equal(paramOf(event, 'missing'), '');
});

const request = (params: Record<string, string>): DesktopWorkflowAction => ({
  uri: '/finesse/api/WorkflowAction/4', name: 'Note', type: 'HTTP_REQUEST', handledBy: 'FINESSE_DESKTOP',
  params: Object.entries(params).map(([name, value]) => ({ name, value })), actionVariables: [],
});
const ORIGIN = 'http://127.0.0.1:8082';

test('an HTTP request to another origin goes through the proxy, with its body expanded but not encoded', () => {
  const event = expandAction(request({
    method: 'put', path: 'http://crm.example.com:8443/notes?acct=${callVariable1}', contentType: 'application/json',
    body: '{"account":"${callVariable1}"}',
  }), tree);
  assert.deepEqual(planHttpRequest(event, ORIGIN), {
    route: 'proxy', method: 'PUT', url: 'http://crm.example.com:8443/notes?acct=acct%2042%26x', contentType: 'application/json',
    body: '{"account":"acct 42&x"}',
  });
});

test('a path on this node goes straight from the page; defaults and refusals', () => {
  const own = planHttpRequest(expandAction(request({ path: '/finesse/api/User/agent1' }), tree), ORIGIN);
  assert.deepEqual(own, { route: 'direct', method: 'POST', url: `${ORIGIN}/finesse/api/User/agent1`, contentType: 'application/xml', body: '' });
  assert.deepEqual(planHttpRequest(expandAction(request({ url: `${ORIGIN}/x`, method: 'GET', body: 'dropped' }), tree), ORIGIN),
    { route: 'direct', method: 'GET', url: `${ORIGIN}/x`, contentType: 'application/xml', body: undefined });
  assert.deepEqual(planHttpRequest(expandAction(request({ method: 'PATCH', path: '/x' }), tree), ORIGIN), { problem: 'method PATCH is not supported' });
  assert.deepEqual(planHttpRequest(expandAction(request({ method: 'POST' }), tree), ORIGIN), { problem: 'the request has no path' });
  assert.deepEqual(planHttpRequest(expandAction(request({ path: 'javascript:alert(1)' }), tree), ORIGIN), { problem: 'javascript: requests are not sent' });
});
