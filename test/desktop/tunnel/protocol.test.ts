// The container ↔ tunnel postMessage codec (desktop-and-gadgets.md §4.3): every type both ways, the EVENT,
// SUBSCRIBE and PRESENCE payloads, and foreign messages ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeEventPayload, decodeSubscribeReply, decodeTunnelMessage, encodeEventPayload, encodePresencePayload,
  encodeSubscribeReply, encodeTunnelMessage, topicOfNode, TunnelMessageType, type TunnelMessageName,
} from '../../../desktop/tunnel/protocol.ts';

const vectors: [string, TunnelMessageName, string][] = [
  ['0|/finesse/api/User/agent1<Update/>', 'EVENT', '/finesse/api/User/agent1<Update/>'],
  ['1|agent1', 'ID', 'agent1'],
  ['2|pa|ss', 'PASSWORD', 'pa|ss'],
  ['3|desktop-1', 'RESOURCEID', 'desktop-1'],
  ['4|loaded', 'STATUS', 'loaded'],
  ['5|poise.example', 'XMPPDOMAIN', 'poise.example'],
  ['6|pubsub.poise.example', 'PUBSUBDOMAIN', 'pubsub.poise.example'],
  ['7|/finesse/api/Team/1/Users', 'SUBSCRIBE', '/finesse/api/Team/1/Users'],
  ['8|/finesse/api/Team/1/Users', 'UNSUBSCRIBE', '/finesse/api/Team/1/Users'],
  ['9|<presence/>', 'PRESENCE', '<presence/>'],
  ['10|', 'CONNECT_REQ', ''],
  ['12|websocket', 'NOTIFICATION_CONNECTION_TYPE', 'websocket'],
];

for (const [wire, type, payload] of vectors) {
  test(`${type} ${JSON.stringify(wire)} both ways`, () => {
    assert.deepEqual(decodeTunnelMessage(wire), { type, payload });
    assert.equal(encodeTunnelMessage({ type, payload }), wire);
  });
}

test('codes are the ones of §4.3', () => {
  assert.deepEqual([TunnelMessageType.EVENT, TunnelMessageType.STATUS, TunnelMessageType.PRESENCE, TunnelMessageType.CONNECT_REQ], [0, 4, 9, 10]);
});

for (const foreign of [undefined, 42, { type: 0 }, '', '|x', '99|x', 'x|y', '4', '123|x', '-1|x']) {
  test(`foreign message ${JSON.stringify(foreign)} is ignored`, () => assert.equal(decodeTunnelMessage(foreign), undefined));
}

test('EVENT payload: encoded node, then the document with no separator', () => {
  const payload = encodeEventPayload('/finesse/api/User/jean pierre', '<Update><event>PUT</event></Update>');
  assert.equal(payload, '/finesse/api/User/jean%20pierre<Update><event>PUT</event></Update>');
  assert.deepEqual(decodeEventPayload(payload), { node: '/finesse/api/User/jean pierre', notification: '<Update><event>PUT</event></Update>' });
  assert.deepEqual(decodeEventPayload('/finesse/api/SystemInfo{"a":1}'), { node: '/finesse/api/SystemInfo', notification: '{"a":1}' });
  assert.equal(decodeEventPayload('<Update/>'), undefined);
  assert.equal(decodeEventPayload('/finesse/api/User/%E0<Update/>'), undefined);
  assert.equal(decodeEventPayload('/finesse/api/User/agent1'), undefined);
});

test('SUBSCRIBE reply: the node, or the node and the error XML', () => {
  assert.equal(encodeSubscribeReply('/finesse/api/Queue/1'), '/finesse/api/Queue/1');
  assert.deepEqual(decodeSubscribeReply('/finesse/api/Queue/1'), { node: '/finesse/api/Queue/1' });
  const error = '<error type="cancel"><item-not-found xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error>';
  assert.equal(encodeSubscribeReply('/finesse/api/Queue/9', error), `/finesse/api/Queue/9|${error}`);
  assert.deepEqual(decodeSubscribeReply(`/finesse/api/Queue/9|${error}`), { node: '/finesse/api/Queue/9', errorXml: error });
});

test('PRESENCE payload escapes its text; node to hub topic', () => {
  assert.equal(encodePresencePayload('finesse@poise/x<y', 'available'), '<presence><from>finesse@poise/x&lt;y</from><type>available</type></presence>');
  assert.equal(topicOfNode('/finesse/api/User/agent1/Dialogs'), 'finesse.api.User.agent1.Dialogs');
  assert.equal(topicOfNode('/finesse/api/Team/5/Users'), 'finesse.api.Team.5.Users');
});
