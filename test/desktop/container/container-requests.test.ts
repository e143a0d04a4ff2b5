import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readContainerRequest, TOPICS } from '../../../desktop/container/container-requests.ts';

test('the requests of §4.2', () => {
  assert.deepEqual(readContainerRequest({ type: 'ActiveTabReq', data: {}, invokeID: 'i1' }), { type: 'ActiveTabReq' });
  assert.deepEqual(readContainerRequest({ type: 'SetActiveTabReq', data: { id: 'home' } }), { type: 'SetActiveTabReq', id: 'home' });
  assert.deepEqual(readContainerRequest({ type: 'ReloadGadgetReq', data: { gadgetId: 3 } }), { type: 'ReloadGadgetReq', gadgetId: '3' });
});

test('malformed or unknown requests are ignored', () => {
  for (const message of [null, 'ActiveTabReq', {}, { type: 'SetActiveTabReq' }, { type: 'SetActiveTabReq', data: { id: {} } },
    { type: 'ReloadGadgetReq', data: null }, { type: 'Other', data: {} }]) {
    assert.equal(readContainerRequest(message), undefined, JSON.stringify(message));
  }
});

test('topic names as the library uses them', () => {
  assert.equal(TOPICS.timerTick, 'finesse.containerservices.timerTickEvent');
  assert.equal(TOPICS.clientLogging, 'finesse.clientLogging.**');
});
