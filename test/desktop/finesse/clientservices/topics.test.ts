// What the master accepts on `finesse.info.requests` and what gadgets accept on `finesse.info.connection`
// (desktop-and-gadgets.md §4.2): any gadget may publish anything, so both are checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConnectionInfo, parseInfoRequest } from '../../../../desktop/finesse/clientservices/topics.ts';

test('requests of the four types are read; the data beyond the contract is dropped', () => {
  assert.deepEqual(parseInfoRequest({ type: 'ConnectionInfoReq', data: { extra: 1 }, invokeID: 'i1' }), { type: 'ConnectionInfoReq', data: {}, invokeID: 'i1' });
  assert.deepEqual(parseInfoRequest({ type: 'SubscribeNodeReq', data: { node: '/finesse/api/Queue/1' }, invokeID: 'i2' }),
    { type: 'SubscribeNodeReq', data: { node: '/finesse/api/Queue/1' }, invokeID: 'i2' });
  assert.deepEqual(parseInfoRequest({ type: 'UnsubscribeNodeReq', data: { node: '/n', subid: 's' }, invokeID: 'i3' }),
    { type: 'UnsubscribeNodeReq', data: { node: '/n', subid: 's' }, invokeID: 'i3' });
  assert.deepEqual(parseInfoRequest({ type: 'ConnectionReq', data: { id: 'x', password: 'y' }, invokeID: 'i4' }),
    { type: 'ConnectionReq', data: {}, invokeID: 'i4' });
});

for (const junk of [undefined, null, 'text', [], {}, { type: 'ConnectionInfoReq' }, { type: 'ConnectionInfoReq', invokeID: '' },
  { type: 'SubscribeNodeReq', invokeID: 'i', data: {} }, { type: 'SubscribeNodeReq', invokeID: 'i', data: { node: 5 } },
  { type: 'Other', invokeID: 'i', data: {} }]) {
  test(`request ${JSON.stringify(junk)} is ignored`, () => assert.equal(parseInfoRequest(junk), undefined));
}

test('connection statuses: known ones with their resource id; unknown ones ignored', () => {
  assert.deepEqual(parseConnectionInfo({ status: 'connected', resourceID: 'desktop' }), { status: 'connected', resourceID: 'desktop' });
  assert.deepEqual(parseConnectionInfo({ status: 'recovered', resourceID: 7 }), { status: 'recovered' });
  for (const junk of [undefined, 'connected', { status: 'connectionStatus' }, { status: 'CONNECTED' }]) assert.equal(parseConnectionInfo(junk), undefined);
});
