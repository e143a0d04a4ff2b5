import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialogTree, parsePath, readPath } from '../../../../desktop/container/workflows/dialog-path.ts';
import { dialogObject } from './fixtures.ts';

const tree = dialogTree(dialogObject({ cv1: 'acct-42', ecc: 'A-9' }));

test('reads the paths Finesse stores for Dialog fields and call variables', () => {
  assert.equal(readPath(tree, '//Dialog/fromAddress'), '+14085550181');
  assert.equal(readPath(tree, '/Dialog/state'), 'ALERTING');
  assert.equal(readPath(tree, '//Dialog/mediaProperties/DNIS'), '7001');
  assert.equal(readPath(tree, '//Dialog/mediaProperties/callvariables/CallVariable/name[.="callVariable1"]/../value'), 'acct-42');
  assert.equal(readPath(tree, '//Dialog/mediaProperties/callvariables/CallVariable[name="callVariable2"]/value'), 'gold');
  assert.equal(readPath(tree, "//CallVariable[name='user.account']/value"), 'A-9');
  assert.equal(readPath(tree, '//Dialog/participants/Participant/mediaAddress[.=1001]/../state'), 'ALERTING');
  assert.equal(readPath(tree, '//Dialog/*/DNIS'), '7001');
});

test('a path that selects nothing, or uses more than the subset, reads as undefined', () => {
  assert.equal(readPath(tree, '//Dialog/mediaProperties/callvariables/CallVariable[name="callVariable9"]/value'), undefined);
  assert.equal(readPath(tree, '//Dialog/nothing'), undefined);
  assert.equal(parsePath('Dialog/state'), undefined);
  assert.equal(parsePath('//Dialog/state[position()>1]'), undefined);
  assert.equal(parsePath('//Dialog[1'), undefined);
  assert.equal(readPath(tree, 'count(//Dialog)'), undefined);
});

test('a lone call variable (not an array) and an empty element are read alike', () => {
  const single = dialogTree({ id: '5', mediaProperties: { callvariables: { CallVariable: { name: 'callVariable1', value: null } } } });
  assert.equal(readPath(single, '//CallVariable[name="callVariable1"]/value'), '');
  assert.equal(readPath(single, '//Dialog/id'), '5');
});
