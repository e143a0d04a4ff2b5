// An administrator sets the desktop's XMPP transport to WebSocket (POISE_DESKTOP_XMPP_TRANSPORT): DesktopConfig
// carries it to the container page, whose tunnel signs in over `/ws/` instead of BOSH. agent1 signs in, a state
// change made elsewhere reaches the header live, and the notification service holds agent1's session on WebSocket.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const STEP_MS = 20_000;

describe('the desktop over XMPP WebSocket', { skip: skipWithoutChromium, timeout: 90_000 }, () => {
  let fx: WebFixture;
  let notify: NotifyService;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    fx = await startWebNode({ POISE_DESKTOP_XMPP_TRANSPORT: 'websocket' });
    const found = fx.node.services.find(isNotifyService);
    assert.ok(found, 'the node runs the notification service');
    notify = found;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  });
  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await fx?.close();
  });

  /** The transports of agent1's bound XMPP sessions, as the notification service holds them. */
  const agentTransports = (): string[] =>
    [...notify.server.sessions.ofUser(`agent1@${notify.server.domain}`)].map((session) => session.transport.kind);

  test('agent1 signs in over WebSocket and hears a state change live', async () => {
    const origin = new URL(fx.baseUrl).origin;
    const config = await (await fetch(`${origin}/desktop/api/DesktopConfig`)).json() as { xmppTransport?: string };
    assert.equal(config.xmppTransport, 'websocket');

    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${origin}/desktop/container/`);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    await page.waitForSelector('#desktop[data-role="Agent"]');
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');
    assert.deepEqual(agentTransports(), ['websocket'], 'one session for the desktop, on WebSocket, none on BOSH');

    // Another client (a supervisor's desktop would do the same) makes agent1 Ready: the header follows without
    // a reload, so the notification came through the WebSocket session.
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    const put = await fx.call('PUT', '/User/agent1', { as: 'agent1', body: '<User><state>READY</state></User>' });
    assert.equal(put.status, 202, put.text);
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Ready');
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
    assert.deepEqual(agentTransports(), ['websocket']);
    await page.close();
  });
});
