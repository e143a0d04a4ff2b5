// The provider link's codec: frames from the application are checked whole; the call manager's frames by envelope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encode, parseClientFrame, parseServerFrame } from '../../../src/callmanager/provider-link/codec.ts';

test('open and a well-formed request parse to typed messages', () => {
  assert.deepEqual(parseClientFrame('{"type":"open","appUser":"poise_jtapi","password":"pw"}'),
    { kind: 'open', message: { type: 'open', appUser: 'poise_jtapi', password: 'pw' } });
  const redirect = parseClientFrame(JSON.stringify({ type: 'request', id: 7, method: 'redirect', params: { callId: 'c1', address: '7001', dest: '1001' } }));
  assert.deepEqual(redirect, { kind: 'request', request: { id: 7, method: 'redirect', params: { callId: 'c1', address: '7001', dest: '1001' } } });
  const agents = parseClientFrame('{"type":"request","id":1,"method":"listAgents"}');
  assert.deepEqual(agents, { kind: 'request', request: { id: 1, method: 'listAgents', params: {} } });
  const transfer = parseClientFrame(JSON.stringify({ type: 'request', id: 2, method: 'transfer', params: { callId: 'a', terminal: 'SEP1', dest: '1002' } }));
  assert.equal(transfer.kind, 'request');
});

test('bad JSON, an unknown type and an unknown method are link errors; an unknown method keeps its id', () => {
  const bad = parseClientFrame('{"type":');
  assert.equal(bad.kind, 'link-error');
  assert.equal(bad.kind === 'link-error' && bad.condition, 'bad-json');
  const unknown = parseClientFrame('{"type":"subscribe"}');
  assert.equal(unknown.kind === 'link-error' && unknown.condition, 'bad-message');
  const method = parseClientFrame('{"type":"request","id":9,"method":"format"}');
  assert.deepEqual(method, { kind: 'link-error', condition: 'bad-message', message: 'unknown method format', id: 9 });
  const noId = parseClientFrame('{"type":"request","id":"x","method":"drop"}');
  assert.equal(noId.kind === 'link-error' && noId.condition, 'bad-message');
  assert.equal(parseClientFrame('[1,2]').kind, 'link-error');
  assert.equal(parseClientFrame('null').kind, 'link-error');
});

test('params that do not fit their method are the provider\'s InvalidArgument, under the request id', () => {
  const missing = parseClientFrame('{"type":"request","id":3,"method":"redirect","params":{"callId":"c1"}}');
  assert.equal(missing.kind, 'invalid-request');
  assert.equal(missing.kind === 'invalid-request' && missing.id, 3);
  assert.match(missing.kind === 'invalid-request' ? missing.message : '', /^redirect: /);
  const extra = parseClientFrame('{"type":"request","id":4,"method":"drop","params":{"callId":"c1","force":true}}');
  assert.equal(extra.kind, 'invalid-request');
  const noRoutes = parseClientFrame('{"type":"request","id":5,"method":"routeSelect","params":{"callId":"c1","address":"7001","routes":[]}}');
  assert.equal(noRoutes.kind, 'invalid-request');
  const wrongType = parseClientFrame('{"type":"request","id":6,"method":"observe","params":{"addresses":"1001"}}');
  assert.equal(wrongType.kind, 'invalid-request');
});

test('the call manager\'s frames: replies, events with their call, link errors; anything else is reported', () => {
  const reply = parseServerFrame(encode({ type: 'reply', id: 1, reply: { ok: false, error: 'InvalidState', message: 'x' } }));
  assert.deepEqual(reply, { type: 'reply', id: 1, reply: { ok: false, error: 'InvalidState', message: 'x' } });
  const event = parseServerFrame(JSON.stringify({
    type: 'event', event: { type: 'CallActiveEv', callId: 'c1', seq: 1, at: 0, cause: 'NORMAL', calling: 'a', called: 'b', lastRedirected: null, state: 'ACTIVE' },
    call: { ok: true, value: { id: 'c1', connections: [] } },
  }));
  assert.equal(typeof event === 'object' && event.type, 'event');
  assert.equal(typeof parseServerFrame('{"type":"reply","id":1,"reply":{"ok":false,"error":"Oops","message":""}}'), 'string');
  assert.equal(typeof parseServerFrame('{"type":"event","event":{"callId":"c1"},"call":{"ok":true,"value":{}}}'), 'string');
  assert.equal(typeof parseServerFrame('not json'), 'string');
  assert.deepEqual(parseServerFrame('{"type":"error","condition":"not-open","message":"open first","id":2}'),
    { type: 'error', condition: 'not-open', message: 'open first', id: 2 });
});
