// A thousand connections opened and dropped mid-stream, over every transport (notifications.md §10, §11): TCP
// streams cut inside a stanza or half-closed, WebSocket upgrades cut inside a frame, BOSH requests cut inside their
// body or while held. The service forgets each of them, and a signed-in session keeps receiving its events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import type { XmppClient } from '@xmpp/client';
import { connectClient, nextStanza, pubsubIq, xml } from '../support/xmpp.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import type { NotifyService } from '../../src/notify/index.ts';

const CONNECTIONS = 1_000;
const AT_ONCE = 100;
const STREAM = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='127.0.0.1' version='1.0'>";
const HTTPBIND = "xmlns='http://jabber.org/protocol/httpbind'";
const UPDATE = '<Update><data><user><loginId>agent3</loginId></user></data><event>PUT</event><requestId></requestId><source>/finesse/api/User/agent3</source></Update>';

/** Connects, writes `bytes`, waits until the server has read them (a reply or a tick), then drops the connection. */
async function dropAfter(port: number, bytes: Array<string | Buffer>, how: 'destroy' | 'half-close', awaitReply: RegExp | undefined): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await once(socket, 'connect');
  let received = '';
  const replied = awaitReply && new Promise<void>((resolve) => {
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (awaitReply.test(received)) resolve();
    });
    socket.on('close', () => resolve());
  });
  for (const chunk of bytes) socket.write(chunk);
  if (replied) await replied;
  if (how === 'half-close') {
    socket.end(); // FIN from the client, the server's side still open: a half-open stream
    await once(socket, 'close');
  } else {
    socket.destroy();
  }
}

/** A masked client frame header announcing `length` bytes of text, of which the caller sends only a part. */
function frameHeader(length: number): Buffer {
  return Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff, 1, 2, 3, 4]);
}

const upgrade = (port: number) => `GET /ws/ HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nupgrade: websocket\r\nconnection: Upgrade\r\n`
  + 'sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\nsec-websocket-protocol: xmpp\r\n\r\n';

const post = (body: string, declared = Buffer.byteLength(body)) =>
  `POST /http-bind HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: text/xml\r\ncontent-length: ${declared}\r\n\r\n${body}`;

describe('connections abandoned mid-stream', () => {
  let tn: TestNode;
  let notify: NotifyService;
  let domain: string;
  let agent: XmppClient;
  const node = '/finesse/api/User/agent3/Queues';

  before(async () => {
    tn = await startTestNode();
    notify = tn.node.services.find((s) => s.name === 'notify') as NotifyService;
    domain = notify.server.domain;
    notify.publisher.createNode(node);
    agent = await connectClient({ service: `ws://127.0.0.1:${notify.ports.bosh}/ws/`, domain, username: 'agent3', password: TEST_PASSWORD });
    const finesse = nextStanza(agent, (s) => s.name === 'presence');
    await agent.send(xml('presence'));
    await finesse;
    await agent.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node, jid: `agent3@${domain}` })));
  });
  after(async () => {
    await agent?.stop();
    await tn?.close();
  });

  test(`${CONNECTIONS} dropped connections are forgotten; a signed-in session still receives events`, async () => {
    const { xmpp, bosh } = notify.ports;
    const baseline = notify.server.openSessions;
    const heapBefore = process.memoryUsage().heapUsed;
    const features = /<\/stream:features>/;
    const kinds: Array<() => Promise<void>> = [
      // TCP: cut inside the stream header, inside a stanza, inside a UTF-8 sequence; or half-closed after features.
      () => dropAfter(xmpp, [STREAM.slice(0, 40)], 'destroy', undefined),
      () => dropAfter(xmpp, [STREAM, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PL"], 'destroy', features),
      () => dropAfter(xmpp, [STREAM, Buffer.from([0x3c, 0x61, 0x3e, 0xe2, 0x82])], 'destroy', features),
      () => dropAfter(xmpp, [STREAM], 'half-close', features),
      // WebSocket: cut inside the upgrade request, inside a frame after the handshake, or right after the <open/>.
      () => dropAfter(bosh, [upgrade(bosh).slice(0, 60)], 'destroy', undefined),
      () => dropAfter(bosh, [upgrade(bosh), frameHeader(300), Buffer.from('<open xmlns=')], 'destroy', /^HTTP\/1\.1 101/),
      () => dropAfter(bosh, [upgrade(bosh)], 'half-close', /\r\n\r\n/),
      // BOSH: a body cut short of its content-length, and a session's held poll abandoned.
      () => dropAfter(bosh, [post(`<body ${HTTPBIND} rid='1'/>`, 400).slice(0, -10)], 'destroy', undefined),
      () => dropAfter(bosh, [post(`<body ${HTTPBIND} rid='1' to='${domain}' wait='30' hold='1' ver='1.6'/>`)], 'destroy', /<\/body>/),
    ];
    let boshSessionsMade = 0;
    for (let started = 0; started < CONNECTIONS; started += AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, CONNECTIONS - started) }, (_, i) => {
        const kind = (started + i) % kinds.length;
        if (kind === kinds.length - 1) boshSessionsMade += 1;
        return kinds[kind]!();
      }));
    }
    // The server hears every close; only the BOSH sessions, which outlive their HTTP requests until inactivity
    // (XEP-0124 §7), are still open, and none of them holds a request.
    const expected = baseline + boshSessionsMade;
    for (let i = 0; i < 500 && notify.server.openSessions !== expected; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(notify.server.openSessions, expected);

    const event = nextStanza(agent, (s) => s.name === 'message');
    notify.publisher.publish(node, UPDATE);
    assert.equal((await event).getChild('event')?.getChild('items')?.getChild('item')?.getChildText('notification'), UPDATE);
    // A new session signs in over each transport's listener as before.
    const fresh = await connectClient({ service: `xmpp://127.0.0.1:${xmpp}`, domain, username: 'agent4', password: TEST_PASSWORD });
    assert.equal(fresh.jid?.toString(), `agent4@${domain}/desktop`);
    await fresh.stop();
    // Nothing of the dropped connections stays reachable beyond the BOSH sessions' small records.
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * 1024 * 1024);
  });
});
