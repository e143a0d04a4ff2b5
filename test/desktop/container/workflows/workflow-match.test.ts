import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compare, dialogMoment, firingKey, triggerTypeFires, variableValue, workflowMatches,
} from '../../../../desktop/container/workflows/workflow-match.ts';
import type { DesktopWorkflow, WorkflowClause } from '../../../../desktop/container/workflows/workflow-model.ts';
import { dialogObject } from './fixtures.ts';

const CV1 = '//Dialog/mediaProperties/callvariables/CallVariable/name[.="callVariable1"]/../value';
const clause = (node: string, comparator: string, value = ''): WorkflowClause =>
  ({ variable: { name: 'v', node, type: 'SYSTEM' }, comparator, value });

const workflow = (over: Partial<DesktopWorkflow> = {}): DesktopWorkflow => ({
  uri: '/finesse/api/Workflow/1', name: 'Pop', triggerType: 'CALL_ARRIVES', triggers: [], actionUris: [], ...over,
});

test('trigger types name the agent\'s own leg of the call', () => {
  const ringing = dialogMoment('POST', dialogObject({ mine: 'ALERTING' }), '1001');
  const answered = dialogMoment('PUT', dialogObject({ mine: 'ACTIVE', state: 'ACTIVE' }), '1001');
  const wrapUp = dialogMoment('PUT', dialogObject({ mine: 'WRAP_UP', state: 'DROPPED' }), '1001');
  const gone = dialogMoment('DELETE', dialogObject({ mine: 'DROPPED', state: 'DROPPED' }), '1001');
  const made = dialogMoment('POST', dialogObject({ from: '1001', mine: 'INITIATED', state: 'INITIATED' }), '1001');
  const table = [ringing, answered, wrapUp, gone, made].map((m) =>
    ['CALL_ARRIVES', 'CALL_ANSWERED', 'CALL_ENDS', 'CALL_MADE'].filter((t) => triggerTypeFires(t, m)));
  assert.deepEqual(table, [['CALL_ARRIVES'], ['CALL_ANSWERED'], ['CALL_ENDS'], ['CALL_ENDS'], ['CALL_MADE']]);
  // Another agent's leg of the same call does not count as this agent's.
  assert.equal(dialogMoment('PUT', dialogObject({ mine: 'ACTIVE' }), '1002').myState, 'ALERTING');
  assert.equal(ringing.id, '16777217');
});

test('comparators', () => {
  assert.deepEqual(
    ['IS_EQUAL', 'IS_NOT_EQUAL', 'BEGINS_WITH', 'ENDS_WITH', 'CONTAINS', 'IS_EMPTY', 'IS_NOT_EMPTY', 'SOUNDS_LIKE']
      .map((c) => compare(c, 'acct-42', 'acct')),
    [false, true, true, false, true, false, true, false]);
  assert.equal(compare('IS_EQUAL', 'acct', 'acct'), true);
  assert.equal(compare('ENDS_WITH', 'acct-42', '42'), true);
  assert.equal(compare('IS_EMPTY', '', 'x'), true);
});

test('a variable is read by its node, else by its name from the call data', () => {
  const { tree } = dialogMoment('POST', dialogObject({ cv1: 'acct-42', ecc: 'A-9' }), '1001');
  assert.equal(variableValue(tree, { name: 'x', node: CV1 }), 'acct-42');
  assert.equal(variableValue(tree, { name: 'callVariable2', node: '' }), 'gold');
  assert.equal(variableValue(tree, { name: 'account', node: 'user.account' }), 'A-9');
  assert.equal(variableValue(tree, { name: 'DNIS', node: '' }), '7001');
  assert.equal(variableValue(tree, { name: 'fromAddress', node: '' }), '+14085550181');
  assert.equal(variableValue(tree, { name: 'callVariable7', node: '' }), '');
});

test('trigger clauses and conditions, ALL and ANY', () => {
  const moment = dialogMoment('POST', dialogObject({ cv1: 'acct-42' }), '1001');
  assert.equal(workflowMatches(workflow(), moment), true);
  assert.equal(workflowMatches(workflow({ triggerType: 'CALL_ANSWERED' }), moment), false);
  assert.equal(workflowMatches(workflow({ triggers: [clause(CV1, 'IS_NOT_EMPTY')] }), moment), true);
  assert.equal(workflowMatches(workflow({ triggers: [clause(CV1, 'IS_EMPTY')] }), moment), false);
  const yes = clause(CV1, 'BEGINS_WITH', 'acct-');
  const no = clause('//Dialog/fromAddress', 'IS_EQUAL', '911');
  assert.equal(workflowMatches(workflow({ conditions: { applyMethod: 'ALL', clauses: [yes, no] } }), moment), false);
  assert.equal(workflowMatches(workflow({ conditions: { applyMethod: 'ANY', clauses: [yes, no] } }), moment), true);
  assert.equal(workflowMatches(workflow({ conditions: { applyMethod: 'ANY', clauses: [no] } }), moment), false);
  assert.equal(workflowMatches(workflow({ conditions: { applyMethod: 'ALL', clauses: [] } }), moment), true);
});

test('a trigger type this desktop does not know runs on its clauses alone, never on a Dialog gone', () => {
  const clauses = [clause('//Dialog/state', 'IS_EQUAL', 'ALERTING')];
  assert.equal(workflowMatches(workflow({ triggerType: 'SYSTEM', triggers: clauses }), dialogMoment('POST', dialogObject(), '1001')), true);
  assert.equal(workflowMatches(workflow({ triggerType: 'SYSTEM', triggers: clauses }), dialogMoment('DELETE', dialogObject(), '1001')), false);
});

test('the once-per-Dialog key tells workflows, Dialogs and trigger types apart', () => {
  const keys = new Set([
    firingKey('1', workflow()), firingKey('2', workflow()), firingKey('1', workflow({ uri: '/finesse/api/Workflow/2' })),
    firingKey('1', workflow({ triggerType: 'CALL_ENDS' })), firingKey('1', workflow()),
  ]);
  assert.equal(keys.size, 4);
});
