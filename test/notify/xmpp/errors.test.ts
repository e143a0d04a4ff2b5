import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Element } from 'ltx';
import { StanzaError, StreamError, errorReply, parseJid, streamErrorElement } from '../../../src/notify/xmpp/index.ts';

test('stream errors keep the stream: prefix and declare it (R6)', () => {
  assert.equal(streamErrorElement(new StreamError('not-well-formed', 'saxes detail')).toString(),
    '<stream:error xmlns:stream="http://etherx.jabber.org/streams"><not-well-formed xmlns="urn:ietf:params:xml:ns:xmpp-streams"/></stream:error>');
  assert.equal(streamErrorElement(new StreamError('policy-violation', 'stanza too large')).toString(),
    '<stream:error xmlns:stream="http://etherx.jabber.org/streams"><policy-violation xmlns="urn:ietf:params:xml:ns:xmpp-streams"/>'
    + '<text xmlns="urn:ietf:params:xml:ns:xmpp-streams">stanza too large</text></stream:error>');
});

test('stanza error replies swap addresses and carry the pubsub condition', () => {
  const iq = new Element('iq', { type: 'set', id: 's1', from: 'amoss@d/desktop', to: 'pubsub.d' });
  assert.equal(errorReply(iq, new StanzaError('modify', 'bad-request', 'invalid-jid'), 'pubsub.d').toString(),
    '<iq type="error" id="s1" from="pubsub.d" to="amoss@d/desktop"><error type="modify">'
    + '<bad-request xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/><invalid-jid xmlns="http://jabber.org/protocol/pubsub#errors"/></error></iq>');
});

test('JIDs: localparts lower-cased (R9), malformed ones refused', () => {
  assert.deepEqual(parseJid('AMoss@Node-A.example.net/Desktop'), { local: 'amoss', domain: 'node-a.example.net', resource: 'Desktop' });
  assert.deepEqual(parseJid('pubsub.d'), { local: '', domain: 'pubsub.d', resource: '' });
  for (const bad of ['', '@d', 'a@', 'a@d/', 'a b@d', 'a@b@d']) assert.equal(parseJid(bad), undefined, bad);
});
