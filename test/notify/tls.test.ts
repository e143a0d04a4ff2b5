// TLS on c2s (notifications.md §8): STARTTLS on the plain port when a certificate is configured, and TLS from
// the first byte on the TLS port.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { loadTlsMaterial } from '../../src/shared/tls.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import type { NotifyService } from '../../src/notify/index.ts';

/** Everything a socket received, and a way to await a pattern in it. */
class Transcript {
  text = '';
  #waiters: Array<() => void> = [];
  constructor(socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.text += data.toString('utf8');
      for (const w of this.#waiters.splice(0)) w();
    });
  }
  async until(pattern: RegExp): Promise<string> {
    while (!pattern.test(this.text)) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    return this.text;
  }
}

describe('c2s TLS with a configured certificate', () => {
  let tn: TestNode;
  let notify: NotifyService;
  let certDir: string;
  const header = () => `<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='${notify.server.domain}' version='1.0'>`;
  const auth = `<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${Buffer.from(`\0agent2\0${TEST_PASSWORD}`).toString('base64')}</auth>`;

  before(async () => {
    certDir = await mkdtemp(path.join(os.tmpdir(), 'poise-cert-'));
    await loadTlsMaterial({ certFile: undefined, keyFile: undefined, dataDir: certDir, hostName: 'localhost' });
    tn = await startTestNode({
      POISE_TLS_CERT: path.join(certDir, 'tls', 'self-signed.crt'), POISE_TLS_KEY: path.join(certDir, 'tls', 'self-signed.key'),
    });
    notify = tn.node.services.find((s) => s.name === 'notify') as NotifyService;
  });
  after(async () => {
    await tn?.close();
    await rm(certDir, { recursive: true, force: true });
  });

  test('STARTTLS is offered, proceeds, and SASL PLAIN succeeds over the new stream', async () => {
    const plain = net.connect(notify.ports.xmpp, '127.0.0.1');
    await once(plain, 'connect');
    const before = new Transcript(plain);
    plain.write(header());
    assert.match(await before.until(/<\/stream:features>/), /<stream:features[^>]*><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'\/><mechanisms/);
    plain.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    await before.until(/<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'\/>$/);
    const secure = tls.connect({ socket: plain, rejectUnauthorized: false, servername: 'localhost' });
    await once(secure, 'secureConnect');
    const after = new Transcript(secure);
    secure.write(header());
    const features = await after.until(/<\/stream:features>/);
    assert.doesNotMatch(features, /starttls/);
    secure.write(auth);
    await after.until(/<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'\/>/);
    secure.destroy();
  });

  test('the TLS port speaks TLS from the first byte', async () => {
    const secure = tls.connect({ port: notify.ports.xmppTls, host: '127.0.0.1', rejectUnauthorized: false, servername: 'localhost' });
    await once(secure, 'secureConnect');
    const transcript = new Transcript(secure);
    secure.write(header());
    const features = await transcript.until(/<\/stream:features>/);
    assert.match(features, /<mechanism>PLAIN<\/mechanism>/);
    assert.doesNotMatch(features, /starttls/);
    secure.write(auth);
    await transcript.until(/<success/);
    secure.destroy();
  });
});
