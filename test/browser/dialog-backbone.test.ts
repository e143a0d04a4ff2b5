// The backbone (ARCHITECTURE.md, "How an inbound call flows") as a browser desktop sees it: Strophe.js in Debian's
// Chromium, over BOSH, signed in as agent1. After agent1 signs in over REST with extension 1001 and goes READY, a
// lab call to 7001 reaches the page as a Dialogs POST (ALERTING, the caller, callVariable1); ANSWER comes back as
// a Dialog PUT with the request's requestId (ACTIVE); DROP likewise. Each step is checked in the notification the
// page received and in the REST GET. The page comes from its own HTTP server, so BOSH runs cross-origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { serveStrophePage } from '../support/strophe-page-server.ts';
import type { Browser, Page } from 'playwright-core';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { basicAuth, TEST_PASSWORD } from '../support/test-node.ts';
import { callVariablesOf, decodeUpdate, dialogOf, participantsOf, type ReceivedUpdate } from '../support/update-feed.ts';
import { startWebNode, type WebFixture } from '../support/web.ts';

const AGENT = 'agent1';
const EXTENSION = '1001';
const CALLER = '+14085550100';
const USER_NODE = `/finesse/api/User/${AGENT}`;
const DIALOGS_NODE = `${USER_NODE}/Dialogs`;
const BOSH_WAIT_SECONDS = 10; // the shortest wait Strophe's defaults tolerate (see strophe.test.ts)
const EVENT_TIMEOUT_MS = 10_000;

interface Window {
  poise: {
    connect(service: string, jid: string, password: string, wait: number): Promise<{ jid: string }>;
    nextUpdate(node: string, needles: readonly string[], timeoutMs: number): Promise<{ node: string; text: string }>;
    disconnect(): Promise<void>;
  };
}
declare const window: Window;

describe('the inbound-call backbone in Chromium (Strophe.js over BOSH)', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let notify: NotifyService;
  let browser: Browser;
  let pageServer: Server;
  let page: Page;
  let dialogId = '';

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    const found = fx.node.services.find(isNotifyService);
    assert.ok(found, 'the node runs the notification service');
    notify = found;
    const served = await serveStrophePage(new URL('dialog-backbone-page.html', import.meta.url));
    pageServer = served.server;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(served.url);
    const jid = `${AGENT}@${notify.server.domain}`;
    const session = await page.evaluate(([service, jid, password, wait]) => window.poise.connect(service, jid, password, wait),
      [`http://127.0.0.1:${notify.ports.bosh}/http-bind`, jid, TEST_PASSWORD, BOSH_WAIT_SECONDS] as const);
    assert.match(session.jid, new RegExp(`^${jid}/`));
  });
  after(async () => {
    await page?.evaluate(() => window.poise.disconnect()).catch(() => undefined);
    await browser?.close();
    pageServer?.close();
    await fx?.close();
  });

  /** The next event the page received on `node` whose text holds every needle, decoded. */
  async function received(node: string, needles: readonly string[]): Promise<ReceivedUpdate> {
    const event = await page.evaluate(([node, needles, timeout]) => window.poise.nextUpdate(node, needles, timeout),
      [node, needles, EVENT_TIMEOUT_MS] as const);
    return decodeUpdate(event.node, event.text);
  }

  async function rest(method: string, urlPath: string, body: string | undefined, requestId?: string) {
    return fx.call(method, urlPath, { as: AGENT, ...(body === undefined ? {} : { body }), headers: requestId ? { requestId } : {} });
  }

  async function dialogAction(requestedAction: string, requestId: string): Promise<ReceivedUpdate> {
    const res = await rest('PUT', `/Dialog/${dialogId}`,
      `<Dialog><requestedAction>${requestedAction}</requestedAction><targetMediaAddress>${EXTENSION}</targetMediaAddress></Dialog>`, requestId);
    assert.equal(res.status, 202, res.text);
    const update = await received(DIALOGS_NODE, [`<requestId>${requestId}</requestId>`]);
    assert.equal(update.event, 'PUT', update.text);
    assert.equal(update.source, `/finesse/api/Dialog/${dialogId}`);
    return update;
  }

  test('agent1 signs in with extension 1001 and goes READY: the page sees both User updates', async () => {
    const signIn = await rest('PUT', `/User/${AGENT}`,
      `<User><state>LOGIN</state><extension>${EXTENSION}</extension></User>`, 'bb-login');
    assert.equal(signIn.status, 202, signIn.text);
    const notReady = await received(USER_NODE, ['<requestId>bb-login</requestId>']);
    assert.equal(notReady.data.getChildText('state'), 'NOT_READY');
    assert.equal(notReady.data.getChildText('extension'), EXTENSION);

    const ready = await rest('PUT', `/User/${AGENT}`, '<User><state>READY</state></User>', 'bb-ready');
    assert.equal(ready.status, 202, ready.text);
    assert.equal((await received(USER_NODE, ['<requestId>bb-ready</requestId>'])).data.getChildText('state'), 'READY');
    assert.equal((await rest('GET', `/User/${AGENT}`, undefined)).xml?.getChildText('state'), 'READY');
  });

  test('a lab call to 7001 reaches the page as a Dialogs POST: ALERTING, the caller, callVariable1', async () => {
    const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
      body: JSON.stringify({ from: CALLER, to: '7001', callVariables: { callVariable1: 'acct-42' } }),
    });
    assert.equal(placed.status, 201, await placed.text());
    const offer = await received(DIALOGS_NODE, ['<event>POST</event>']);
    assert.equal(offer.source, DIALOGS_NODE);
    const dialog = dialogOf(offer);
    dialogId = dialog.getChildText('id') ?? '';
    assert.match(dialogId, /^[0-9]+$/);
    assert.equal(dialog.getChildText('state'), 'ALERTING');
    assert.equal(dialog.getChildText('fromAddress'), CALLER);
    assert.deepEqual(callVariablesOf(dialog), { callVariable1: 'acct-42' });
    assert.deepEqual(participantsOf(dialog), [`${CALLER} ACTIVE`, `${EXTENSION} ALERTING [ANSWER]`]);

    const fetched = await rest('GET', `/Dialog/${dialogId}`, undefined);
    assert.equal(fetched.status, 200, fetched.text);
    assert.equal(fetched.xml?.getChildText('state'), 'ALERTING');
    assert.equal(fetched.xml?.getChildText('fromAddress'), CALLER);
    assert.deepEqual(callVariablesOf(fetched.xml!), { callVariable1: 'acct-42' });
  });

  test('ANSWER: the Dialog PUT with the same requestId shows ACTIVE, and so does REST', async () => {
    const answered = dialogOf(await dialogAction('ANSWER', 'bb-answer'));
    assert.equal(answered.getChildText('state'), 'ACTIVE');
    assert.equal(participantsOf(answered)[1]?.startsWith(`${EXTENSION} ACTIVE`), true, participantsOf(answered).join(' | '));
    const fetched = await rest('GET', `/Dialog/${dialogId}`, undefined);
    assert.equal(fetched.xml?.getChildText('state'), 'ACTIVE');
    assert.deepEqual(participantsOf(fetched.xml!), participantsOf(answered));
    assert.equal((await rest('GET', `/User/${AGENT}`, undefined)).xml?.getChildText('state'), 'TALKING');
  });

  test('DROP: the Dialog PUT with the same requestId shows the agent DROPPED; REST agrees', async () => {
    const dropped = dialogOf(await dialogAction('DROP', 'bb-drop'));
    assert.equal(participantsOf(dropped)[1], `${EXTENSION} DROPPED`);
    const fetched = await rest('GET', `/Dialog/${dialogId}`, undefined);
    // The call is over; with Automatic Work the agent keeps the dialog in wrap-up until it leaves WORK.
    assert.equal(fetched.xml?.getChildText('state'), 'DROPPED', fetched.text);
    assert.match(participantsOf(fetched.xml!)[1] ?? '', new RegExp(`^${EXTENSION} (DROPPED|WRAP_UP)`));

    const ready = await rest('PUT', `/User/${AGENT}`, '<User><state>READY</state></User>', 'bb-after');
    assert.equal(ready.status, 202, ready.text);
    const gone = await received(DIALOGS_NODE, ['<event>DELETE</event>', `<id>${dialogId}</id>`]);
    assert.equal(gone.source, DIALOGS_NODE);
    assert.equal((await rest('GET', `/Dialog/${dialogId}`, undefined)).status, 404);
  });
});
