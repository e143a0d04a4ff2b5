// BOSH and WebSocket over TLS on the HTTPS port (7443, notifications.md §1): the same handlers as on 7071, with
// the node's certificate (here the self-signed one made at first start), reached by clients that trust it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import net from 'node:net';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import WebSocket from 'ws';
import type { XmppClient } from '@xmpp/client';
import { connectClient, nextStanza, pubsubIq, xml } from '../support/xmpp.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { parseXml, type Element } from '../../src/shared/xml/index.ts';
import type { NotifyService } from '../../src/notify/index.ts';

const HTTPBIND = "xmlns='http://jabber.org/protocol/httpbind'";
const XBOSH = "xmlns:xmpp='urn:xmpp:xbosh'";
const update = (user: string) => `<Update><data><user><loginId>${user}</loginId></user></data><event>PUT</event><requestId></requestId><source>/finesse/api/User/${user}</source></Update>`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** One BOSH POST over HTTPS with Node's own client, trusting `ca`. */
async function postTls(url: string, ca: string, body: string): Promise<{ text: string; root: Element }> {
  const req = https.request(url, { method: 'POST', ca, headers: { 'content-type': 'text/xml; charset=utf-8' } });
  req.end(body);
  const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
  assert.equal(res.statusCode, 200);
  let text = '';
  for await (const chunk of res) text += String(chunk);
  const parsed = parseXml(text);
  assert.ok(parsed.ok, text);
  return { text, root: parsed.root };
}

describe('notify over HTTPS: BOSH and WebSocket on the TLS port', () => {
  let tn: TestNode;
  let notify: NotifyService;
  let domain: string;
  let ca: string;
  const plainWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

  before(async () => {
    tn = await startTestNode();
    notify = tn.node.services.find((s) => s.name === 'notify') as NotifyService;
    domain = notify.server.domain;
    ca = await readFile(path.join(tn.dataDir, 'tls', 'self-signed.crt'), 'utf8');
    // @xmpp/websocket builds sockets from the global WebSocket; this one trusts the node's certificate.
    (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
      constructor(url: string, protocols: string[]) { super(url, protocols, { ca }); }
    };
  });
  after(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = plainWebSocket;
    await tn?.close();
  });

  test('@xmpp/client over wss:// signs in, subscribes and receives a published item', async () => {
    const node = '/finesse/api/User/agent3/Queues';
    notify.publisher.createNode(node);
    const agent: XmppClient = await connectClient({ service: `wss://127.0.0.1:${notify.ports.boshHttps}/ws/`, domain, username: 'agent3', password: TEST_PASSWORD });
    try {
      const finesse = nextStanza(agent, (s) => s.name === 'presence' && s.attrs.from === `finesse@${domain}/poise-web`);
      await agent.send(xml('presence'));
      await finesse;
      await agent.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node, jid: `agent3@${domain}` })));
      const event = nextStanza(agent, (s) => s.name === 'message');
      notify.publisher.publish(node, update('agent3'));
      const message = await event;
      assert.equal(message.getChild('event')?.getChild('items')?.getChild('item')?.getChildText('notification'), update('agent3'));
    } finally {
      await agent.stop();
    }
  });

  test('BOSH over https:// with Node\'s client: sign-in, bind, and a held request carries the item', async () => {
    const url = `https://127.0.0.1:${notify.ports.boshHttps}/http-bind`;
    let rid = 1000;
    const created = await postTls(url, ca, `<body ${HTTPBIND} ${XBOSH} hold='1' to='${domain}' wait='30' xmpp:version='1.0' rid='${rid}'/>`);
    const sid = String(created.root.attrs.sid);
    const send = (inner: string, extra = '') => postTls(url, ca, `<body ${HTTPBIND} ${XBOSH} rid='${++rid}' sid='${sid}'${extra}>${inner}</body>`);
    assert.match((await send(`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${b64(`\0agent5\0${TEST_PASSWORD}`)}</auth>`)).text, /<success/);
    await send('', ` to='${domain}' xmpp:restart='true'`);
    const bind = await send("<iq type='set' id='b1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>desktop</resource></bind></iq>");
    assert.equal(bind.root.getChild('iq')?.getChild('bind')?.getChildText('jid'), `agent5@${domain}/desktop`);
    await send("<presence xmlns='jabber:client'/>");
    const held = send('');
    notify.publisher.createNode('/finesse/api/User/agent5');
    notify.publisher.publish('/finesse/api/User/agent5', update('agent5'));
    assert.equal((await held).root.getChild('message')?.getChild('event')?.getChild('items')?.getChild('item')?.getChildText('notification'), update('agent5'));
    await send('', " type='terminate'");
  });

  test('a client that does not trust the certificate, and plain HTTP on the TLS port, are refused; others are served', async () => {
    const url = `https://127.0.0.1:${notify.ports.boshHttps}/http-bind`;
    const untrusting = https.request(url, { method: 'POST' });
    untrusting.end(`<body ${HTTPBIND} rid='1'/>`);
    const [err] = (await once(untrusting, 'error')) as [NodeJS.ErrnoException];
    assert.match(String(err.code), /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    // Cleartext HTTP at a TLS listener: that connection ends without an HTTP answer.
    const plain = net.connect(notify.ports.boshHttps, '127.0.0.1');
    plain.on('error', () => {});
    let received = '';
    plain.on('data', (d: Buffer) => { received += d.toString('latin1'); });
    plain.write(`POST /http-bind HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n`);
    await once(plain, 'close');
    assert.doesNotMatch(received, /^HTTP\/1\.1 200/);
    const created = await postTls(url, ca, `<body ${HTTPBIND} ${XBOSH} hold='1' to='${domain}' wait='30' xmpp:version='1.0' rid='7'/>`);
    assert.match(created.text, /<mechanism>PLAIN<\/mechanism>/);
    await postTls(url, ca, `<body ${HTTPBIND} rid='8' sid='${String(created.root.attrs.sid)}' type='terminate'/>`);
  });
});
