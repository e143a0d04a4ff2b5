// Acceptance over BOSH (XEP-0124/0206) as CAXL and Strophe drive it (notifications.md §6): plain HTTP POSTs
// against a whole node.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { parseXml, type Element } from '../../src/shared/xml/index.ts';
import type { NotifyService } from '../../src/notify/index.ts';

const HTTPBIND = "xmlns='http://jabber.org/protocol/httpbind'";
const XBOSH = "xmlns:xmpp='urn:xmpp:xbosh'";
const NODE = '/finesse/api/User/agent5';
const UPDATE = '<Update><data><user><loginId>agent5</loginId></user></data><event>PUT</event><requestId></requestId><source>/finesse/api/User/agent5</source></Update>';
const b64 = (s: string) => Buffer.from(s).toString('base64');

interface Answer { text: string; body: Element }

describe('notify over BOSH', () => {
  let tn: TestNode;
  let notify: NotifyService;
  let domain: string;
  let url: string;

  const post = async (xml: string | Buffer): Promise<Answer> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' }, body: typeof xml === 'string' ? xml : new Uint8Array(xml) });
    assert.equal(res.status, 200);
    const text = await res.text();
    const parsed = parseXml(text);
    assert.ok(parsed.ok, text);
    return { text, body: parsed.root };
  };

  /** A signed-in, bound, available session; returns its sid and next rid. */
  async function signIn(user: string, wait = 30): Promise<{ sid: string; rid: number }> {
    let rid = 2913456001;
    const created = await post(`<body ${HTTPBIND} ${XBOSH} xml:lang='en' hold='1' ver='1.9' to='${domain}' wait='${wait}' xmpp:version='1.0' rid='${rid}'/>`);
    const sid = created.body.attrs.sid as string;
    const send = (inner: string, extra = '') => post(`<body ${HTTPBIND} ${XBOSH} rid='${++rid}' sid='${sid}'${extra}>${inner}</body>`);
    const auth = await send(`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${b64(`\0${user}\0${TEST_PASSWORD}`)}</auth>`);
    assert.match(auth.text, /<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'\/>/);
    const restart = await post(`<body ${HTTPBIND} ${XBOSH} rid='${++rid}' sid='${sid}' to='${domain}' xml:lang='en' xmpp:restart='true'/>`);
    assert.match(restart.text, /<stream:features[^>]*><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'\/>/);
    const bind = await send("<iq type='set' id='_bind_auth_2' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>desktop</resource></bind></iq>");
    assert.equal(bind.body.getChild('iq')?.getChild('bind')?.getChildText('jid'), `${user}@${domain}/desktop`);
    const presence = await send("<presence xmlns='jabber:client'/>");
    assert.ok(presence.body.getChildren('presence').some((p) => p.attrs.from === `finesse@${domain}/poise-web`), presence.text);
    return { sid, rid: rid + 1 };
  }

  before(async () => {
    tn = await startTestNode();
    notify = tn.node.services.find((s) => s.name === 'notify') as NotifyService;
    domain = notify.server.domain;
    url = `http://127.0.0.1:${notify.ports.bosh}/http-bind/`;
    notify.publisher.createNode(NODE);
  });
  after(() => tn?.close());

  test('session creation answers the session attributes and PLAIN-only features with the stream: prefix (R6, R8)', async () => {
    const created = await post(`<body rid='3141592653' ${HTTPBIND} to='${domain}' xml:lang='en' wait='60' hold='1' content='text/xml; charset=utf-8' ver='1.6' xmpp:version='1.0' ${XBOSH}/>`);
    const a = created.body.attrs;
    assert.deepEqual([a.wait, a.hold, a.requests, a.inactivity, a.polling, a.ver, a['xmpp:version'], a['xmpp:restartlogic'], a.from],
      ['30', '1', '2', '30', '5', '1.6', '1.0', 'true', domain]);
    assert.match(a.sid as string, /^[0-9a-f]{16}$/);
    assert.match(created.text, /<stream:features xmlns:stream='http:\/\/etherx.jabber.org\/streams'><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN<\/mechanism><\/mechanisms><\/stream:features><\/body>$/);
  });

  test('signs in, binds, and a held request carries the published item', async () => {
    const { sid, rid } = await signIn('agent5');
    const held = post(`<body ${HTTPBIND} rid='${rid}' sid='${sid}'/>`);
    notify.publisher.publish(NODE, UPDATE);
    const answer = await held;
    const message = answer.body.getChild('message');
    assert.equal(message?.attrs.xmlns, 'jabber:client');
    assert.equal(message?.getChild('event')?.getChild('items')?.getChild('item')?.getChildText('notification'), UPDATE);
    // The answered rid is answered again, byte for byte (XEP-0124 §14.3).
    assert.equal((await post(`<body ${HTTPBIND} rid='${rid}' sid='${sid}'/>`)).text, answer.text);
    // Beyond the window of `requests`: item-not-found, and the session is gone.
    const far = await post(`<body ${HTTPBIND} rid='${rid + 5}' sid='${sid}'/>`);
    assert.deepEqual([far.body.attrs.type, far.body.attrs.condition], ['terminate', 'item-not-found']);
  });

  test('a second request releases the held one at once (hold=1), and is held for the next event', async () => {
    const { sid, rid } = await signIn('agent4');
    const first = post(`<body ${HTTPBIND} rid='${rid}' sid='${sid}'/>`);
    const second = post(`<body ${HTTPBIND} rid='${rid + 1}' sid='${sid}'/>`);
    assert.equal((await first).text, `<body ${HTTPBIND}/>`);
    notify.publisher.createNode('/finesse/api/User/agent4');
    notify.publisher.publish('/finesse/api/User/agent4', UPDATE);
    assert.ok((await second).body.getChild('message'));
  });

  test('an empty body answers when wait expires', async () => {
    const { sid, rid } = await signIn('agent6', 1);
    const answer = await post(`<body ${HTTPBIND} rid='${rid}' sid='${sid}'/>`);
    assert.equal(answer.text, `<body ${HTTPBIND}/>`);
  });

  test('terminate applies its payload and answers terminate', async () => {
    const { sid, rid } = await signIn('agent7');
    const answer = await post(`<body rid='${rid}' sid='${sid}' type='terminate' ${HTTPBIND}><presence type='unavailable' xmlns='jabber:client'/></body>`);
    assert.equal(answer.body.attrs.type, 'terminate');
    const after = await post(`<body ${HTTPBIND} rid='${rid + 1}' sid='${sid}'/>`);
    assert.deepEqual([after.body.attrs.type, after.body.attrs.condition], ['terminate', 'item-not-found']);
  });

  test('a wrong password is a SASL not-authorized failure', async () => {
    const created = await post(`<body ${HTTPBIND} ${XBOSH} hold='1' to='${domain}' wait='30' xmpp:version='1.0' rid='10'/>`);
    const answer = await post(`<body ${HTTPBIND} rid='11' sid='${created.body.attrs.sid}'><auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${b64('\0agent8\0wrong')}</auth></body>`);
    assert.match(answer.text, /<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized\/><\/failure>/);
  });

  const refused: Array<[string, () => string | Buffer, string]> = [
    ['an unknown sid', () => `<body ${HTTPBIND} rid='5' sid='0000000000000000'/>`, 'item-not-found'],
    ['an unclosed tag', () => `<body ${HTTPBIND} rid='5'><presence>`, 'bad-request'],
    ['a DTD (billion laughs)', () => `<!DOCTYPE l [<!ENTITY l "l"><!ENTITY l2 "&l;&l;">]><body ${HTTPBIND} rid='5'>&l2;</body>`, 'bad-request'],
    ['invalid UTF-8', () => Buffer.concat([Buffer.from(`<body ${HTTPBIND} rid='5'>`), Buffer.from([0xff, 0xfe]), Buffer.from('</body>')]), 'bad-request'],
    ['a body over 128 KiB', () => `<body ${HTTPBIND} rid='5'><message><body>${'x'.repeat(130 * 1024)}</body></message></body>`, 'policy-violation'],
    ['no rid', () => `<body ${HTTPBIND}/>`, 'bad-request'],
  ];
  for (const [name, body, condition] of refused) {
    test(`${name}: terminate ${condition}; a signed-in session still gets its events`, async () => {
      const { sid, rid } = await signIn('agent9');
      const answer = await post(body());
      assert.deepEqual([answer.body.attrs.type, answer.body.attrs.condition], ['terminate', condition]);
      const held = post(`<body ${HTTPBIND} rid='${rid}' sid='${sid}'/>`);
      notify.publisher.createNode('/finesse/api/User/agent9');
      notify.publisher.publish('/finesse/api/User/agent9', UPDATE);
      assert.ok((await held).body.getChild('message'));
      await post(`<body ${HTTPBIND} rid='${rid + 1}' sid='${sid}' type='terminate'/>`);
    });
  }
});
