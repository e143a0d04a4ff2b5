// finesse.js in Chromium against a whole node: the container page's ClientServices becomes the master through
// the real tunnel page and the real notification service; REST objects load, change on notifications, add calls
// to their collections, and hear refusals that arrive later as apiErrors notifications; gadget iframes share the
// master's one XMPP session. Everything around the library is real: the hub, the container's gadgets.* over an
// inline client, gadgets rendered through /gadgets/ifr from a spec on another host, REST through
// /gadgets/makeRequest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser, Frame, Page } from 'playwright-core';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { ALLOW_LOCAL_NETWORK_FROM_ROUTED_PAGES, launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { ADMIN, startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';
import { startGadgetHost, type GadgetHostServer } from '../support/gadget-host-server.ts';
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
    startMaster(config: Record<string, string>, bosh: Record<string, string | number>, settling?: string[]): Promise<StartResult>;
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
    addGadget(specUrl: string, mid: string, prefs: Record<string, string>): void;
    publish(topic: string, data: unknown): void;
    failover(failing: boolean): void;
    foreignWritesToTunnel(payload: string): Promise<unknown>;
  };
  gadgetHarness: {
    config(): { id: string; restHost: string; hasAuth: boolean };
    start(): Promise<{ master: boolean; tab: string | undefined; gadgetId: string }>;
    events(): { connected: number; disconnected: number; reconnecting: number; userChanges: string[] };
    loadUser(id: string): Promise<string>;
    waitUserChange(state: string): Promise<string>;
    loadQueue(id: string): Promise<{ name: string; statistics: Record<string, string> }>;
    watchQueues(userId: string): Promise<{ id: string; statistics: Record<string, string> }[]>;
    queuesSeen(): { changes: { id: string; statistics: Record<string, string> }[]; queueRequests: number };
    watchContainer(): boolean;
    containerSeen(): { activeTab: number; ticks: { frequency: number; queued: number }[] };
  };
}
declare const window: Window;

const HERE = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** The container page's script: the real hub, gadget host and container globals, bundled as the desktop is. */
async function pageScript(): Promise<string> {
  const result = await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: false, target: 'es2020',
      lib: { entry: HERE('finesse-container-page.js'), formats: ['iife'], name: 'finesseTestPage', fileName: () => 'page.js' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ code?: string }> };
  const code = output.output[0]?.code;
  if (!code) throw new Error('the test page did not bundle');
  return code;
}

describe('finesse.js in Chromium', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let notify: NotifyService;
  let browser: Browser;
  let ext: GadgetHostServer;
  let webOrigin: string;
  let webPort: string;
  let containerUrl: string;
  let container: Page;
  const gadgets: Frame[] = [];

  const config = (id: string, password: string) => ({ host: '127.0.0.1', restHost: '127.0.0.1', localhostPort: webPort, id, password });
  const bosh = () => ({ xmppDomain: notify.server.domain, pubsubDomain: notify.server.pubsubDomain, resource: 'desktop' });
  const xmppSessions = (user: string) => notify.server.sessions.ofUser(`${user}@${notify.server.domain}`).size;

  /**
   * A page at the node's origin, as the desktop's container page is, so that gadget iframes are same-origin; its
   * tunnel iframe is on the notification service's port.
   */
  async function openContainer(): Promise<Page> {
    const page = await browser.newPage();
    await page.route(containerUrl, (route) => route.fulfill({ contentType: 'text/html', body: containerHtml }));
    await page.goto(containerUrl);
    return page;
  }
  let containerHtml = '';

  before(async () => {
    const [node, host, script, chromium] = await Promise.all([
      startWebNode(), startGadgetHost({ '/finesse/TestGadget.xml': await readFile(HERE('finesse-gadget.xml'), 'utf8') }),
      pageScript(), launchChromium([ALLOW_LOCAL_NETWORK_FROM_ROUTED_PAGES]),
    ]);
    fx = node;
    ext = host;
    browser = chromium;
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    const found = fx.node.services.find(isNotifyService);
    assert.ok(found);
    notify = found;
    webOrigin = new URL(fx.baseUrl).origin;
    webPort = new URL(fx.baseUrl).port;
    containerUrl = `${webOrigin}/finesse-test/container.html`;
    const allowed = await fetch(`${webOrigin}/cfadmin/api/ProxyAllowList`, {
      method: 'PUT', headers: { authorization: basicAuth(ADMIN), 'content-type': 'application/xml' },
      body: `<ProxyAllowList><host>${ext.hostPort}</host></ProxyAllowList>`,
    });
    assert.equal(allowed.status, 200);
    containerHtml = (await readFile(HERE('finesse-container.html'), 'utf8'))
      .replace('{{PAGE_SCRIPT}}', () => script.replaceAll('</script', '<\\/script'));
    container = await openContainer();
  });
  after(async () => {
    await browser?.close();
    await ext?.close();
    await fx?.close();
  });

  test('initBosh makes the container the master: one hidden tunnel iframe, connecting then connected', async () => {
    const started = await container.evaluate(([c, b]) => window.harness.startMaster(c, b), [config('agent1', TEST_PASSWORD), bosh()] as const);
    assert.equal(started.status, 'connected', started.statuses.join());
    assert.equal(started.statuses[0], 'connecting');
    assert.equal(started.frames, 1);
    // By default the tunnel is on the notification service's HTTP port that SystemInfo names (§4.3).
    assert.equal(started.tunnelSrc, `http://127.0.0.1:${notify.ports.bosh}/tunnel/?origin=${encodeURIComponent(webOrigin)}`);
    assert.equal(started.resourceID, 'desktop');
    assert.equal(xmppSessions('agent1'), 1);
    assert.equal([...notify.server.sessions.ofUser(`agent1@${notify.server.domain}`)][0]?.transport.kind, 'bosh');
  });

  test('gadget iframes are not masters: their connect handler runs, their objects load, their explicit nodes go through the master', async () => {
    const queues = await fx.call('GET', '/User/agent1/Queues', { as: 'agent1' });
    const queueId = /\/finesse\/api\/Queue\/(\d+)/.exec(queues.text)?.[1];
    assert.ok(queueId, queues.text);
    for (const mid of ['1', '2']) {
      const prefs = { scheme: 'http', host: '127.0.0.1', hostPort: webPort, restHost: '127.0.0.1', localhostPort: webPort,
        authorization: Buffer.from(`agent1:${TEST_PASSWORD}`).toString('base64') };
      await container.evaluate(([spec, m, p]) => window.harness.addGadget(spec, m, p), [`${ext.origin}/finesse/TestGadget.xml`, mid, prefs] as const);
      const frame = await (await container.waitForSelector(`#finesse_gadget_${mid}`)).contentFrame();
      assert.ok(frame);
      await frame.waitForFunction(() => window.gadgetHarness !== undefined, undefined, { timeout: 10_000 });
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

  test('the items of user.getQueues() hear their own Queue node: a statistics change reaches onChange without a re-read', async () => {
    const gadget = gadgets[1]!;
    const [sales] = await gadget.evaluate(() => window.gadgetHarness.watchQueues('agent1'));
    assert.ok(sales, 'agent1 is in the Sales queue');
    const node = `/finesse/api/Queue/${sales.id}`;
    const jid = `agent1@${notify.server.domain}`;
    const subscribed = () => [...notify.server.pubsub.audience(node).full].some((full) => full.startsWith(`${jid}/`))
      || notify.server.pubsub.audience(node).bare.has(jid);
    for (const started = Date.now(); !subscribed(); await new Promise((r) => setTimeout(r, 25))) {
      assert.ok(Date.now() - started < 10_000, `no subscription to ${node}`);
    }
    const before = sales.statistics.agentsLoggedOn;
    // agent2 of Sales signs in: the Sales queue counts one more agent signed in and publishes it on its node.
    const login = await fx.call('PUT', '/User/agent2', { as: 'agent2', body: '<User><state>LOGIN</state><extension>1002</extension></User>' });
    assert.equal(login.status, 202, login.text);
    try {
      const changed = await gadget.waitForFunction(([id, was]) => window.gadgetHarness.queuesSeen().changes
        .find((c) => c.id === id && c.statistics.agentsLoggedOn !== was), [sales.id, before] as const, { timeout: 15_000 });
      const change = await changed.jsonValue();
      assert.equal(Number(change?.statistics.agentsLoggedOn), Number(before) + 1);
      assert.equal(await gadget.evaluate(() => window.gadgetHarness.queuesSeen().queueRequests), 0, 'no queue was read again');
    } finally {
      await fx.call('PUT', '/User/agent2', { as: 'agent2', body: '<User><state>LOGOUT</state></User>' });
    }
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

  test('getMediaList against the node: its 404 (no non-voice media) loads an empty list; no active device, no devices', async () => {
    assert.equal((await fx.call('GET', '/User/agent1/Media', { as: 'agent1' })).status, 404);
    // A string, so that the page runs it as written (the test's compiler would wrap named functions).
    const seen = await container.evaluate(`new Promise((resolve, reject) => {
      new window.finesse.restservices.User({
        id: 'agent1',
        onLoad: (user) => user.getMediaList({
          onLoad: (list) => resolve({
            media: Object.keys(list.getCollection()), url: list.getRestUrl(), same: user.getMediaList() === list,
            active: user.getActiveDeviceId(), devices: user.getDevices(),
          }),
          onError: (rsp) => reject(new Error('getMediaList failed with ' + rsp.status)),
        }),
      });
    })`);
    assert.deepEqual(seen, { media: [], url: '/finesse/api/User/agent1/Media', same: true, active: '', devices: [] });
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

  test('ContainerServices: ACTIVE_TAB only for the gadget\'s own tab, timer ticks wrapped, ClientLogger on the hub', async () => {
    const gadget = gadgets[0]!;
    assert.equal(await gadget.evaluate(() => window.gadgetHarness.watchContainer()), true);
    const queued = Date.now();
    await container.evaluate(([q]) => {
      window.harness.publish('finesse.containerservices.activeTab', 'manageCall');
      window.harness.publish('finesse.containerservices.activeTab', 'home');
      window.harness.publish('finesse.containerservices.timerTickEvent', { tickFrequency: 1000, dateQueued: q });
    }, [queued] as const);
    await gadget.waitForFunction(() => window.gadgetHarness.containerSeen().ticks.length > 0);
    assert.deepEqual(await gadget.evaluate(() => window.gadgetHarness.containerSeen()), { activeTab: 1, ticks: [{ frequency: 1000, queued }] });
    const logged = await container.evaluate(() => window.harness.hubTopics('finesse.clientLogging.'));
    assert.equal(logged[0]?.topic, 'finesse.clientLogging.TestGadget');
    assert.match(String(logged[0]?.data), /: ready$/);
  });

  test('the tunnel ignores messages from any window but the one that embeds it', async () => {
    await container.evaluate(() => window.harness.foreignWritesToTunnel('11|'));
    assert.equal(xmppSessions('agent1'), 1, 'a DISCONNECT_REQ from another frame did nothing');
    assert.ok(!(await container.evaluate(() => window.harness.statuses())).includes('disconnecting'));
  });

  test('setFailoverMode: gadgets run their disconnect handler on failing and their connect handler on recovered', async () => {
    const gadget = gadgets[1]!;
    const before = await gadget.evaluate(() => window.gadgetHarness.events());
    await container.evaluate(() => window.harness.failover(true));
    await gadget.waitForFunction((n) => window.gadgetHarness.events().disconnected > n, before.disconnected);
    await container.evaluate(() => window.harness.failover(false));
    await gadget.waitForFunction((n) => window.gadgetHarness.events().connected > n, before.connected);
    assert.deepEqual((await container.evaluate(() => window.harness.statuses())).slice(-2), ['failing', 'recovered']);
  });

  test('when the XMPP session drops, the master reports reconnecting, then connected on one new session; objects reload', async () => {
    const changesBefore = (await gadgets[0]!.evaluate(() => window.gadgetHarness.events())).userChanges.length;
    const seen = container.evaluate(() => window.harness.waitStatus('connected', 15_000));
    for (const session of notify.server.sessions.ofUser(`agent1@${notify.server.domain}`)) session.close('system-shutdown');
    const statuses = await seen;
    assert.ok(statuses.indexOf('reconnecting') >= 0 && statuses.indexOf('reconnecting') < statuses.indexOf('connected'), statuses.join());
    assert.equal(xmppSessions('agent1'), 1);
    for (const gadget of gadgets) assert.ok((await gadget.evaluate(() => window.gadgetHarness.events())).reconnecting >= 1);
    // Events may have been missed meanwhile: REST objects read themselves again (notifications.md §3.2).
    await gadgets[0]!.waitForFunction((n) => window.gadgetHarness.events().userChanges.length > n, changesBefore);
  });

  test('over WebSocket (a Poise extension) the master connects the same way', async () => {
    const other = await openContainer();
    try {
      const started = await other.evaluate(([c, b]) => window.harness.startMaster(c, b),
        [config('agent3', TEST_PASSWORD), { ...bosh(), transport: 'websocket' }] as const);
      assert.equal(started.status, 'connected', started.statuses.join());
      const [session] = notify.server.sessions.ofUser(`agent3@${notify.server.domain}`);
      assert.ok(session);
      assert.equal(session.transport.kind, 'websocket');
    } finally {
      await other.close();
    }
  });

  test('a tunnel page that never loads: disconnected, then reconnecting while it is loaded again', async () => {
    const other = await openContainer();
    try {
      const bosh404 = { ...bosh(), tunnelUrl: `${ext.origin}/no-tunnel-here/`, tunnelLoadTimeoutMs: 300 };
      const started = await other.evaluate(([c, b]) => window.harness.startMaster(c, b, ['reconnecting']), [config('agent4', TEST_PASSWORD), bosh404] as const);
      assert.deepEqual(started.statuses, ['disconnected', 'reconnecting']);
      assert.equal(xmppSessions('agent4'), 0);
      await other.waitForFunction(() => window.harness.statuses().filter((s) => s === 'reconnecting').length >= 2);
    } finally {
      await other.close();
    }
  });

  test('a wrong password: the tunnel reports unauthorized and REST objects get 401', async () => {
    const other = await openContainer();
    try {
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
