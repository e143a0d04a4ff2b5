// What the call control shows of a Dialog (rest-api.md §4): the agent's own participant by extension, its actions
// in either Goessner shape, the other party, call data by the media properties layout or callVariable1–10.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialogView } from '../../../../desktop/gadgets/call-control/dialog-view.ts';
import type { Dialog } from '../../../../desktop/gadgets/shared/finesse-api.ts';
import { layoutEntries } from '../../../../desktop/gadgets/shared/media-layout.ts';

interface FakeDialog { id: string; from: string; to: string; state: string; participants: unknown; properties: Record<string, unknown> }

const dialog = (d: FakeDialog): Dialog => ({
  getId: () => d.id, getData: () => ({}), addHandler: () => undefined, isLoaded: () => true, refresh: () => undefined,
  getFromAddress: () => d.from, getToAddress: () => d.to, getState: () => d.state,
  getParticipants: () => d.participants, getMediaProperties: () => d.properties,
  requestAction: () => undefined, makeConsultCall: () => undefined, updateWrapUpReason: () => undefined,
  sendDTMFRequest: () => undefined,
});

const ringing: FakeDialog = {
  id: '16777216', from: '+14085550100', to: '7001', state: 'ALERTING',
  participants: [
    { mediaAddress: '+14085550100', mediaAddressType: null, state: 'ACTIVE', actions: null },
    { mediaAddress: '1001', mediaAddressType: 'AGENT_DEVICE', state: 'ALERTING', actions: { action: 'ANSWER' },
      stateChangeTime: '2026-12-06T16:00:00.000Z', startTime: '2026-12-06T15:59:59.000Z' },
  ],
  properties: { callType: 'ACD_IN', dialedNumber: '7001', queueName: 'Sales', callVariable1: 'acct-42', callVariable3: 'x' },
};

test('a ringing inbound call: the agent participant by extension, one action as a string, the caller', () => {
  const view = dialogView(dialog(ringing), '1001', undefined);
  assert.equal(view.id, '16777216');
  assert.equal(view.state, 'ALERTING');
  assert.deepEqual([...view.actions], ['ANSWER']);
  assert.equal(view.otherParty, '+14085550100');
  assert.equal(view.incoming, true);
  assert.equal(view.callType, 'ACD_IN');
  assert.equal(view.since, Date.parse('2026-12-06T16:00:00.000Z'));
  // Without a layout: the call variables that have values, in order.
  assert.deepEqual(view.callData, [{ label: 'callVariable1', value: 'acct-42' }, { label: 'callVariable3', value: 'x' }]);
});

test('an active call: actions as an array, the timer from the start of the call', () => {
  const active = { ...ringing, state: 'ACTIVE', participants: { Participant: [
    { mediaAddress: '1001', state: 'ACTIVE', actions: { action: ['HOLD', 'DROP', 'CONSULT_CALL'] },
      stateChangeTime: '2026-12-06T16:00:05.000Z', startTime: '2026-12-06T15:59:59.000Z' },
  ] } };
  const view = dialogView(dialog(active), '1001', undefined);
  assert.deepEqual([...view.actions], ['HOLD', 'DROP', 'CONSULT_CALL']);
  assert.equal(view.since, Date.parse('2026-12-06T15:59:59.000Z'));
});

test('an outgoing call shows the number dialled', () => {
  const view = dialogView(dialog({ ...ringing, from: '1001', to: '914155550177', state: 'INITIATED' }), '1001', undefined);
  assert.equal(view.incoming, false);
  assert.equal(view.otherParty, '914155550177');
});

test('the media properties layout picks and labels the call data, empty values kept', () => {
  const layout = layoutEntries({
    getId: () => '1', isLoaded: () => true, addHandler: () => undefined, refresh: () => undefined,
    getData: () => ({
      header: { entry: { displayName: 'Customer', mediaProperty: 'callVariable1' } },
      column: [{ entry: [{ displayName: 'Queue', mediaProperty: 'queueName' }, { displayName: 'Account', mediaProperty: 'callVariable2' }] }],
    }),
  });
  assert.deepEqual(layout?.map((e) => e.mediaProperty), ['callVariable1', 'queueName', 'callVariable2']);
  const view = dialogView(dialog(ringing), '1001', layout);
  assert.deepEqual(view.callData, [
    { label: 'Customer', value: 'acct-42' }, { label: 'Queue', value: 'Sales' }, { label: 'Account', value: '' },
  ]);
});

test('no agent participant at this extension: the agent device, else the dialog state', () => {
  const view = dialogView(dialog(ringing), '9999', undefined);
  assert.equal(view.state, 'ALERTING');
  const none = dialogView(dialog({ ...ringing, participants: null, state: 'ACTIVE' }), '1001', undefined);
  assert.equal(none.state, 'ACTIVE');
  assert.equal(none.actions.size, 0);
  assert.equal(none.since, undefined);
});

test('a conference: the others still on the call, without the agent or a party that left', () => {
  const conference = { ...ringing, state: 'ACTIVE', participants: { Participant: [
    { mediaAddress: '+14085550100', state: 'ACTIVE' },
    { mediaAddress: '1001', state: 'ACTIVE', actions: { action: ['HOLD', 'DROP'] } },
    { mediaAddress: '1002', state: 'ACTIVE' },
    { mediaAddress: '1003', state: 'DROPPED' },
  ] } };
  assert.deepEqual(dialogView(dialog(conference), '1001', undefined).others, ['+14085550100', '1002']);
  assert.deepEqual(dialogView(dialog(ringing), '1001', undefined).others, ['+14085550100']);
});
