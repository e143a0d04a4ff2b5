// A single node loses its engine mid-session (desktop-and-gadgets.md §7: "CTI link to the engine lost"): the web
// service's CTI session drops, SystemInfo goes OUT_OF_SERVICE and is published to every desktop (notifications.md
// §12). The XMPP connection stays up, so the desktop says in plain words that the contact center is not available,
// keeps the agent signed in, and clears the words when the engine's CTI listener is back and SystemInfo says
// IN_SERVICE again; the agent's state still changes live afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { isEngineService, type EngineService } from '../../src/engine/index.ts';
import { CtiServer } from '../../src/engine/cti/server.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const STEP_MS = 20_000;

describe('the desktop when the engine goes away on a single node', { skip: skipWithoutChromium, timeout: 90_000 }, () => {
  let fx: WebFixture;
  let engine: EngineService;
  let ctiServer: CtiServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    fx = await startWebNode({ POISE_WEB_CTI_RETRY_MS: '50' });
    await fx.web.cti?.whenOpen();
    const found = fx.node.services.find(isEngineService);
    assert.ok(found, 'the node runs the engine');
    engine = found;
    ctiServer = engine.cti;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  });
  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    if (ctiServer !== engine.cti) await ctiServer.close();
    await fx?.close();
  });

  const systemStatus = async (): Promise<string | undefined> =>
    (await fx.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status') ?? undefined;

  test('the banner says the contact center is not available, and goes when it is back', async () => {
    const origin = new URL(fx.baseUrl).origin;
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${origin}/desktop/container/`);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');
    assert.equal(await page.isHidden('#connection-banner'), true);
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

    // The engine's CTI listener goes away: the web service loses its session and says OUT_OF_SERVICE.
    const cti = fx.web.cti;
    assert.ok(cti);
    const lost = new Promise<void>((resolve) => { const off = cti.onClose(() => { off(); resolve(); }); });
    await ctiServer.close();
    await lost;
    assert.equal(await systemStatus(), 'OUT_OF_SERVICE');
    const banner = await page.waitForSelector('#connection-banner:not([hidden])');
    assert.match(await banner.innerText(), /The contact center is not available right now\. You are still signed in/);
    assert.equal(await page.getAttribute('#connection-banner', 'data-reason'), 'out-of-service');
    assert.equal(await page.locator('#desktop').count(), 1, 'the desktop stays');
    assert.equal(await page.textContent('#agent-state'), 'Not Ready');

    // The listener comes back on the same port, the engine's state kept: web reconnects, IN_SERVICE again.
    ctiServer = new CtiServer({ engine: engine.engine, clock: fx.node.clock, log: silentLogger, host: '127.0.0.1', port: engine.ctiPort });
    await ctiServer.listen();
    await cti.whenOpen();
    await page.waitForSelector('#connection-banner', { state: 'hidden' });
    assert.equal(await systemStatus(), 'IN_SERVICE');
    assert.equal(await page.textContent('#agent-state'), 'Not Ready');
    assert.equal((await fx.call('GET', '/User/agent1', { as: 'agent1' })).xml?.getChildText('state'), 'NOT_READY');

    // Still signed in and live: a state change through the header goes through the new CTI session.
    await page.selectOption('#state-select', 'READY');
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Ready');
    assert.equal((await fx.call('GET', '/User/agent1', { as: 'agent1' })).xml?.getChildText('state'), 'READY');
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
    await page.close();
  });
});
