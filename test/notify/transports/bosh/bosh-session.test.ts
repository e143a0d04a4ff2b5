// The rid window of one BOSH session (XEP-0124 §14), driven directly: no HTTP, so arrival order is exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotifyServer } from '../../../../src/notify/notify-server.ts';
import { BoshSession } from '../../../../src/notify/transports/bosh/bosh-session.ts';
import { decodeBody, type BoshRequest } from '../../../../src/notify/transports/bosh/body.ts';
import { silentLogger } from '../../../../src/shared/logger.ts';

const NS = "xmlns='http://jabber.org/protocol/httpbind'";
const request = (xml: string): BoshRequest => {
  const decoded = decodeBody(Buffer.from(xml), 65536);
  assert.ok(decoded.ok);
  return decoded.request;
};

/** A response slot: resolves with the body the session answers. */
function slot(): { respond: (xml: string) => void; answer: Promise<string> } {
  let respond!: (xml: string) => void;
  const answer = new Promise<string>((resolve) => { respond = resolve; });
  return { respond, answer };
}

function open(ack = false) {
  const notify = new NotifyServer({ domain: 'd', log: silentLogger, authenticate: async () => true });
  const gone: string[] = [];
  const bosh = new BoshSession('s1', { wait: 30, hold: 1, requests: 2, inactivity: 30, ack }, (b) => {
    gone.push(b.sid);
    if (b.session) notify.forgetSession(b.session); // as the endpoint does; stops the session's timers
  });
  const session = notify.openSession(bosh, silentLogger);
  const created = slot();
  bosh.start(session, request(`<body ${NS} rid='100' to='d'/>`), { sid: 's1' }, created.respond);
  return { bosh, created, gone };
}

test('the creation answer carries the session attributes and the features', async () => {
  const { bosh, created } = open();
  assert.match(await created.answer, /^<body xmlns='http:\/\/jabber.org\/protocol\/httpbind' sid='s1'><stream:features/);
  bosh.end();
});

test('an early rid waits for the one before it; payloads apply in rid order', async () => {
  const { bosh, created } = open();
  await created.answer;
  const auth = `<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${Buffer.from('\0u\0p').toString('base64')}</auth>`;
  const r102 = slot();
  const r101 = slot();
  bosh.handle(request(`<body ${NS} rid='102' sid='s1'>${auth}</body>`), r102.respond);
  bosh.handle(request(`<body ${NS} rid='101' sid='s1'/>`), r101.respond);
  // 101 was held, then released by 102; the SASL answer lands on 102.
  assert.equal(await r101.answer, `<body ${NS}/>`);
  assert.match(await r102.answer, /<success /);
  bosh.end();
});

test('a repeated rid gets the same answer; one outside the window terminates', async () => {
  const { bosh, created, gone } = open();
  const first = await created.answer;
  const again = slot();
  bosh.handle(request(`<body ${NS} rid='100' sid='s1'/>`), again.respond);
  assert.equal(await again.answer, first);
  const far = slot();
  bosh.handle(request(`<body ${NS} rid='103' sid='s1'/>`), far.respond);
  assert.equal(await far.answer, `<body ${NS} type='terminate' condition='item-not-found'/>`);
  assert.deepEqual(gone, ['s1']);
});

test('with ack, an answer to an older rid acknowledges the newest processed one', async () => {
  const { bosh, created } = open(true);
  await created.answer;
  const r101 = slot();
  const r102 = slot();
  bosh.handle(request(`<body ${NS} rid='101' sid='s1'/>`), r101.respond);
  bosh.handle(request(`<body ${NS} rid='102' sid='s1'/>`), r102.respond);
  assert.equal(await r101.answer, `<body ${NS} ack='102'/>`);
  bosh.end();
  assert.equal(await r102.answer, `<body ${NS} type='terminate'/>`);
});

test('no held request for `inactivity` seconds ends the session', async () => {
  const notify = new NotifyServer({ domain: 'd', log: silentLogger, authenticate: async () => true });
  let resolveGone!: (sid: string) => void;
  const gone = new Promise<string>((resolve) => { resolveGone = resolve; });
  const bosh = new BoshSession('s2', { wait: 30, hold: 1, requests: 2, inactivity: 0.02, ack: false }, (b) => {
    if (b.session) notify.forgetSession(b.session);
    resolveGone(b.sid);
  });
  const created = slot();
  bosh.start(notify.openSession(bosh, silentLogger), request(`<body ${NS} rid='1' to='d'/>`), { sid: 's2' }, created.respond);
  await created.answer; // answered with the features: nothing is held from now on
  assert.equal(await gone, 's2');
  const late = slot();
  bosh.handle(request(`<body ${NS} rid='2' sid='s2'/>`), late.respond);
  assert.equal(await late.answer, `<body ${NS} type='terminate' condition='item-not-found'/>`);
});
