// Acceptance over WebSocket (RFC 7395): @xmpp/client against a whole node, and raw frames that break streams.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import WebSocket from 'ws';
import type { XmppClient } from '@xmpp/client';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { connectClient, nextStanza, pubsubIq, refusal, xml } from '../support/xmpp.ts';
import type { NotifyService } from '../../src/notify/index.ts';

const NODE = '/finesse/api/User/agent3/Queues'; // explicit subscription (§3.1)
const UPDATE = '<Update><data><user><loginId>agent3</loginId></user></data><event>PUT</event><requestId></requestId><source>/finesse/api/User/agent3</source></Update>';

/** Sends frames on a raw WebSocket and collects every text frame until the server closes. */
async function rawFrames(url: string, frames: Array<string | Buffer>, binary = false): Promise<{ frames: string[]; code: number }> {
  const ws = new WebSocket(url, 'xmpp');
  const received: string[] = [];
  ws.on('message', (data: Buffer) => received.push(data.toString('utf8')));
  ws.on('error', () => {});
  await once(ws, 'open');
  const closed = once(ws, 'close') as Promise<[number]>;
  for (const frame of frames) ws.send(frame, { binary });
  const [code] = await closed;
  return { frames: received, code };
}

describe('notify over WebSocket with @xmpp/client', () => {
  let tn: TestNode;
  let notify: NotifyService;
  let domain: string;
  let url: string;
  let agent3: XmppClient;

  before(async () => {
    tn = await startTestNode();
    notify = tn.node.services.find((s) => s.name === 'notify') as NotifyService;
    domain = notify.server.domain;
    url = `ws://127.0.0.1:${notify.ports.bosh}/ws/`;
    notify.publisher.createNode(NODE);
    agent3 = await connectClient({ service: url, domain, username: 'agent3', password: TEST_PASSWORD });
  });
  after(async () => {
    await agent3?.stop();
    await tn?.close();
  });

  test('authenticates, binds, subscribes to its node and receives a published item', async () => {
    assert.equal(agent3.jid?.toString(), `agent3@${domain}/desktop`);
    const finesse = nextStanza(agent3, (s) => s.name === 'presence' && s.attrs.from === `finesse@${domain}/poise-web`);
    await agent3.send(xml('presence'));
    await finesse;
    for (const jid of [`agent3@${domain}/desktop`, `agent3@${domain}`]) {
      const result = await agent3.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node: NODE, jid })));
      assert.equal(result.getChild('pubsub')?.getChild('subscription')?.attrs.jid, jid);
    }
    const event = nextStanza(agent3, (s) => s.name === 'message');
    notify.publisher.publish(NODE, UPDATE);
    const message = await event;
    // Bare and full JID both match: one copy, addressed to the bare JID (§3.2).
    assert.equal(message.attrs.to, `agent3@${domain}`);
    assert.equal(message.getChild('event')?.getChild('items')?.getChild('item')?.getChildText('notification'), UPDATE);
  });

  test('the last item is retrievable; disco#info on a node is pubsub/leaf (R11)', async () => {
    const items = await agent3.iqCaller.request(pubsubIq('get', `pubsub.${domain}`, xml('items', { node: NODE })));
    assert.equal(items.getChild('pubsub')?.getChild('items')?.getChild('item')?.getChildText('notification'), UPDATE);
    const info = await agent3.iqCaller.request(xml('iq', { type: 'get', to: `pubsub.${domain}` }, xml('query', { xmlns: 'http://jabber.org/protocol/disco#info', node: NODE })));
    assert.deepEqual(info.getChild('query')?.getChildElements()[0]?.attrs, { category: 'pubsub', type: 'leaf' });
  });

  test('a wrong password is not-authorized', async () => {
    const err = await refusal(connectClient({ service: url, domain, username: 'agent4', password: 'nope-nope' }));
    assert.equal(err.condition, 'not-authorized');
  });

  test('<open/> is answered in the framing namespace, then features; <close/> gets the exact close (R7)', async () => {
    const ws = new WebSocket(url, 'xmpp');
    const frames: string[] = [];
    ws.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
    await once(ws, 'open');
    assert.equal(ws.protocol, 'xmpp');
    const closed = once(ws, 'close');
    ws.send(`<open xmlns="urn:ietf:params:xml:ns:xmpp-framing" to="${domain}" version="1.0"/>`);
    await new Promise<void>((resolve) => ws.on('message', () => { if (frames.length === 2) resolve(); }));
    ws.send('<close xmlns="urn:ietf:params:xml:ns:xmpp-framing"/>');
    await closed;
    assert.match(frames[0] ?? '', /^<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='[^']+' id='[0-9a-f]+' version='1.0' xml:lang='en'\/>$/);
    assert.match(frames[1] ?? '', /^<stream:features xmlns:stream='http:\/\/etherx.jabber.org\/streams'><mechanisms/);
    assert.equal(frames[2], '<close xmlns="urn:ietf:params:xml:ns:xmpp-framing" />');
  });

  const open = () => `<open xmlns="urn:ietf:params:xml:ns:xmpp-framing" to="${domain}" version="1.0"/>`;
  const garbage: Array<[string, () => Array<string | Buffer>, string, boolean?]> = [
    ['billion laughs', () => [open(), '<!DOCTYPE l [<!ENTITY l "l"><!ENTITY l2 "&l;&l;">]><iq>&l2;</iq>'], 'restricted-xml'],
    ['an unclosed tag', () => [open(), '<presence><x></presence>'], 'not-well-formed'],
    ['an oversized frame', () => [open(), `<message><body>${'x'.repeat(70 * 1024)}</body></message>`], 'policy-violation'],
    ['invalid UTF-8', () => [open(), Buffer.from([0x3c, 0x61, 0xff, 0x2f, 0x3e])], 'unsupported-encoding', true],
  ];
  for (const [name, frames, condition, binary] of garbage) {
    test(`${name}: <${condition}/>, <close/>, and other sessions keep their events`, async () => {
      const result = await rawFrames(url, frames(), binary);
      const error = result.frames.find((f) => f.startsWith('<stream:error'));
      assert.ok(error?.includes(`<${binary ? 'bad-format' : condition} xmlns="urn:ietf:params:xml:ns:xmpp-streams"/>`), JSON.stringify(result.frames));
      assert.equal(result.frames.at(-1), '<close xmlns="urn:ietf:params:xml:ns:xmpp-framing" />');
      assert.equal(result.code, 1000);
      const event = nextStanza(agent3, (s) => s.name === 'message');
      notify.publisher.publish(NODE, UPDATE);
      await event;
    });
  }
});
