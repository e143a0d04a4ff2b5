import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIRE_PREFIX, decodeClientMessage, decodeContainerMessage, encode, frameFragment, newFrameToken, parseFrameFragment,
  type ClientMessage, type ContainerMessage,
} from '../../../desktop/hub/wire.ts';

const TOKEN = '0123abcd';

const clientMessages: ClientMessage[] = [
  { k: 'con' }, { k: 'dis' }, { k: 'sub', sid: '1', topic: 'sampleGadget.*' }, { k: 'uns', sid: '1' },
  { k: 'pub', topic: 'sampleGadget.info', data: { type: 'SendDataReq', data: 'x', invokeID: 3 } },
  { k: 'pub', topic: 'a.b' }, { k: 'pub', topic: 'a.b', data: null }, { k: 'rpc', service: 'resize_iframe', args: [120] },
];
for (const message of clientMessages) {
  test(`client message ${JSON.stringify(message)} round-trips`, () => {
    assert.deepEqual(decodeClientMessage(encode(TOKEN, message), TOKEN), { kind: 'message', message });
  });
}

const containerMessages: ContainerMessage[] = [
  { k: 'con-ok', clientId: 'gadget-1' }, { k: 'dis-ok' }, { k: 'sub-ok', sid: '2' },
  { k: 'sub-err', sid: '2', err: 'OpenAjax.hub.Error.NotAllowed' }, { k: 'uns-ok', sid: '2' },
  { k: 'dlv', sid: '2', topic: 'a.b', data: [1, 'two', { three: true }] }, { k: 'dlv', sid: '2', topic: 'a.b' },
  { k: 'rpc', service: 'x', args: [] },
];
for (const message of containerMessages) {
  test(`container message ${JSON.stringify(message)} round-trips`, () => {
    assert.deepEqual(decodeContainerMessage(encode(TOKEN, message), TOKEN), { kind: 'message', message });
  });
}

test('undefined data stays undefined (finesse.info.responses: undefined = ok)', () => {
  const decoded = decodeContainerMessage(encode(TOKEN, { k: 'dlv', sid: '1', topic: 'a', data: undefined }), TOKEN);
  assert.equal(decoded.kind, 'message');
  assert.ok(decoded.kind === 'message' && !('data' in decoded.message));
});

const refusals: Array<[string, unknown, string]> = [
  ['the tunnel\'s messages', '4|loaded', 'foreign'],
  ['an object', { k: 'con' }, 'foreign'],
  ['a number', 7, 'foreign'],
  ['broken JSON', `${WIRE_PREFIX}{bad`, 'garbage'],
  ['an array', `${WIRE_PREFIX}[1]`, 'garbage'],
  ['another frame\'s token', encode('other', { k: 'con' }), 'forged'],
  ['no token', `${WIRE_PREFIX}{"k":"con"}`, 'forged'],
  ['an unknown verb', encode(TOKEN, { k: 'con' }).replace('"con"', '"boom"'), 'garbage'],
  ['sub without a topic', `${WIRE_PREFIX}{"t":"${TOKEN}","k":"sub","sid":"1"}`, 'garbage'],
  ['pub with a numeric topic', `${WIRE_PREFIX}{"t":"${TOKEN}","k":"pub","topic":5}`, 'garbage'],
  ['rpc without args', `${WIRE_PREFIX}{"t":"${TOKEN}","k":"rpc","service":"set_title"}`, 'garbage'],
];
for (const [name, raw, kind] of refusals) {
  test(`a client message with ${name} is ${kind}`, () => assert.equal(decodeClientMessage(raw, TOKEN).kind, kind));
}

test('a container message of the client\'s kind is garbage to the client', () => {
  assert.equal(decodeContainerMessage(encode(TOKEN, { k: 'sub', sid: '1', topic: 'a' }), TOKEN).kind, 'garbage');
  assert.equal(decodeContainerMessage(`${WIRE_PREFIX}{"t":"${TOKEN}","k":"sub-err","sid":"1","err":"weird"}`, TOKEN).kind, 'message');
});

test('data JSON cannot carry is refused at encode time', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => encode(TOKEN, { k: 'pub', topic: 'a', data: cyclic }));
});

test('the frame fragment round-trips and needs both parts', () => {
  const params = { token: newFrameToken((b) => b.fill(171)), parentOrigin: 'https://node:8445' };
  assert.equal(params.token, 'ab'.repeat(16));
  assert.deepEqual(parseFrameFragment(`#${frameFragment(params)}`), params);
  assert.deepEqual(parseFrameFragment(`#x=1&${frameFragment(params)}`), params);
  assert.equal(parseFrameFragment('#rpctoken=abc'), undefined);
  assert.equal(parseFrameFragment(''), undefined);
});
