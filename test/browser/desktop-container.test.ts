// The container page in Chromium against a real node: sign-in errors in plain words, an agent's layout with the
// state in the header, a state change through the header seen by REST without a reload, the supervisor layout,
// and sign-out back to the form; the gadgets get the measured client drift.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

// POISE_DESKTOP_SCREENSHOT=1 refreshes the picture in the docs from the agent's desktop.
const SCREENSHOT = process.env.POISE_DESKTOP_SCREENSHOT
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/desktop-agent.png') : undefined;
const STEP_MS = 20_000;

interface HubClient {
  publish(topic: string, data: unknown): void;
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): string;
  isConnected(): boolean;
}
/** gadgets.Hub of the page or frame the function is evaluated in; installed by an init script (openForm). */
declare function pageHub(): HubClient | undefined;

interface ContainerGlobals {
  Container: { reloadGadget(id: string): boolean; showDialog(options: unknown): void; hideDialog(): void };
  Tabs: { getActiveTab(): string; activateTab(id: string): boolean };
}
/** window.finesse.container of the page; installed by an init script (openForm). */
declare function containerGlobals(): ContainerGlobals;

describe('the desktop container page', { skip: skipWithoutChromium, timeout: 90_000 }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let origin: string;
  const contexts: BrowserContext[] = [];

  before(async () => {
    fx = await startWebNode();
    origin = new URL(fx.baseUrl).origin;
    browser = await launchChromium();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await fx?.close();
  });

  async function openForm(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    // In the page and in every gadget frame: that window's gadgets.Hub.
    await context.addInitScript(() => {
      const scope = window as unknown as { pageHub: () => unknown; gadgets?: { Hub?: unknown } };
      scope.pageHub = () => scope.gadgets?.Hub;
      const withFinesse = window as unknown as { containerGlobals: () => unknown; finesse?: { container?: unknown } };
      withFinesse.containerGlobals = () => withFinesse.finesse?.container;
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${origin}/desktop`); // the redirect to /desktop/container/
    assert.equal(new URL(page.url()).pathname, '/desktop/container/');
    await page.waitForSelector('#signin-userId');
    return page;
  }

  async function submit(page: Page, userId: string, password: string, extension: string): Promise<void> {
    await page.fill('#signin-userId', userId);
    await page.fill('#signin-password', password);
    await page.fill('#signin-extension', extension);
    await page.click('#signin-submit');
  }

  const restState = async (userId: string): Promise<string | undefined> =>
    (await fx.call('GET', `/User/${userId}`, { as: userId })).xml?.getChildText('state') ?? undefined;

  test('a wrong password is said in plain words', async () => {
    const page = await openForm();
    await submit(page, 'agent1', 'not-the-password', '1001');
    const message = await page.waitForSelector('#signin-message:not([hidden])');
    assert.match(await message.innerText(), /ID or password is wrong/);
    assert.equal(await page.inputValue('#signin-password'), '', 'the password is cleared for another try');
    assert.equal(await restState('agent1'), 'LOGOUT');
  });

  test('fields are checked before anything is sent', async () => {
    const page = await openForm();
    await submit(page, 'agent1', TEST_PASSWORD, '10a1');
    const error = await page.waitForSelector('#signin-extension-error:not([hidden])');
    assert.match(await error.innerText(), /digits only/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'signin-extension');
  });

  test('an extension that is not the user\'s is refused in plain words', async () => {
    const page = await openForm();
    await submit(page, 'agent2', TEST_PASSWORD, '1001');
    const message = await page.waitForSelector('#signin-message:not([hidden])');
    assert.match(await message.innerText(), /in use by someone else or it is not yours/);
    assert.equal(await restState('agent2'), 'LOGOUT');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('userFinesseAuth')), null, 'credentials not kept');
  });

  test('agent1 signs in, goes READY through the header, and signs out', async () => {
    const page = await openForm();
    await submit(page, 'agent1', TEST_PASSWORD, '1001');
    await page.waitForSelector('#desktop[data-role="Agent"]');
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');
    assert.equal(await page.getAttribute('#agent-state-pill', 'data-tone'), 'not-ready');
    assert.equal(await page.innerText('#identity-extension'), 'Ext. 1001');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('userFinesseAuth')),
      Buffer.from(`agent1:${TEST_PASSWORD}`).toString('base64'));
    // Layout: the page gadget and one panel per tab, each gadget in its own frame with its own mid.
    assert.equal(await page.locator('div.tab-panel#panel_home').count(), 1);
    assert.ok(await page.locator('section.page-gadgets iframe').count() >= 1);
    assert.ok(await page.locator('#panel_home iframe').count() >= 1);
    assert.equal(await page.evaluate(() => {
      const container = (window as unknown as { finesse: { container: { Tabs: { getActiveTab(): string } } } }).finesse.container;
      return container.Tabs.getActiveTab();
    }), 'home');
    assert.equal(await restState('agent1'), 'NOT_READY');
    // The gadgets get the client drift measured against SystemInfo (same machine: about none), and their
    // finesse.js takes the server's clock from finesse.gadget.Config.clientDriftInMillis.
    const callControl = await (await page.waitForSelector('section.page-gadgets iframe')).contentFrame();
    assert.ok(callControl);
    const drift = new URL(await callControl.evaluate(() => location.href)).searchParams.get('up_clientDriftInMillis');
    assert.match(drift ?? '', /^-?\d+$/);
    assert.ok(Math.abs(Number(drift)) < 1000, `clientDriftInMillis ${drift}`);
    await callControl.waitForFunction(() => (window as unknown as { finesse?: { gadget?: unknown } }).finesse?.gadget !== undefined);
    const serverAhead = await callControl.evaluate(() => {
      const f = (window as unknown as { finesse: { gadget: { Config: { clientDriftInMillis: number } };
        utilities: { Utilities: { currentServerTimeMillis(): number } } } }).finesse;
      const kept = f.gadget.Config.clientDriftInMillis;
      f.gadget.Config.clientDriftInMillis = -60_000; // a browser a minute behind the server
      const ahead = f.utilities.Utilities.currentServerTimeMillis() - Date.now();
      f.gadget.Config.clientDriftInMillis = kept;
      return ahead;
    });
    assert.ok(Math.abs(serverAhead - 60_000) < 1000, `server ahead by ${serverAhead} ms`);

    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    await page.selectOption('#state-select', 'READY');
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Ready');
    assert.equal(await page.getAttribute('#agent-state-pill', 'data-tone'), 'ready');
    assert.match(await page.innerText('#agent-state-announcer'), /Your state is Ready/);
    assert.equal(await restState('agent1'), 'READY');
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
    const before = await page.innerText('#agent-state-timer');
    await page.waitForFunction((first) => document.getElementById('agent-state-timer')?.textContent !== first, before);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    // The banner follows finesse.info.connection (published here by the master's own hub client) and the desktop
    // stays signed in.
    await page.evaluate(() => pageHub()!.publish('finesse.info.connection', { status: 'reconnecting', resourceID: 'test' }));
    assert.match(await (await page.waitForSelector('#connection-banner:not([hidden])')).innerText(), /Reconnecting/);
    await page.evaluate(() => pageHub()!.publish('finesse.info.connection', { status: 'connected', resourceID: 'test' }));
    await page.waitForSelector('#connection-banner', { state: 'hidden' });
    assert.equal(await page.locator('#desktop').count(), 1);

    // A gadget asks for another tab (§4.2 SetActiveTabReq); the container switches and says so on activeTab.
    const otherTab = await page.getAttribute('.tab-list [role="tab"]:nth-child(2)', 'data-tab-id');
    if (otherTab) {
      const announced = page.evaluate(() => new Promise<unknown>((resolve) => {
        pageHub()!.subscribe('finesse.containerservices.activeTab', (_topic, data) => resolve(data));
      }));
      await page.evaluate((id) => pageHub()!.publish('finesse.containerservices.requests',
        { type: 'SetActiveTabReq', data: { id }, invokeID: 'test-1' }), otherTab);
      assert.equal(await announced, otherTab);
      assert.equal(await page.getAttribute(`#tab_${otherTab}`, 'aria-selected'), 'true');
      assert.equal(await page.isVisible(`#panel_${otherTab}`), true);
      assert.equal(await page.isVisible('#panel_home'), false);
      await page.click('#tab_home');
    }

    // The hub policy: a gadget may publish on its own topics, not forge the master's notifications.
    const gadgetFrame = await Promise.any(page.frames().filter((frame) => frame.url().includes('/gadgets/ifr'))
      .map(async (frame) => { await frame.waitForFunction(() => pageHub()?.isConnected() === true); return frame; }));
    const seen = page.evaluate(() => new Promise<string[]>((resolve) => {
      const topics: string[] = [];
      pageHub()!.subscribe('finesse.api.User.agent1', (topic) => { topics.push(topic); });
      pageHub()!.subscribe('sampleGadget.info', (topic) => { topics.push(topic); resolve(topics); });
    }));
    await gadgetFrame.evaluate(() => {
      pageHub()!.publish('finesse.api.User.agent1', { content: '', object: { Update: { data: { user: { state: 'LOGOUT' } } } } });
      pageHub()!.publish('sampleGadget.info', { type: 'SendDataReq' });
    });
    assert.deepEqual(await seen, ['sampleGadget.info'], 'the forged notification was withheld');
    assert.equal(await page.textContent('#agent-state'), 'Ready');

    // Gadgets' client log lines are collected and sent to ClientLog on request.
    await gadgetFrame.evaluate(() => pageHub()!.publish('finesse.clientLogging.TestGadget', 'hello from the test gadget'));
    await page.click('#send-log');
    await page.waitForFunction(() => document.getElementById('send-log-status')?.textContent === 'Log sent.');
    const logDir = path.join(fx.dataDir, 'clientlogs');
    const logs = await Promise.all((await readdir(logDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
    assert.ok(logs.some((log) => /\[TestGadget\] hello from the test gadget/.test(log)), 'the line is in a stored client log');

    await page.click('#sign-out');
    if (await page.locator('#logout-confirm').count() > 0) await page.click('#logout-confirm');
    const notice = await page.waitForSelector('#signin-notice:not([hidden])');
    assert.match(await notice.innerText(), /signed out/);
    assert.equal(await restState('agent1'), 'LOGOUT');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('userFinesseAuth')), null);
    assert.equal(await page.inputValue('#signin-extension'), '1001', 'the last extension is remembered');
  });

  test('an agent signed out by the supervisor is back at the form, told so', async () => {
    const page = await openForm();
    await submit(page, 'agent3', TEST_PASSWORD, '1003');
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');
    const forced = await fx.call('PUT', '/User/agent3', { as: 'supervisor1', body: '<User><state>LOGOUT</state></User>' });
    assert.equal(forced.status, 202);
    const notice = await page.waitForSelector('#signin-notice:not([hidden])');
    assert.equal(await notice.innerText(), 'You were signed out.');
  });

  test('supervisor1 gets the Supervisor layout', async () => {
    const page = await openForm();
    await submit(page, 'supervisor1', TEST_PASSWORD, '1101');
    await page.waitForSelector('#desktop[data-role="Supervisor"]');
    assert.equal(await page.innerText('#tab_manageTeam'), 'Manage Team');
    assert.equal(await page.locator('div.tab-panel#panel_manageTeam iframe').count(), 2);
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');

    // The container globals gadgets reach as parent.finesse.container (§1) and the timer tick (§4.2).
    const tick = await page.evaluate(() => new Promise<unknown>((resolve) => {
      pageHub()!.subscribe('finesse.containerservices.timerTickEvent', (_topic, data) => resolve(data));
    }));
    assert.deepEqual(Object.keys(tick as object).sort(), ['dateQueued', 'tickFrequency']);
    assert.equal((tick as { tickFrequency: number }).tickFrequency, 1000);
    const reloaded = page.evaluate(() => new Promise<unknown>((resolve) => {
      pageHub()!.subscribe('finesse.containerservices.reloadGadget', (_topic, data) => resolve(data));
    }));
    const frameLoaded = page.evaluate(() => new Promise<true>((resolve) => {
      document.getElementById('finesse_gadget_0')?.addEventListener('load', () => resolve(true), { once: true });
    }));
    assert.equal(await page.evaluate(() => containerGlobals().Container.reloadGadget('0')), true);
    assert.deepEqual(await reloaded, { gadgetId: '0' });
    assert.equal(await frameLoaded, true, 'the gadget frame loaded again');
    assert.equal(await page.evaluate(() => containerGlobals().Container.reloadGadget('999')), false);
    assert.equal(await page.evaluate(() => containerGlobals().Tabs.activateTab('no-such-tab')), false);
    assert.equal(await page.evaluate(() => containerGlobals().Tabs.activateTab('teamData')), true);
    assert.equal(await page.evaluate(() => containerGlobals().Tabs.getActiveTab()), 'teamData');
    // A gadget asks for its canvas view: it is mounted again in that view, takes the tab, and the container says so.
    assert.equal(await page.evaluate(() => containerGlobals().Tabs.activateTab('manageTeam')), true);
    assert.equal(await page.isVisible('section.gadget[data-gadget-id="2"]'), true);
    const gadgetOne = async () => {
      const frame = page.frame({ name: 'finesse_gadget_1' });
      assert.ok(frame, 'the first gadget of Manage Team');
      await frame.waitForFunction(() => pageHub()?.isConnected() === true);
      return frame;
    };
    const viewChanged = page.evaluate(() => new Promise<unknown>((resolve) => {
      pageHub()!.subscribe('finesse.containerservices.gadgetViewChangedEvent', (_topic, data) => resolve(data));
    }));
    await (await gadgetOne()).evaluate(() => {
      (window as unknown as { gadgets: { views: { requestNavigateTo(view: string): void } } }).gadgets.views.requestNavigateTo('canvas');
    });
    const changed = await viewChanged as { gadgetId: string; tabId: string; view: string; maxAvailableHeight: number };
    assert.deepEqual([changed.gadgetId, changed.tabId, changed.view], ['1', 'manageTeam', 'canvas']);
    assert.ok(changed.maxAvailableHeight > 0);
    assert.equal(await page.getAttribute('section.gadget[data-gadget-id="1"]', 'data-view'), 'canvas');
    assert.equal(await page.isVisible('section.gadget[data-gadget-id="2"]'), false, 'the other gadget of the tab gives way');
    await (await gadgetOne()).evaluate(() => {
      (window as unknown as { gadgets: { views: { requestNavigateTo(view: string): void } } }).gadgets.views.requestNavigateTo('default');
    });
    await page.waitForSelector('section.gadget[data-gadget-id="2"]', { state: 'visible' });

    // Tabs by keyboard: arrows move between them, focus and selection together.
    await page.focus('#tab_teamData');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab_queueData');
    assert.equal(await page.getAttribute('#tab_queueData', 'aria-selected'), 'true');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => containerGlobals().Tabs.getActiveTab()), 'manageTeam');
    await page.evaluate(() => containerGlobals().Container.showDialog({ title: 'Heads up', message: 'Team meeting at 3' }));
    assert.equal(await page.innerText('dialog[open] h2'), 'Heads up');
    await page.evaluate(() => containerGlobals().Container.hideDialog());
    assert.equal(await page.locator('dialog[open]').count(), 0);
  });
});

describe('the desktop container page on a node that lost its engine', { skip: skipWithoutChromium, timeout: 45_000 }, () => {
  let fx: WebFixture;
  let browser: Browser;

  before(async () => {
    fx = await startWebNode({ POISE_WEB_CTI_ENGINES: '127.0.0.1:9' }); // nothing listens there: OUT_OF_SERVICE
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  test('sign-in says the contact center is not available', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${new URL(fx.baseUrl).origin}/desktop/container/?locale=en_US`);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    const message = await page.waitForSelector('#signin-message:not([hidden])');
    assert.match(await message.innerText(), /contact center is not available/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('userFinesseAuth')), null, 'nothing kept');
  });
});
