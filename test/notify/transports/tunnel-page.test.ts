// The event-tunnel page on the notification service's HTTP listener (notifications.md §13): /tunnel/ loads
// /tunnel/EventTunnel.js, the built `tunnel` bundle; other methods are refused; BOSH on the same listener still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { silentLogger } from '../../../src/shared/logger.ts';
import { bundleFile } from '../../../src/shared/desktop-dist.ts';
import { NotifyServer } from '../../../src/notify/notify-server.ts';
import { listenHttp, NotifyWebEndpoints, type NotifyHttpListener } from '../../../src/notify/transports/http-server.ts';

const built = await access(bundleFile('tunnel')).then(() => true, () => false);
let endpoints: NotifyWebEndpoints;
let listener: NotifyHttpListener;
let base: string;

before(async () => {
  const server = new NotifyServer({ domain: 'poise.test', log: silentLogger, authenticate: async () => false });
  endpoints = new NotifyWebEndpoints(server, silentLogger);
  listener = await listenHttp({ host: '127.0.0.1', port: 0, endpoints });
  base = `http://127.0.0.1:${listener.port}`;
});
after(async () => {
  await listener?.close();
  await endpoints?.close();
});

test('/tunnel/ is an HTML page that loads /tunnel/EventTunnel.js and nothing inline', async () => {
  const res = await fetch(`${base}/tunnel/?origin=https%3A%2F%2Fnode-a%3A8445`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  const html = await res.text();
  assert.match(html, /<script src="\/tunnel\/EventTunnel\.js"><\/script>/);
  assert.doesNotMatch(html, /<script>/);
});

test('/tunnel redirects to /tunnel/', async () => {
  const res = await fetch(`${base}/tunnel`, { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/tunnel/');
});

test('/tunnel/EventTunnel.js is the tunnel bundle', { skip: built ? false : 'run npm run build:desktop first' }, async () => {
  const res = await fetch(`${base}/tunnel/EventTunnel.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(await res.text(), /http-bind/);
  const head = await fetch(`${base}/tunnel/EventTunnel.js`, { method: 'HEAD' });
  assert.equal(head.status, 200);
});

test('other methods are refused, unknown paths are 404, and BOSH still answers on the same listener', async () => {
  const post = await fetch(`${base}/tunnel/`, { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
  assert.equal((await fetch(`${base}/tunnel/other.js`)).status, 404);
  const bosh = await fetch(`${base}/http-bind/`, {
    method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: "<body rid='1' xmlns='http://jabber.org/protocol/httpbind' to='poise.test' xml:lang='en' wait='5' hold='1' ver='1.6' xmpp:version='1.0' xmlns:xmpp='urn:xmpp:xbosh'/>",
  });
  assert.equal(bosh.status, 200);
  assert.match(await bosh.text(), /sid=/);
});
