import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSystemStatus, readUserNotification, topicOfNode } from '../../../desktop/container/notification.ts';

test('a User change', () => {
  const data = { content: '…', object: { Update: { data: { user: { state: 'NOT_READY' } }, event: 'PUT', requestId: 'r1', source: '/finesse/api/User/agent1' } } };
  assert.deepEqual(readUserNotification(data), { kind: 'state', state: 'NOT_READY', requestId: 'r1' });
});

test('a refused request, one error or several', () => {
  const one = { object: { Update: { data: { apiErrors: { apiError: { errorType: 'Invalid Device', errorMessage: 'Extension in use' } } }, requestId: 'r2' } } };
  assert.deepEqual(readUserNotification(one), { kind: 'error', requestId: 'r2', errorType: 'Invalid Device', errorMessage: 'Extension in use' });
  const many = { object: { Update: { data: { ApiErrors: { ApiError: [{ ErrorType: 'A', ErrorMessage: 'first' }, { ErrorType: 'B' }] } }, requestId: 'r3' } } };
  assert.deepEqual(readUserNotification(many), { kind: 'error', requestId: 'r3', errorType: 'A', errorMessage: 'first' });
});

test('anything else is not a User notification', () => {
  for (const data of [undefined, null, 'x', {}, { object: {} }, { object: { Update: { data: { dialogs: null } } } }]) {
    assert.equal(readUserNotification(data), undefined);
  }
});

test('node paths become hub topics', () => {
  assert.equal(topicOfNode('/finesse/api/User/agent1'), 'finesse.api.User.agent1');
  assert.equal(topicOfNode('/finesse/api/User/agent1/Dialogs'), 'finesse.api.User.agent1.Dialogs');
});

test('a SystemInfo change says whether the contact center is in service; anything else says nothing', () => {
  const info = (status: unknown) => ({ object: { Update: { data: { systemInfo: { status, xmppDomain: 'node-a' } }, event: 'PUT' } } });
  assert.equal(readSystemStatus(info('OUT_OF_SERVICE')), 'OUT_OF_SERVICE');
  assert.equal(readSystemStatus(info('IN_SERVICE')), 'IN_SERVICE');
  for (const data of [info('MAINTENANCE'), info(undefined), undefined, {}, { object: { Update: { data: { user: { status: 'IN_SERVICE' } } } } }]) {
    assert.equal(readSystemStatus(data), undefined);
  }
});
