// Acceptance over c2s TCP: @xmpp/client against a whole node (call manager for AXL sign-in, notify), and raw
// sockets that send what breaks streams.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { connectClient, nextStanza, pubsubIq, rawExchange, refusal, xml } from '../support/xmpp.ts';
import type { NotifyService } from '../../src/notify/index.ts';

const UPDATE = '<Update><data><user><loginId>agent1</loginId><firstName>Ada &amp; Co</firstName><state>READY</state>'
  + '<uri>/finesse/api/User/agent1</uri></user></data><event>PUT</event><requestId></requestId><source>/finesse/api/User/agent1</source></Update>';

describe('notify over TCP with @xmpp/client', () => {
  let tn: TestNode;
  let notify: NotifyService;
  let domain: string;
  let service: string;
  let agent1: XmppClient;

  before(async () => {
    tn = await startTestNode();
    const found = tn.node.services.find((s) => s.name === 'notify');
    assert.ok(found);
    notify = found as NotifyService;
    domain = notify.server.domain;
    service = `xmpp://127.0.0.1:${notify.ports.xmpp}`;
    for (const node of ['/finesse/api/User/agent1', '/finesse/api/User/agent2', '/finesse/api/Team/1/Users']) notify.publisher.createNode(node);
    agent1 = await connectClient({ service, domain, username: 'agent1', password: TEST_PASSWORD });
  });
  after(async () => {
    await agent1?.stop();
    await tn?.close();
  });

  test('binds, gets the finesse presence after initial presence (R5), and the roster', async () => {
    assert.equal(agent1.jid?.toString(), `agent1@${domain}/desktop`);
    const finesse = nextStanza(agent1, (s) => s.name === 'presence' && s.attrs.from === `finesse@${domain}/poise-web`);
    await agent1.send(xml('presence'));
    await finesse;
    const roster = await agent1.iqCaller.request(xml('iq', { type: 'get' }, xml('query', { xmlns: 'jabber:iq:roster' })));
    assert.equal(roster.getChild('query')?.getChild('item')?.attrs.jid, `finesse@${domain}`);
    await agent1.iqCaller.request(xml('iq', { type: 'get', to: domain }, xml('ping', { xmlns: 'urn:xmpp:ping' })));
  });

  test('subscribes to its own node and receives a published item, escaped as text (R1–R3)', async () => {
    const node = '/finesse/api/User/agent1';
    const result = await agent1.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node, jid: `agent1@${domain}` })));
    assert.equal(result.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
    const event = nextStanza(agent1, (s) => s.name === 'message' && s.attrs.from === `pubsub.${domain}`);
    const published = notify.publisher.publish(node, UPDATE);
    assert.ok(published.ok);
    const message = await event;
    const item = message.getChild('event')?.getChild('items')?.getChild('item');
    assert.equal(message.getChild('event')?.getChild('items')?.attrs.node, node);
    assert.equal(item?.attrs.id, published.value);
    assert.equal(item?.getChild('notification')?.attrs.xmlns, 'http://jabber.org/protocol/pubsub');
    assert.equal(item?.getChild('notification')?.getText(), UPDATE);
    assert.equal(item?.getChild('notification')?.getChildElements().length, 0);
    assert.equal(message.getChild('body'), undefined);
    assert.equal(message.getChild('headers'), undefined);
  });

  test('a wrong password is not-authorized', async () => {
    const err = await refusal(connectClient({ service, domain, username: 'agent2', password: 'wrong-password' }));
    assert.equal(err.condition, 'not-authorized');
  });

  test('subscribing to another agent\'s node is refused: not-allowed + closed-node (§3.3)', async () => {
    const err = await refusal(agent1.iqCaller.request(pubsubIq('set', `pubsub.${domain}`,
      xml('subscribe', { node: '/finesse/api/User/agent2', jid: `agent1@${domain}` }))));
    assert.deepEqual([err.condition, err.application], ['not-allowed', 'closed-node']);
    const team = await refusal(agent1.iqCaller.request(pubsubIq('set', `pubsub.${domain}`,
      xml('subscribe', { node: '/finesse/api/Team/1/Users', jid: `agent1@${domain}` }))));
    assert.equal(team.condition, 'not-allowed');
  });

  test('subscribing another user\'s JID is bad-request + invalid-jid', async () => {
    const err = await refusal(agent1.iqCaller.request(pubsubIq('set', `pubsub.${domain}`,
      xml('subscribe', { node: '/finesse/api/User/agent1', jid: `agent2@${domain}` }))));
    assert.deepEqual([err.condition, err.application], ['bad-request', 'invalid-jid']);
  });

  test('a client publishing is forbidden', async () => {
    const err = await refusal(agent1.iqCaller.request(xml('iq', { type: 'set', to: `pubsub.${domain}` },
      xml('pubsub', { xmlns: 'http://jabber.org/protocol/pubsub' },
        xml('publish', { node: '/finesse/api/User/agent1' }, xml('item', {}, xml('notification', {}, '<Update/>')))))));
    assert.equal(err.condition, 'forbidden');
  });

  test('an unknown iq is service-unavailable', async () => {
    const err = await refusal(agent1.iqCaller.request(xml('iq', { type: 'get', to: domain }, xml('query', { xmlns: 'urn:example:nothing' }))));
    assert.equal(err.condition, 'service-unavailable');
  });

  const header = () => `<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='${domain}' version='1.0'>`;
  const garbage: Array<[string, () => Array<string | Uint8Array>, string]> = [
    ['billion laughs', () => ['<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]><lolz>&lol1;</lolz>'], 'restricted-xml'],
    ['an unclosed tag', () => [header(), '<presence><x></presence>'], 'not-well-formed'],
    ['an oversized stanza', () => [header(), `<message><body>${'x'.repeat(80 * 1024)}</body></message>`], 'policy-violation'],
    ['invalid UTF-8', () => [header(), Buffer.from([0x3c, 0x61, 0xff, 0xfe, 0x3e])], 'unsupported-encoding'],
    ['a stanza before authentication', () => [header(), '<iq type="get" id="1"><query xmlns="jabber:iq:roster"/></iq>'], 'not-authorized'],
  ];
  for (const [name, chunks, condition] of garbage) {
    test(`${name}: <${condition}/> and close; other sessions keep their events`, async () => {
      const received = await rawExchange(notify.ports.xmpp, chunks());
      assert.match(received, new RegExp(`<stream:error[^>]*><${condition} xmlns="urn:ietf:params:xml:ns:xmpp-streams"/>`));
      assert.ok(received.endsWith('</stream:stream>'), received);
      const event = nextStanza(agent1, (s) => s.name === 'message');
      notify.publisher.publish('/finesse/api/User/agent1', UPDATE);
      await event;
    });
  }
});
