// Gadgets on one container page in Chromium (desktop-and-gadgets.md §3, §4.1): a page of this node with a
// ManagedHub and a policy mounts two gadgets whose spec lives on another HTTP server, rendered through
// /gadgets/ifr. They exchange the HubTopic sample's SendDataReq on sampleGadget.info through exact and wildcard
// subscriptions; the policy refuses a subscription and a gadget's publication; adjustHeight resizes the iframe;
// prefs reach the gadget; a gadget that sends garbage or forges another's token is ignored with a security alert
// while the other keeps working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, ADMIN, type WebFixture } from '../support/web.ts';
import { basicAuth } from '../support/test-node.ts';
import { startGadgetHost, type GadgetHostServer } from '../support/gadget-host-server.ts';

const GADGET = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="Hub sample">
    <Require feature="pubsub-2"/><Require feature="dynamic-height"/><Require feature="setprefs"/><Require feature="settitle"/>
  </ModulePrefs>
  <UserPref name="greeting" default_value="none"/>
  <UserPref name="color" default_value="blue"/>
  <Content type="html"><![CDATA[
<div id="box" style="height:250px">__UP_greeting__ / __MODULE_ID__</div>
<script src="helper.js"></script>
<script>
  window.received = [];
  window.subscribed = {};
  window.alerts = [];
  gadgets.HubSettings.params = { HubClient: { onSecurityAlert: function (client, alert) { alerts.push(alert); } } };
  gadgets.HubSettings.onConnect = function () {
    var prefs = new gadgets.Prefs();
    window.prefsSeen = { greeting: prefs.getString('greeting'), color: prefs.getString('color') };
    ['sampleGadget.info', 'sampleGadget.*', 'sampleGadget.**', 'secret.plans', 'forbidden.topic'].forEach(function (topic) {
      gadgets.Hub.subscribe(topic, function (t, data) { received.push({ via: topic, topic: t, data: data }); },
        null, function (id, ok, err) { subscribed[topic] = ok ? 'ok' : err; });
    });
    window.connected = gadgets.Hub.isConnected();
  };
</script>]]></Content>
</Module>`;

// Loaded through <base href>: proves relative URLs resolve against the spec's URL.
const HELPER = 'window.helperLoaded = true;';

interface TestWindow {
  hubTest: {
    events: { alerts: Array<[string, string]>; resizes: Array<[string, number]>; prefs: Array<[string, string, string]>;
      titles: Array<[string, string]>; ownReceived: Array<{ topic: string; data: unknown }>;
      inline?: Array<{ topic: string; data: unknown }>;
      services: Array<[string, string, unknown[]]>; gadgetAlerts: Array<[string, string]> };
    installGlobals(): Promise<{ connected: boolean; host: string; openAjax: string }>;
    start(): void;
    mount(mid: number, specUrl: string, prefs: Record<string, string>, timeout?: number): void;
    publish(topic: string, data: unknown): void;
    iframeHeight(mid: number): string;
    iframeSrc(mid: number): string;
    reload(mid: number, specUrl?: string): void;
    unmount(mid: number): void;
    containers(): string[];
  };
}
interface GadgetWindow {
  connected?: boolean;
  alerts: string[];
  helperLoaded?: boolean;
  prefsSeen?: Record<string, string>;
  received: Array<{ via: string; topic: string; data: unknown }>;
  subscribed: Record<string, string>;
  gadgets: {
    Hub: { publish(topic: string, data: unknown): void };
    io: {
      makeRequest(url: string, cb: (response: { rc: number; data: unknown; text: string; errors: string[]; headers: Record<string, string[]> }) => void,
                  params: Record<string, unknown>): void;
      RequestParameters: { METHOD: string; CONTENT_TYPE: string; HEADERS: string; POST_DATA: string };
      ContentType: { JSON: string };
    };
    Prefs: new () => { set(name: string, value: string): void };
    window: { adjustHeight(height?: number): void; setTitle(title: string): void };
    loadingindicator: { dismiss(): void };
  };
}
declare const window: TestWindow & GadgetWindow;
declare const parent: { postMessage(message: unknown, origin: string): void; document: { getElementById(id: string): { src: string } | null } };
declare const document: { getElementById(id: string): { textContent: string | null } | null; body: { textContent: string | null } };

async function pageScript(): Promise<string> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gadget-hub-page.js');
  const result = await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: false, target: 'es2020', lib: { entry, formats: ['iife'], name: 'hubTestPage', fileName: () => 'page.js' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ code?: string }> };
  const code = output.output[0]?.code;
  if (!code) throw new Error('the test page did not bundle');
  return code;
}

describe('gadgets on a container page', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let ext: GadgetHostServer;
  let browser: Browser;
  let page: Page;
  let one: Frame;
  let two: Frame;

  before(async () => {
    const [node, host, script, launched] = await Promise.all([
      startWebNode(), startGadgetHost({ '/hub/HubSample.xml': GADGET, '/hub/helper.js': HELPER }), pageScript(),
      // Chromium's local network access checks would block the url-type gadget's iframe, whose "external" host
      // is another port of 127.0.0.1 here.
      chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu',
        '--disable-background-networking', '--disable-features=LocalNetworkAccessChecks'] }),
    ]);
    fx = node;
    ext = host;
    browser = launched;
    const origin = fx.baseUrl.replace('/finesse/api', '');
    const allowed = await fetch(`${origin}/cfadmin/api/ProxyAllowList`, {
      method: 'PUT', headers: { authorization: basicAuth(ADMIN), 'content-type': 'application/xml' },
      body: `<ProxyAllowList><host>${ext.hostPort}</host></ProxyAllowList>`,
    });
    assert.equal(allowed.status, 200);
    page = await browser.newPage();
    // The container page must share the node's origin with /gadgets/ifr, as the desktop does.
    await page.route(`${origin}/hub-test.html`, (route) => route.fulfill({
      contentType: 'text/html', body: `<!DOCTYPE html><html><body><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>`,
    }));
    await page.goto(`${origin}/hub-test.html`);
    const spec = `${ext.origin}/hub/HubSample.xml`;
    await page.evaluate((specUrl) => {
      window.hubTest.start();
      window.hubTest.mount(1, specUrl, { greeting: 'hello-1' });
      window.hubTest.mount(2, specUrl, { greeting: 'hello <2>' });
    }, spec);
    const frameOf = async (mid: number) => {
      const handle = await page.waitForSelector(`#finesse_gadget_${mid}`);
      const frame = await handle.contentFrame();
      assert.ok(frame);
      await frame.waitForFunction(() => window.connected === true && Object.keys(window.subscribed).length === 5, undefined, { timeout: 10_000 });
      return frame;
    };
    [one, two] = await Promise.all([frameOf(1), frameOf(2)]);
  });
  after(async () => {
    await browser?.close();
    await ext?.close();
    await fx?.close();
  });

  const received = (frame: Frame) => frame.evaluate(() => window.received.splice(0));
  /** Publishes a marker from `from` and waits until `to` has it: everything `from` sent before has been routed. */
  async function flush(from: Frame, to: Frame): Promise<void> {
    const marker = `m-${Math.random()}`;
    await from.evaluate((m) => window.gadgets.Hub.publish('sampleGadget.marker', m), marker);
    await to.waitForFunction((m) => window.received.some((r) => r.data === m), marker);
  }

  test('prefs reach the gadget: up_ values, defaults, substitutions, relative URLs through <base>', async () => {
    assert.deepEqual(await one.evaluate(() => window.prefsSeen), { greeting: 'hello-1', color: 'blue' });
    assert.deepEqual(await two.evaluate(() => window.prefsSeen), { greeting: 'hello <2>', color: 'blue' });
    assert.equal(await two.evaluate(() => document.getElementById('box')?.textContent), 'hello <2> / 2');
    assert.equal(await one.evaluate(() => window.helperLoaded), true);
  });

  test('the policy refuses a subscription with NotAllowed and allows the others', async () => {
    assert.deepEqual(await one.evaluate(() => window.subscribed), {
      'sampleGadget.info': 'ok', 'sampleGadget.*': 'ok', 'sampleGadget.**': 'ok', 'secret.plans': 'ok',
      'forbidden.topic': 'OpenAjax.hub.Error.NotAllowed',
    });
  });

  test('SendDataReq on sampleGadget.info reaches the other gadget through exact and wildcard subscriptions', async () => {
    const request = { type: 'SendDataReq', data: { text: 'ping', list: [1, 2] }, invokeID: 'inv-1' };
    await one.evaluate((data) => window.gadgets.Hub.publish('sampleGadget.info', data), request);
    await two.waitForFunction(() => window.received.length >= 3);
    const got = await received(two);
    assert.deepEqual(got.map((r) => r.via).sort(), ['sampleGadget.*', 'sampleGadget.**', 'sampleGadget.info']);
    assert.ok(got.every((r) => r.topic === 'sampleGadget.info'));
    assert.deepEqual(got[0]?.data, request);
    // A reply one level deeper matches only `**`.
    await two.evaluate(() => window.gadgets.Hub.publish('sampleGadget.info.reply', { type: 'SendDataRes', invokeID: 'inv-1' }));
    await one.waitForFunction(() => window.received.some((r) => r.topic === 'sampleGadget.info.reply'));
    const replies = (await received(one)).filter((r) => r.topic === 'sampleGadget.info.reply');
    assert.deepEqual(replies.map((r) => r.via), ['sampleGadget.**']);
    const own = await page.evaluate(() => window.hubTest.events.ownReceived.map((r) => r.topic));
    assert.ok(own.includes('sampleGadget.info') && own.includes('sampleGadget.info.reply'), 'the page\'s own subscription sees both');
  });

  test('onPublish refuses a gadget\'s publication on secret.**; the page\'s own reaches every gadget', async () => {
    await received(two);
    await one.evaluate(() => window.gadgets.Hub.publish('secret.plans', 'from a gadget'));
    await flush(one, two);
    assert.ok(!(await received(two)).some((r) => r.topic === 'secret.plans'));
    await page.evaluate(() => window.hubTest.publish('secret.plans', 'from the page'));
    await two.waitForFunction(() => window.received.some((r) => r.data === 'from the page'));
    await one.waitForFunction(() => window.received.some((r) => r.data === 'from the page'));
  });

  test('adjustHeight resizes the iframe to the content, or to the height given; setTitle reaches the page', async () => {
    await one.evaluate(() => window.gadgets.window.adjustHeight());
    await page.waitForFunction(() => window.hubTest.events.resizes.length >= 1);
    const height = Number((await page.evaluate(() => window.hubTest.iframeHeight(1))).replace('px', ''));
    assert.ok(height >= 250 && height < 400, `content height ${height}`);
    await one.evaluate(() => window.gadgets.window.adjustHeight(123));
    await page.waitForFunction(() => window.hubTest.iframeHeight(1) === '123px');
    assert.deepEqual((await page.evaluate(() => window.hubTest.events.resizes)).at(-1), ['1', 123]);
    await two.evaluate(() => window.gadgets.window.setTitle('Two'));
    await page.waitForFunction(() => window.hubTest.events.titles.length > 0);
    assert.deepEqual(await page.evaluate(() => window.hubTest.events.titles), [['2', 'Two']]);
  });

  test('other rpc services reach the page', async () => {
    await one.evaluate(() => window.gadgets.loadingindicator.dismiss());
    await page.waitForFunction(() => window.hubTest.events.services.length > 0);
    assert.deepEqual(await page.evaluate(() => window.hubTest.events.services), [['1', 'loadingindicator.dismiss', []]]);
  });

  test('a gadget whose spec cannot be rendered shows why, and never joining the hub raises LoadTimeout', async () => {
    await page.evaluate((specUrl) => window.hubTest.mount(3, specUrl, {}, 300), `${ext.origin}/hub/missing.xml`);
    await page.waitForFunction(() => window.hubTest.events.gadgetAlerts.length > 0);
    assert.deepEqual(await page.evaluate(() => window.hubTest.events.gadgetAlerts), [['3', 'OpenAjax.hub.SecurityAlert.LoadTimeout']]);
    const frame = await (await page.waitForSelector('#finesse_gadget_3')).contentFrame();
    assert.match(await frame?.evaluate(() => document.body.textContent) ?? '', /No gadget spec at \/hub\/missing\.xml/);
    await page.evaluate(() => window.hubTest.unmount(3));
    await page.evaluate(() => { window.hubTest.events.alerts.length = 0; });
  });

  test('Prefs.set with setprefs tells the container', async () => {
    await two.evaluate(() => new window.gadgets.Prefs().set('greeting', 'bye'));
    await page.waitForFunction(() => window.hubTest.events.prefs.length > 0);
    assert.deepEqual(await page.evaluate(() => window.hubTest.events.prefs), [['2', 'greeting', 'bye']]);
  });

  test('a gadget that sends garbage or forges the other\'s token is ignored with an alert; the other keeps working', async () => {
    await received(two);
    await one.evaluate(() => {
      const token2 = new URLSearchParams(parent.document.getElementById('finesse_gadget_2')?.src.split('#')[1] ?? '').get('rpctoken');
      const forged = `poise-oah2|${JSON.stringify({ t: token2, k: 'pub', topic: 'sampleGadget.info', data: 'forged' })}`;
      parent.postMessage('poise-oah2|{not json', '*');
      parent.postMessage(forged, '*');
      parent.postMessage({ some: 'object' }, '*');   // not the hub's: ignored quietly
    });
    await page.waitForFunction(() => window.hubTest.events.alerts.length >= 2);
    assert.deepEqual(await page.evaluate(() => window.hubTest.events.alerts),
      [['gadget-1', 'OpenAjax.hub.SecurityAlert.ForgedMsg'], ['gadget-1', 'OpenAjax.hub.SecurityAlert.ForgedMsg']]);
    await flush(two, one);
    await flush(one, two);
    assert.ok(!(await received(two)).some((r) => r.data === 'forged'));
  });

  test('the container page\'s own gadgets namespace joins the hub inline and hears the gadgets', async () => {
    assert.deepEqual(await page.evaluate(() => window.hubTest.installGlobals()), { connected: true, host: 'node', openAjax: 'function' });
    await two.evaluate(() => window.gadgets.Hub.publish('sampleGadget.info', 'to the master'));
    await page.waitForFunction(() => (window.hubTest.events.inline ?? []).some((r) => r.data === 'to the master'));
    assert.ok((await page.evaluate(() => window.hubTest.containers())).includes('finesse-master'));
  });

  test('gadgets.io.makeRequest goes through the proxy: JSON parsed, headers sent, a refused target is an error', async () => {
    const echo = `${ext.origin}/echo`;
    const response = await two.evaluate((url) => new Promise<{ rc: number; data: unknown; errors: string[] }>((resolve) => {
      const io = window.gadgets.io;
      io.makeRequest(url, (r) => resolve({ rc: r.rc, data: r.data, errors: r.errors }), {
        [io.RequestParameters.METHOD]: 'POST', [io.RequestParameters.CONTENT_TYPE]: io.ContentType.JSON,
        [io.RequestParameters.HEADERS]: { 'X-Sample': 'yes', 'Content-Type': 'text/plain' }, [io.RequestParameters.POST_DATA]: 'hello',
      });
    }), echo);
    assert.equal(response.rc, 201);
    assert.deepEqual(response.errors, []);
    const data = response.data as { method: string; body: string; headers: Record<string, string> };
    assert.equal(data.method, 'POST');
    assert.equal(data.body, 'hello');
    assert.equal(data.headers['x-sample'], 'yes');
    const refused = await two.evaluate(() => new Promise<{ rc: number; errors: string[] }>((resolve) => {
      window.gadgets.io.makeRequest('http://127.0.0.1:9/nothing', (r) => resolve({ rc: r.rc, errors: r.errors }), {});
    }));
    assert.deepEqual(refused, { rc: 403, errors: ['Error 403'] });
  });

  test('a gadget ignores garbage from its container\'s window (alert) and messages from other windows (quietly)', async () => {
    await page.evaluate(() => {
      const frame = (globalThis as unknown as { document: { getElementById(id: string): { contentWindow: { postMessage(m: unknown, o: string): void } } } })
        .document.getElementById('finesse_gadget_2');
      frame.contentWindow.postMessage('poise-oah2|{garbage', '*');
      frame.contentWindow.postMessage('poise-oah2|{"t":"wrong","k":"dlv","sid":"1","topic":"sampleGadget.info","data":"forged"}', '*');
    });
    await two.waitForFunction(() => window.alerts.length >= 2);
    assert.deepEqual(await two.evaluate(() => window.alerts), ['OpenAjax.hub.SecurityAlert.ForgedMsg', 'OpenAjax.hub.SecurityAlert.ForgedMsg']);
    await one.evaluate(() => (parent as unknown as { frames: { [i: number]: { postMessage(m: unknown, o: string): void } } }).frames[1]
      ?.postMessage('poise-oah2|{garbage', '*'));
    await flush(one, two);
    assert.equal(await two.evaluate(() => window.alerts.length), 2);
    assert.ok(!(await received(two)).some((r) => r.data === 'forged'));
  });

  test('a reloaded gadget joins again with its new page\'s subscriptions only, and keeps the prefs it set', async () => {
    const frame = await (await page.waitForSelector('#finesse_gadget_2')).contentFrame();
    assert.ok(frame);
    await frame.evaluate(() => { window.connected = false; });
    await page.evaluate(() => window.hubTest.reload(2));
    await frame.waitForFunction(() => window.connected === true && Object.keys(window.subscribed).length === 5);
    assert.deepEqual(await frame.evaluate(() => window.prefsSeen), { greeting: 'bye', color: 'blue' });
    await page.evaluate(() => window.hubTest.publish('sampleGadget.info', 'after reload'));
    await frame.waitForFunction(() => window.received.length >= 3);
    await flush(one, frame);
    const got = (await frame.evaluate(() => window.received.splice(0))).filter((r) => r.data === 'after reload');
    assert.equal(got.length, 3, 'one delivery per subscription of the new page, none for the old page\'s');
    two = frame;
  });

  test('a Content type="url" gadget on another origin joins the hub from its own page, prefs in its URL', async () => {
    const origin = fx.baseUrl.replace('/finesse/api', '');
    ext.files.set('/hub/url.xml', { type: 'application/xml', body: '<Module><UserPref name="greeting"/><Content type="url" href="page.html"/></Module>' });
    ext.files.set('/hub/page.html', { type: 'text/html', body: `<!DOCTYPE html><html><body>
      <script src="${origin}/gadgets/js/pubsub-2.js"></script>
      <script>
        window.received = [];
        gadgets.HubSettings.onConnect = function () {
          window.prefsSeen = { greeting: new gadgets.Prefs().getString('greeting') };
          gadgets.Hub.subscribe('sampleGadget.info', function (t, data) { received.push({ via: t, topic: t, data: data }); },
            null, function () { window.connected = true; });
        };
      </script></body></html>` });
    await page.evaluate((specUrl) => window.hubTest.mount(4, specUrl, { greeting: 'far away' }), `${ext.origin}/hub/url.xml`);
    const frame = await (await page.waitForSelector('#finesse_gadget_4')).contentFrame();
    assert.ok(frame);
    await frame.waitForFunction(() => window.connected === true);
    assert.equal(new URL(frame.url()).origin, ext.origin);
    assert.deepEqual(await frame.evaluate(() => window.prefsSeen), { greeting: 'far away' });
    await one.evaluate(() => window.gadgets.Hub.publish('sampleGadget.info', 'across origins'));
    await frame.waitForFunction(() => window.received.some((r) => r.data === 'across origins'));
    await page.evaluate(() => window.hubTest.unmount(4));
  });

  test('unmounting a gadget removes its iframe and its container', async () => {
    await page.evaluate(() => window.hubTest.unmount(1));
    assert.deepEqual(await page.evaluate(() => window.hubTest.containers()), ['gadget-2', 'finesse-master']);
    assert.equal(await page.$('#finesse_gadget_1'), null);
    await page.evaluate(() => window.hubTest.publish('sampleGadget.info', 'after unmount'));
    await two.waitForFunction(() => window.received.some((r) => r.data === 'after unmount'));
  });
});
