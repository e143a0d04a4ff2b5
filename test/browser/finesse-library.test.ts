// finesse.js in Chromium against a whole node: the container page's ClientServices becomes the master through
// the real tunnel page and the real notification service; REST objects load, change on notifications, add calls
// to their collections, and hear refusals that arrive later as apiErrors notifications; gadget iframes share the
// master's one XMPP session. The hub and gadgets.* are the real ones (desktop/hub, the gadget-runtime bundle); the
// test server stands in for the gadget server's /gadgets/makeRequest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';
import { basicAuth } from '../support/test-node.ts';

interface StartResult { status: string; statuses: string[]; tunnelSrc: string | null; frames: number; resourceID: string }
interface Outcome { ok: boolean; status: number; error?: { errorType?: string; errorData?: string; errorMessage?: string } | null }
interface HubMessage { topic: string; data: { content?: string; object?: { Update?: { event?: string; data?: { user?: { state?: string } } } } } }
interface AddedDialog { id: string; state: string; from: string; mediaProperties: Record<string, string>; actions: string[] }
interface LaterError { status: number; error?: { errorType?: string; errorData?: string }; object?: { ApiErrors?: { ApiError?: { ErrorType?: string } } } }

interface Window {
  harness: {
    statuses(): string[];
    hubTopics(prefix: string): HubMessage[];
    startMaster(config: Record<string, string>, bosh: Record<string, string>): Promise<StartResult>;
    waitStatus(status: string, timeoutMs: number): Promise<string[]>;
    loadUser(id: string): Promise<{ id: string; state: string; firstName: string; teamName: string; agent: boolean; supervisor: boolean }>;
    loadUserExpectingError(id: string): Promise<{ loaded?: boolean; status?: number }>;
    signIn(extension: string): Promise<Outcome>;
    setState(state: string): Promise<Outcome>;
    waitUserState(state: string): Promise<string>;
    watchDialogs(): Promise<number>;
    waitDialogAdded(): Promise<AddedDialog>;
    waitDialogState(state: string): Promise<{ id: string; state: string }>;
    dialogAction(action: string): Promise<Outcome>;
    consultOwnExtension(): Promise<{ first: Outcome; later: LaterError }>;
    addGadget(url: string): Promise<string>;
  };
  gadgetHarness: {
    config(): { id: string; restHost: string; hasAuth: boolean };
    start(): Promise<{ master: boolean; tab: string | undefined; gadgetId: string }>;
    events(): { connected: number; disconnected: number; reconnecting: number; userChanges: string[] };
    loadUser(id: string): Promise<string>;
    waitUserChange(state: string): Promise<string>;
    loadQueue(id: string): Promise<{ name: string; statistics: Record<string, string> }>;
  };
}
declare const window: Window;

const HERE = (name: string) => fileURLToPath(new URL(name, import.meta.url));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The test pages, and /gadgets/makeRequest as Shindig answers it (spec §3.3), limited to the node's REST API:
 * the gadget runtime's gadgets.io posts there on the page's own origin.
 */
async function servePages(webOrigin: string): Promise<{ server: Server; origin: string }> {
  const fill = async (name: string) => (await readFile(HERE(name), 'utf8')).replaceAll('{{WEB}}', webOrigin);
  const pages: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', await fill('finesse-container.html')],
    '/gadget.html': ['text/html; charset=utf-8', await fill('finesse-gadget.html')],
    '/harness.js': ['text/javascript', await readFile(HERE('finesse-harness.js'), 'utf8')],
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = pages[path];
    if (page) return res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
    if (path !== '/gadgets/makeRequest' || req.method !== 'POST') return res.writeHead(404).end();
    readBody(req).then(async (text) => {
      const form = new URLSearchParams(text);
      const url = form.get('url') ?? '';
      if (!url.startsWith(`${webOrigin}/finesse/api/`)) return res.writeHead(403).end();
      const headers = Object.fromEntries(new URLSearchParams(form.get('headers') ?? ''));
      const upstream = await fetch(url, { method: form.get('httpMethod') ?? 'GET', headers, body: form.get('postData') ?? undefined });
      const responseHeaders: Record<string, string[]> = {};
      upstream.headers.forEach((value, name) => { responseHeaders[name] = [value]; });
      const answer = { [url]: { rc: upstream.status, body: await upstream.text(), headers: responseHeaders } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(`throw 1; < don't be evil' >${JSON.stringify(answer)}`);
    }).catch(() => res.writeHead(500).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

describe('finesse.js in Chromium', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let notify: NotifyService;
  let browser: Browser;
  let pages: Server;
  let pagesOrigin: string;
  let webPort: string;
  let container: Page;
  const gadgets: Frame[] = [];

  const config = (id: string, password: string) => ({ host: '127.0.0.1', restHost: '127.0.0.1', localhostPort: webPort, id, password });
  const bosh = () => ({ xmppDomain: notify.server.domain, pubsubDomain: notify.server.pubsubDomain, resource: 'desktop' });
  const xmppSessions = (user: string) => notify.server.sessions.ofUser(`${user}@${notify.server.domain}`).size;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    const found = fx.node.services.find(isNotifyService);
    assert.ok(found);
    notify = found;
    webPort = new URL(fx.baseUrl).port;
    ({ server: pages, origin: pagesOrigin } = await servePages(new URL(fx.baseUrl).origin));
    browser = await launchChromium();
    container = await browser.newPage();
    await container.goto(`${pagesOrigin}/`);
  });
  after(async () => {
    await browser?.close();
    pages?.close();
    await fx?.close();
  });

  test('initBosh makes the container the master: one hidden tunnel iframe, connecting then connected', async () => {
    const started = await container.evaluate(([c, b]) => window.harness.startMaster(c, b), [config('agent1', TEST_PASSWORD), bosh()] as const);
    assert.equal(started.status, 'connected', started.statuses.join());
    assert.equal(started.statuses[0], 'connecting');
    assert.equal(started.frames, 1);
    // By default the tunnel is on the notification service's HTTP port that SystemInfo names (§4.3).
    assert.equal(started.tunnelSrc, `http://127.0.0.1:${notify.ports.bosh}/tunnel/?origin=${encodeURIComponent(pagesOrigin)}`);
    assert.equal(started.resourceID, 'desktop');
    assert.equal(xmppSessions('agent1'), 1);
  });

  test('gadget iframes are not masters: their connect handler runs, their objects load, their explicit nodes go through the master', async () => {
    const queues = await fx.call('GET', '/User/agent1/Queues', { as: 'agent1' });
    const queueId = /\/finesse\/api\/Queue\/(\d+)/.exec(queues.text)?.[1];
    assert.ok(queueId, queues.text);
    for (const mid of ['1', '2']) {
      const prefs = new URLSearchParams({ mid, up_host: '127.0.0.1', up_restHost: '127.0.0.1', up_localhostPort: webPort,
        up_authorization: Buffer.from(`agent1:${TEST_PASSWORD}`).toString('base64') });
      await container.evaluate((url) => window.harness.addGadget(url), `${pagesOrigin}/gadget.html?${prefs}`);
      const frame = container.frames().find((f) => f.url().includes(`mid=${mid}&`));
      assert.ok(frame);
      gadgets.push(frame);
      assert.deepEqual(await frame.evaluate(() => window.gadgetHarness.start()), { master: false, tab: 'home', gadgetId: mid });
      // finesse.gadget.Config from the prefs; init() adds the id from `authorization` (§5).
      assert.deepEqual(await frame.evaluate(() => window.gadgetHarness.config()), { id: 'agent1', restHost: '127.0.0.1', hasAuth: true });
      assert.equal(await frame.evaluate(() => window.gadgetHarness.loadUser('agent1')), 'LOGOUT');
    }
    const queue = await gadgets[0]!.evaluate((id) => window.gadgetHarness.loadQueue(id), queueId);
    assert.equal(queue.name, 'Sales');
    assert.ok('callsInQueue' in queue.statistics);
    assert.equal(xmppSessions('agent1'), 1, 'one XMPP session for the desktop, whatever the number of gadgets');
  });

  test('new User({id, onLoad, onChange}): signs in with 1001, goes READY; the master publishes each User change', async () => {
    const loaded = await container.evaluate(() => window.harness.loadUser('agent1'));
    assert.deepEqual(loaded, { id: 'agent1', state: 'LOGOUT', firstName: loaded.firstName, teamName: 'Sales', agent: true, supervisor: false });
    assert.deepEqual(await container.evaluate(() => window.harness.signIn('1001')), { ok: true, status: 202 });
    assert.equal(await container.evaluate(() => window.harness.waitUserState('NOT_READY')), 'NOT_READY');
    assert.deepEqual(await container.evaluate(() => window.harness.setState('READY')), { ok: true, status: 202 });
    assert.equal(await container.evaluate(() => window.harness.waitUserState('READY')), 'READY');
    for (const gadget of gadgets) assert.equal(await gadget.evaluate(() => window.gadgetHarness.waitUserChange('READY')), 'READY');

    const published = await container.evaluate(() => window.harness.hubTopics('finesse.api.User.agent1'));
    const ready = published.find((m) => m.topic === 'finesse.api.User.agent1' && m.data.object?.Update?.data?.user?.state === 'READY');
    assert.ok(ready, JSON.stringify(published.map((m) => m.topic)));
    assert.match(ready.data.content ?? '', /^\/finesse\/api\/User\/agent1<Update>.*<\/Update>$/s);
    assert.equal(ready.data.object?.Update?.event, 'PUT');
  });

  test('getDialogs({onCollectionAdd}) sees a lab call to 7001 ringing with its call variables; ANSWER succeeds', async () => {
    assert.equal(await container.evaluate(() => window.harness.watchDialogs()), 0);
    const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
      body: JSON.stringify({ from: '+14085550100', to: '7001', callVariables: { callVariable1: 'acct-42' } }),
    });
    assert.equal(placed.status, 201);
    const added = await container.evaluate(() => window.harness.waitDialogAdded());
    assert.equal(added.state, 'ALERTING');
    assert.equal(added.from, '+14085550100');
    assert.equal(added.mediaProperties.callVariable1, 'acct-42');
    assert.equal(added.mediaProperties.DNIS, '7001');
    assert.equal(added.mediaProperties.callType, 'ACD_IN');
    assert.deepEqual(added.actions, ['ANSWER']);
    assert.deepEqual(await container.evaluate(() => window.harness.dialogAction('ANSWER')), { ok: true, status: 202 });
    assert.equal((await container.evaluate(() => window.harness.waitDialogState('ACTIVE'))).id, added.id);
  });

  test('a refusal that arrives later as an apiErrors notification reaches the request\'s error handler', async () => {
    const { first, later } = await container.evaluate(() => window.harness.consultOwnExtension());
    assert.deepEqual(first, { ok: true, status: 202 });
    assert.equal(later.status, 400);
    assert.equal(later.error?.errorType, 'Call Operation Failure');
    assert.equal(later.error?.errorData, '14');
    assert.equal(later.object?.ApiErrors?.ApiError?.ErrorType, 'Call Operation Failure');
  });

  test('a refused REST request gets the error handler at once', async () => {
    const refused = await container.evaluate(() => window.harness.setState('BOGUS'));
    assert.equal(refused.ok, false);
    assert.equal(refused.status, 400);
  });

  test('when the XMPP session drops, the master reports reconnecting, then connected on one new session', async () => {
    const seen = container.evaluate(() => window.harness.waitStatus('connected', 15_000));
    for (const session of notify.server.sessions.ofUser(`agent1@${notify.server.domain}`)) session.close('system-shutdown');
    const statuses = await seen;
    assert.ok(statuses.indexOf('reconnecting') >= 0 && statuses.indexOf('reconnecting') < statuses.indexOf('connected'), statuses.join());
    assert.equal(xmppSessions('agent1'), 1);
    for (const gadget of gadgets) assert.ok((await gadget.evaluate(() => window.gadgetHarness.events())).reconnecting >= 1);
  });

  test('a wrong password: the tunnel reports unauthorized and REST objects get 401', async () => {
    const other = await browser.newPage();
    try {
      await other.goto(`${pagesOrigin}/`);
      const started = await other.evaluate(([c, b]) => window.harness.startMaster(c, b), [config('agent2', 'wrong-password'), bosh()] as const);
      assert.equal(started.status, 'unauthorized', started.statuses.join());
      assert.equal(xmppSessions('agent2'), 0);
      const loaded = await other.evaluate(() => window.harness.loadUserExpectingError('agent2'));
      assert.equal(loaded.status, 401);
    } finally {
      await other.close();
    }
  });
});
