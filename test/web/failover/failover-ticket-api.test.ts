// SystemInfo across origins, and the failover ticket endpoints over real HTTP: issued to a signed-in user for the
// peer only, redeemed once on the node it names, every bad input refused in the ApiErrors form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, type Element } from '../../../src/shared/xml/index.ts';
import { newTicketId, sealTicket, ticketKey } from '../../../src/web/failover/ticket.ts';
import { basicAuth } from '../../support/test-node.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../../support/web.ts';

const SECRET = 'the secret both nodes of this test share';
const PEER = 'poise-b.test';

interface Answer { status: number; headers: Headers; xml: Element | undefined; text: string }

describe('failover tickets and SystemInfo across origins', { timeout: 60_000 }, () => {
  let fx: WebFixture;
  let origin: string;

  before(async () => {
    fx = await startWebNode({ POISE_CLUSTER_SECRET: SECRET, POISE_PEER_HOST: PEER, POISE_FAILOVER_TICKET_SECONDS: '120' });
    origin = new URL(fx.baseUrl).origin;
  });
  after(async () => { await fx?.close(); });

  async function post(path: string, body: string | undefined, auth?: string): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/xml' };
    if (auth) headers.authorization = auth;
    const response = await fetch(`${origin}${path}`, { method: 'POST', headers, body });
    const text = await response.text();
    const parsed = text.startsWith('<') ? parseXml(text) : undefined;
    return { status: response.status, headers: response.headers, text, xml: parsed?.ok ? parsed.root : undefined };
  }
  const issue = (extension: string, auth = basicAuth('agent1')) =>
    post('/desktop/api/FailoverTicket', `<FailoverTicket><extension>${extension}</extension></FailoverTicket>`, auth);
  const redeem = (ticket: string) =>
    post('/desktop/api/FailoverTicket/Redeem', `<FailoverTicket><ticket>${ticket}</ticket></FailoverTicket>`);
  const errorOf = (answer: Answer) => {
    const error = answer.xml?.getChild('ApiError');
    return { status: answer.status, type: error?.getChildText('ErrorType'), message: error?.getChildText('ErrorMessage') };
  };
  const forThisNode = (over: { expiresAt?: number; password?: string } = {}) => sealTicket({
    ticketId: newTicketId(), userId: 'agent1', password: over.password ?? TEST_PASSWORD, extension: '1001',
    audience: '127.0.0.1', expiresAt: over.expiresAt ?? Date.now() + 60_000,
  }, ticketKey(SECRET));

  test('SystemInfo answers any origin without credentials, and its preflight', async () => {
    const get = await fetch(`${fx.baseUrl}/SystemInfo`, { headers: { origin: 'https://127.0.0.2:8445' } });
    assert.equal(get.status, 200);
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
    assert.equal(get.headers.get('access-control-allow-credentials'), null);
    assert.match(await get.text(), /<secondaryNode><host>poise-b.test<\/host>/);
    const preflight = await fetch(`${fx.baseUrl}/SystemInfo`, { method: 'OPTIONS', headers: {
      origin: 'https://127.0.0.2:8445', 'access-control-request-method': 'GET', 'access-control-request-headers': 'requestid',
    } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /requestid/);
    // Other resources stay same-origin.
    const user = await fetch(`${fx.baseUrl}/User/agent1`, { headers: { authorization: basicAuth('agent1'), origin: 'https://x.test' } });
    assert.equal(user.headers.get('access-control-allow-origin'), null);
  });

  test('a signed-in user gets a ticket for the peer; it does not open here', async () => {
    const answer = await issue('1001');
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const ticket = answer.xml?.getChildText('ticket') ?? '';
    assert.match(ticket, /^v1\./);
    assert.ok(!answer.text.includes(TEST_PASSWORD));
    assert.equal(answer.xml?.getChildText('node'), PEER);
    assert.equal(answer.xml?.getChildText('validForSeconds'), '120');
    const expiresAt = Date.parse(answer.xml?.getChildText('expiresAt') ?? '');
    assert.ok(expiresAt > Date.now() + 100_000 && expiresAt <= Date.now() + 120_000);
    assert.deepEqual(errorOf(await redeem(ticket)),
      { status: 400, type: 'Invalid Input', message: 'The failover ticket is for another node.' });
  });

  test('a ticket for this node signs in once', async () => {
    const ticket = forThisNode();
    const first = await redeem(ticket);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    assert.equal(first.xml?.getName(), 'FailoverSignIn');
    assert.equal(first.xml?.getChildText('id'), 'agent1');
    assert.equal(first.xml?.getChildText('password'), TEST_PASSWORD);
    assert.equal(first.xml?.getChildText('extension'), '1001');
    assert.deepEqual(errorOf(await redeem(ticket)),
      { status: 400, type: 'Invalid Input', message: 'The failover ticket has already been used.' });
  });

  test('expired, tampered and garbage tickets are refused in plain words', async () => {
    assert.deepEqual(errorOf(await redeem(forThisNode({ expiresAt: Date.now() - 1 }))),
      { status: 400, type: 'Invalid Input', message: 'The failover ticket has expired.' });
    const good = forThisNode();
    const tampered = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    assert.deepEqual(errorOf(await redeem(tampered)),
      { status: 400, type: 'Invalid Input', message: 'The failover ticket is not valid.' });
    assert.deepEqual(errorOf(await redeem('&lt;script&gt;')),
      { status: 400, type: 'Invalid Input', message: 'The failover ticket is not valid.' });
    assert.equal((await redeem(good)).status, 200); // the untouched one still works
  });

  test('bad requests: no body, wrong element, missing fields, bad extension, wrong credentials', async () => {
    assert.equal(errorOf(await post('/desktop/api/FailoverTicket/Redeem', undefined)).type, 'Bad Request');
    assert.equal(errorOf(await post('/desktop/api/FailoverTicket/Redeem', '<User/>')).type, 'Bad Request');
    assert.equal(errorOf(await post('/desktop/api/FailoverTicket/Redeem', '<FailoverTicket/>')).type, 'Parameter Missing');
    assert.equal(errorOf(await post('/desktop/api/FailoverTicket/Redeem', '<FailoverTicket><ticket>')).status, 400);
    assert.equal(errorOf(await issue('10a1')).type, 'Invalid Input');
    assert.equal(errorOf(await post('/desktop/api/FailoverTicket', '<FailoverTicket/>', basicAuth('agent1'))).type, 'Parameter Missing');
    assert.deepEqual(errorOf(await issue('1001', basicAuth('agent1', 'wrong-password'))).status, 401);
    assert.deepEqual(errorOf(await post('/desktop/api/FailoverTicket', '<FailoverTicket><extension>1001</extension></FailoverTicket>')).status, 401);
    // The node still serves after all that.
    assert.equal((await issue('1001')).status, 200);
  });
});

describe('a node without a cluster secret', { timeout: 60_000 }, () => {
  test('issues and redeems no tickets, and says why', async () => {
    const fx = await startWebNode({ POISE_PEER_HOST: PEER });
    try {
      const origin = new URL(fx.baseUrl).origin;
      const answer = await fetch(`${origin}/desktop/api/FailoverTicket`, {
        method: 'POST', headers: { authorization: basicAuth('agent1'), 'content-type': 'application/xml' },
        body: '<FailoverTicket><extension>1001</extension></FailoverTicket>',
      });
      assert.equal(answer.status, 404);
      assert.match(await answer.text(), /POISE_CLUSTER_SECRET is not set/);
    } finally {
      await fx.close();
    }
  });
});
