// The session model through an in-memory transport: negotiation, SASL, bind, conflict, fan-out and
// backpressure, with no socket involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Element } from 'ltx';
import { NotifyServer } from '../../src/notify/notify-server.ts';
import type { SessionTransport } from '../../src/notify/session/transport.ts';
import type { XmppSession } from '../../src/notify/session/session.ts';
import { silentLogger } from '../../src/shared/logger.ts';

const D = 'node-a.example.net';
const b64 = (s: string) => Buffer.from(s).toString('base64');

class MemoryTransport implements SessionTransport {
  readonly kind = 'tcp';
  sent: string[] = [];
  ended: string | undefined | null = null;
  queued = 0;
  restarts = 0;
  #waiters: Array<() => void> = [];
  openStream(id: string) { this.sent.push(`open:${id}`); this.#wake(); }
  send(xml: string) { this.sent.push(xml); this.#wake(); }
  queuedBytes() { return this.queued; }
  restart() { this.restarts += 1; }
  end(error?: string) { this.ended = error; this.#wake(); }
  /** Resolves once something matching has been sent (or the stream ended). */
  async until(match: (xml: string) => boolean): Promise<string> {
    for (;;) {
      const found = this.sent.find(match);
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
  #wake() { for (const w of this.#waiters.splice(0)) w(); }
}

function server(passwords: Record<string, string> = { amoss: 'secret', jkane: 'secret' }) {
  return new NotifyServer({ domain: D, log: silentLogger, authenticate: async (u, p) => passwords[u] === p, maxSessionsPerUser: 2 });
}


async function signIn(notify: NotifyServer, user: string, resource = 'desktop'): Promise<{ t: MemoryTransport; s: XmppSession }> {
  const t = new MemoryTransport();
  const s = notify.openSession(t, silentLogger);
  s.receive({ type: 'open', attrs: { to: D, version: '1.0' } });
  await t.until((x) => x.includes('<mechanism>PLAIN</mechanism>'));
  s.receive({ type: 'stanza', element: new Element('auth', { xmlns: 'urn:ietf:params:xml:ns:xmpp-sasl', mechanism: 'PLAIN' }).t(b64(`\0${user}\0secret`)) });
  await t.until((x) => x.startsWith('<success'));
  assert.equal(t.restarts, 1);
  s.receive({ type: 'open', attrs: { to: D, version: '1.0' } });
  await t.until((x) => x.includes('xmpp-bind'));
  const iq = new Element('iq', { type: 'set', id: 'b1' });
  iq.c('bind', { xmlns: 'urn:ietf:params:xml:ns:xmpp-bind' }).c('resource').t(resource);
  s.receive({ type: 'stanza', element: iq });
  await t.until((x) => x.includes('<jid>'));
  s.receive({ type: 'stanza', element: new Element('presence') });
  await t.until((x) => x.includes(`from='finesse@${D}/poise-web'`));
  return { t, s };
}

test('negotiation to an available session; the finesse presence follows the echo (R5)', async () => {
  const notify = server();
  const { t, s } = await signIn(notify, 'amoss');
  assert.equal(s.fullJid, `amoss@${D}/desktop`);
  assert.ok(t.sent.some((x) => x === `<iq type="result" id="b1" xmlns="jabber:client"><bind xmlns="urn:ietf:params:xml:ns:xmpp-bind"><jid>amoss@${D}/desktop</jid></bind></iq>`));
  assert.equal(notify.sessions.size, 1);
});

test('three wrong passwords close the stream with not-authorized', async () => {
  const notify = server();
  const t = new MemoryTransport();
  const s = notify.openSession(t, silentLogger);
  s.receive({ type: 'open', attrs: { to: D } });
  for (let i = 0; i < 3; i++) {
    s.receive({ type: 'stanza', element: new Element('auth', { xmlns: 'urn:ietf:params:xml:ns:xmpp-sasl', mechanism: 'PLAIN' }).t(b64('\0amoss\0wrong')) });
  }
  await t.until(() => t.ended !== null);
  assert.equal(t.sent.filter((x) => x.includes('<not-authorized/>')).length, 3);
  assert.match(t.ended ?? '', /<not-authorized xmlns="urn:ietf:params:xml:ns:xmpp-streams"\/>/);
});

test('binding a full JID in use ends the older session with conflict', async () => {
  const notify = server();
  const first = await signIn(notify, 'amoss');
  const second = await signIn(notify, 'amoss');
  assert.match(first.t.ended ?? '', /<conflict /);
  assert.equal(notify.sessions.get(`amoss@${D}/desktop`), second.s);
});

test('past the sessions per user, bind answers resource-constraint', async () => {
  const notify = server();
  await signIn(notify, 'amoss', 'a');
  await signIn(notify, 'amoss', 'b');
  const t = new MemoryTransport();
  const s = notify.openSession(t, silentLogger);
  s.receive({ type: 'open', attrs: { to: D } });
  s.receive({ type: 'stanza', element: new Element('auth', { xmlns: 'urn:ietf:params:xml:ns:xmpp-sasl', mechanism: 'PLAIN' }).t(b64('\0amoss\0secret')) });
  await t.until((x) => x.startsWith('<success'));
  s.receive({ type: 'open', attrs: { to: D } });
  const iq = new Element('iq', { type: 'set', id: 'b3' });
  iq.c('bind', { xmlns: 'urn:ietf:params:xml:ns:xmpp-bind' });
  s.receive({ type: 'stanza', element: iq });
  const reply = await t.until((x) => x.includes("id=\"b3\""));
  assert.match(reply, /<resource-constraint xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"\/>/);
  assert.equal(notify.sessions.ofUser(`amoss@${D}`).size, 2);
});

test('fan-out renders once per publish; a reader too far behind is closed with policy-violation', async () => {
  const notify = server();
  const amoss = await signIn(notify, 'amoss');
  notify.createNode('/finesse/api/User/amoss');
  amoss.t.queued = 3 * 1024 * 1024;
  notify.publish('/finesse/api/User/amoss', '<Update/>');
  assert.match(amoss.t.ended ?? '', /<policy-violation /);
  assert.equal(notify.sessions.size, 0);
});

test('SystemInfo goes to every available session; unavailable sessions get nothing', async () => {
  const notify = server();
  const amoss = await signIn(notify, 'amoss');
  const jkane = await signIn(notify, 'jkane');
  notify.createNode('/finesse/api/SystemInfo');
  jkane.s.receive({ type: 'stanza', element: new Element('presence', { type: 'unavailable' }) });
  await jkane.t.until((x) => x.includes("type='unavailable'"));
  const before = jkane.t.sent.length;
  notify.publish('/finesse/api/SystemInfo', '<Update/>');
  assert.ok(amoss.t.sent.at(-1)?.includes("node='/finesse/api/SystemInfo'"));
  assert.equal(jkane.t.sent.length, before);
});

test('a from that is not the session\'s own JID is invalid-from; its own is accepted and overwritten', async () => {
  const notify = server();
  const { t, s } = await signIn(notify, 'amoss');
  const ping = (from: string, id: string) => {
    const iq = new Element('iq', { type: 'get', id, from, to: D });
    iq.c('ping', { xmlns: 'urn:xmpp:ping' });
    s.receive({ type: 'stanza', element: iq });
  };
  ping(`AMoss@${D}`, 'p1');
  await t.until((x) => x.includes('id="p1"'));
  ping(`jkane@${D}/desktop`, 'p2');
  await t.until(() => t.ended !== null);
  assert.match(t.ended ?? '', /<invalid-from /);
});

test('a locked user is refused without asking the password check', async () => {
  let asked = 0;
  const notify = new NotifyServer({ domain: D, log: silentLogger, authenticate: async () => { asked += 1; return false; } });
  for (let i = 0; i < 5; i++) assert.equal(await notify.authenticate('amoss', 'wrong'), false);
  assert.equal(await notify.authenticate('amoss', 'right'), false);
  assert.equal(asked, 5);
});

test('a client that queues stanzas behind a slow sign-in without bound is closed with policy-violation', async () => {
  const notify = new NotifyServer({ domain: D, log: silentLogger, authenticate: () => new Promise<boolean>(() => {}) });
  const t = new MemoryTransport();
  const s = notify.openSession(t, silentLogger);
  s.receive({ type: 'open', attrs: { to: D } });
  for (let i = 0; i < 300; i++) {
    s.receive({ type: 'stanza', element: new Element('auth', { xmlns: 'urn:ietf:params:xml:ns:xmpp-sasl', mechanism: 'PLAIN' }).t(b64('\0amoss\0secret')) });
  }
  assert.match(t.ended ?? '', /<policy-violation /);
});
