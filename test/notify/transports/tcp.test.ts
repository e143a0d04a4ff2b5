// The TCP adapter alone, on a NotifyServer with an in-memory password check: keepalive and slow readers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { NotifyServer } from '../../../src/notify/notify-server.ts';
import { listenTcp, type TcpListener } from '../../../src/notify/transports/tcp.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import net from 'node:net';
import { once } from 'node:events';
import { rawExchange } from '../../support/xmpp.ts';

const D = 'node-a.example.net';
const HEADER = `<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='${D}' version='1.0'>`;
let notify: NotifyServer;
let tcp: TcpListener;

before(async () => {
  notify = new NotifyServer({ domain: D, log: silentLogger, authenticate: async (u, p) => u === 'amoss' && p === 'secret' });
  tcp = await listenTcp({ host: '127.0.0.1', port: 0, notify, log: silentLogger, keepalive: { pingAfterMs: 20, dropAfterMs: 60 } });
});
after(async () => {
  notify.shutdown();
  await tcp.close();
});

test('a silent client is pinged with whitespace before binding, then dropped with connection-timeout (§10)', async () => {
  const received = await rawExchange(tcp.port, [HEADER]);
  assert.match(received, /^<\?xml version='1.0'\?><stream:stream xmlns='jabber:client' xmlns:stream='http:\/\/etherx.jabber.org\/streams' from='node-a.example.net' id='[0-9a-f]+' version='1.0' xml:lang='en'>/);
  assert.match(received, /<\/stream:features> +<stream:error/);
  assert.doesNotMatch(received, /starttls/); // no certificate given: never offered (§8)
  assert.match(received, /<connection-timeout xmlns="urn:ietf:params:xml:ns:xmpp-streams"\/><\/stream:error><\/stream:stream>$/);
});

test('garbage before any header still gets a header, the error and the close (RFC 6120 §4.9.1.1)', async () => {
  const received = await rawExchange(tcp.port, ['GET / HTTP/1.1\r\nHost: x\r\n\r\n']);
  assert.match(received, /^<\?xml version='1.0'\?><stream:stream [^>]+><stream:error xmlns:stream="http:\/\/etherx.jabber.org\/streams"><not-well-formed xmlns="urn:ietf:params:xml:ns:xmpp-streams"\/><\/stream:error><\/stream:stream>$/);
});

test('a client that stops reading is closed with policy-violation; another session keeps its events', async (t) => {
  const notify = new NotifyServer({ domain: D, log: silentLogger, authenticate: async (_u, p) => p === 'secret' });
  const tcp = await listenTcp({ host: '127.0.0.1', port: 0, notify, log: silentLogger });
  t.after(async () => {
    notify.shutdown();
    await tcp.close();
  });
  const signIn = async (user: string) => {
    const socket = net.connect(tcp.port, '127.0.0.1');
    await once(socket, 'connect');
    let text = '';
    const waiters: Array<() => void> = [];
    socket.on('data', (d: Buffer) => { text += d.toString(); for (const w of waiters.splice(0)) w(); });
    const until = async (re: RegExp) => { while (!re.test(text)) await new Promise<void>((r) => waiters.push(r)); };
    socket.write(HEADER);
    await until(/<\/stream:features>/);
    socket.write(`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${Buffer.from(`\0${user}\0secret`).toString('base64')}</auth>`);
    await until(/<success/);
    socket.write(HEADER);
    await until(/xmpp-bind'\/>/);
    socket.write(`<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>desktop</resource></bind></iq><presence/>`);
    await until(/poise-web/);
    return { socket, until, text: () => text };
  };
  notify.createNode('/finesse/api/User/amoss');
  notify.createNode('/finesse/api/User/jkane');
  const slow = await signIn('amoss');
  const good = await signIn('jkane');
  slow.socket.pause();
  const closed = once(slow.socket, 'close');
  const big = `<Update>${'x'.repeat(60_000)}</Update>`;
  for (let i = 0; i < 2000 && notify.sessions.get(`amoss@${D}/desktop`); i++) notify.publish('/finesse/api/User/amoss', big);
  assert.equal(notify.sessions.get(`amoss@${D}/desktop`), undefined);
  slow.socket.resume();
  await closed;
  assert.match(slow.text(), /<policy-violation xmlns="urn:ietf:params:xml:ns:xmpp-streams"\/>/);
  notify.publish('/finesse/api/User/jkane', '<Update>last</Update>');
  await good.until(/&lt;Update&gt;last&lt;\/Update&gt;/);
  good.socket.destroy();
});
