// A customer's own gadgets on the desktop, in Chromium against a real node. Two small gadget specs are served by a
// test HTTP server on another port, written only against the Finesse library's documented API (as the DevNet
// samples are): the administrator allows their host and adds them to the default layout through the REST API; the
// agent's desktop renders them; one loads the User, follows its changes and sets its state, and publishes
// SendDataReq messages on `sampleGadget.info`, which the other receives. Whatever the number of gadgets, the desktop
// holds one XMPP session; a network drop shows "Reconnecting…" and the desktop recovers without signing out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { DEFAULT_LAYOUT_XML } from '../../src/web/default-layout.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const STEP_MS = 20_000;

/** The customer's gadgets, as a customer writes them: the library from the Finesse host, their script beside the spec. */
const NOTES_SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="Customer Notes" description="A customer's gadget">
    <Require feature="pubsub-2"/><Require feature="setprefs"/><Require feature="dynamic-height"/>
  </ModulePrefs>
  <Content type="html"><![CDATA[
    <script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/jquery.min.js"></script>
    <script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/finesse.js"></script>
    <p>Agent <span id="agent"></span> is <strong id="state">…</strong>; changes seen: <span id="changes">0</span></p>
    <button id="ready" type="button">Ready</button> <button id="send" type="button">Send to the other gadget</button>
    <p id="result"></p>
    <script src="notes.js"></script>
  ]]></Content>
</Module>`;

const NOTES_SCRIPT = `
var finesse = window.finesse || {};
finesse.modules = finesse.modules || {};
finesse.modules.Notes = (function ($) {
  var user, changes = 0, sent = 0;
  function render() {
    $('#agent').text(user.getId());
    $('#state').text(user.getState());
    gadgets.window.adjustHeight();
  }
  return {
    init: function () {
      var cfg = finesse.gadget.Config;
      finesse.clientservices.ClientServices.init(cfg, false);
      user = new finesse.restservices.User({
        id: cfg.id,
        onLoad: render,
        onChange: function () { changes += 1; $('#changes').text(String(changes)); render(); }
      });
      $('#ready').on('click', function () {
        user.setState(finesse.restservices.User.States.READY, null, {
          success: function (rsp) { $('#result').text('accepted ' + rsp.status); },
          error: function (rsp) { $('#result').text('refused ' + rsp.status); }
        });
      });
      $('#send').on('click', function () {
        sent += 1;
        gadgets.Hub.publish('sampleGadget.info', { type: 'SendDataReq', data: 'note ' + sent, invokeID: 'notes-' + sent });
      });
    }
  };
}(jQuery));
gadgets.HubSettings.onConnect = function () { finesse.modules.Notes.init(); };
`;

const LISTENER_SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="Listener"><Require feature="pubsub-2"/></ModulePrefs>
  <Content type="html"><![CDATA[
    <ul id="received"></ul>
    <script>
      gadgets.HubSettings.onConnect = function () {
        gadgets.Hub.subscribe('sampleGadget.*', function (topic, message) {
          var item = document.createElement('li');
          item.textContent = topic + ' ' + message.type + ' ' + message.data + ' ' + message.invokeID;
          document.getElementById('received').appendChild(item);
        });
      };
    </script>
  ]]></Content>
</Module>`;

async function serveGadgets(): Promise<{ server: Server; origin: string; requests: string[] }> {
  const requests: string[] = [];
  const files: Record<string, [string, string]> = {
    '/gadgets/notes.xml': ['application/xml', NOTES_SPEC],
    '/gadgets/notes.js': ['text/javascript', NOTES_SCRIPT],
    '/gadgets/listener.xml': ['application/xml', LISTENER_SPEC],
  };
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files[(req.url ?? '').split('?')[0] ?? ''];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { server, origin: `http://127.0.0.1:${address.port}`, requests };
}

describe('a customer\'s gadgets on the desktop', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let fx: WebFixture;
  let notify: NotifyService;
  let gadgetHost: Awaited<ReturnType<typeof serveGadgets>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let notes: FrameLocator;
  let listener: FrameLocator;

  const headerState = (words: string) =>
    page.waitForFunction((w) => document.getElementById('agent-state')?.textContent === w, words);
  const restState = async () => (await fx.call('GET', '/User/agent1', { as: 'agent1' })).xml?.getChildText('state');
  const xmppSessions = () => notify.server.sessions.ofUser(`agent1@${notify.server.domain}`).size;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    const found = fx.node.services.find(isNotifyService);
    assert.ok(found);
    notify = found;
    gadgetHost = await serveGadgets();
    const hostPort = new URL(gadgetHost.origin).host;
    const allowed = await fetch(`${new URL(fx.baseUrl).origin}/cfadmin/api/ProxyAllowList`, {
      method: 'PUT', headers: { authorization: `Basic ${Buffer.from(`admin:${TEST_PASSWORD}`).toString('base64')}`, 'content-type': 'application/xml' },
      body: `<ProxyAllowList><host>${hostPort}</host></ProxyAllowList>`,
    });
    assert.equal(allowed.status, 200, await allowed.text());
    const tab = `<tab><id>notes</id><icon>notes</icon><label>Notes</label><gadgets>
      <gadget>${gadgetHost.origin}/gadgets/notes.xml</gadget><gadget>${gadgetHost.origin}/gadgets/listener.xml</gadget></gadgets></tab>`;
    const layout = DEFAULT_LAYOUT_XML.replace('<tabs>', `<tabs>${tab}`);
    const escaped = layout.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const stored = await fx.call('PUT', '/LayoutConfig/default', { as: 'admin', body: `<LayoutConfig><layoutxml>${escaped}</layoutxml></LayoutConfig>` });
    assert.equal(stored.status, 200, stored.text);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  after(async () => {
    await browser?.close();
    gadgetHost?.server.close();
    await fx?.close();
  });

  test('the layout renders the customer\'s gadgets; one loads the User, sets its state and sees its changes', async () => {
    await page.goto(`${new URL(fx.baseUrl).origin}/desktop/container/`);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    await headerState('Not Ready');
    await page.click('#tab_notes');
    notes = page.frameLocator('#panel_notes iframe >> nth=0');
    listener = page.frameLocator('#panel_notes iframe >> nth=1');
    await notes.locator('#state', { hasText: 'NOT_READY' }).waitFor();
    assert.equal(await notes.locator('#agent').innerText(), 'agent1');
    assert.ok(gadgetHost.requests.some((url) => url.startsWith('/gadgets/notes.js')), 'the gadget\'s own script came from its host');

    await notes.locator('#ready').click();
    await notes.locator('#result', { hasText: 'accepted 202' }).waitFor();
    await headerState('Ready');
    await notes.locator('#state', { hasText: 'READY' }).waitFor();
    assert.equal(await restState(), 'READY');

    const before = Number(await notes.locator('#changes').innerText());
    await page.selectOption('#state-select', { index: 2 });       // a Not Ready reason, from the header
    await headerState('Not Ready');
    await notes.locator('#state', { hasText: 'NOT_READY' }).waitFor();
    assert.ok(Number(await notes.locator('#changes').innerText()) > before, 'onChange ran');
  });

  test('another gadget receives its hub messages', async () => {
    await notes.locator('#send').click();
    await notes.locator('#send').click();
    await listener.locator('li', { hasText: 'sampleGadget.info SendDataReq note 2 notes-2' }).waitFor();
    assert.deepEqual(await listener.locator('li').allInnerTexts(),
      ['sampleGadget.info SendDataReq note 1 notes-1', 'sampleGadget.info SendDataReq note 2 notes-2']);
  });

  test('one XMPP session for the whole desktop, however many gadgets', async () => {
    assert.ok(await page.locator('iframe.gadget-frame, div.tab-panel iframe, section.page-gadgets iframe').count() >= 5);
    assert.equal(xmppSessions(), 1);
  });

  test('a network drop: "Reconnecting…", then back on its own, still signed in and in the same state', async () => {
    // The desktop loses the notification service: its requests fail and its XMPP session is gone.
    await context.route(/\/http-bind/, (route) => route.abort('connectionreset'));
    for (const session of notify.server.sessions.ofUser(`agent1@${notify.server.domain}`)) session.close('system-shutdown');
    const banner = await page.waitForSelector('#connection-banner:not([hidden])');
    assert.match(await banner.innerText(), /Reconnecting/);
    await context.unroute(/\/http-bind/);
    await page.waitForSelector('#connection-banner', { state: 'hidden', timeout: 3 * STEP_MS });
    assert.equal(await page.locator('#signin-userId').isVisible().catch(() => false), false, 'not sent back to sign-in');
    await headerState('Not Ready');
    assert.equal(await restState(), 'NOT_READY');
    assert.equal(xmppSessions(), 1);
    // Notifications flow again: a change made elsewhere reaches the header and the customer's gadget.
    const res = await fx.call('PUT', '/User/agent1', { as: 'agent1', body: '<User><state>READY</state></User>' });
    assert.equal(res.status, 202);
    await headerState('Ready');
    await notes.locator('#state', { hasText: 'READY' }).waitFor();
  });
});
