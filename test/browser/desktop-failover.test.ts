// The desktop moves to the peer node by itself (desktop-and-gadgets.md §7; docs/failover.md, "The desktop moves").
// Node B runs in this process with the call manager, the engine, notify and web on 127.0.0.1; node A is web and
// notify on 127.0.0.2 in a child process, holding CTI to B's engine and AXL to B's call manager, so the test can
// kill it outright. agent1 signs in on A and goes Not Ready with a reason; A dies (SIGKILL); the desktop ends up on
// B with the same agent, state and reason, and the sign-in form never showed there. Each web publishes to its own
// notify, so this works without Redis.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EngineService } from '../../src/engine/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { freePorts } from '../support/free-ports.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = `failover-test-${process.pid}-cluster-secret-of-some-length`;
const HOST_A = '127.0.0.2';
const STEP_MS = 20_000;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

declare global { interface Window { poiseFormSeen?: boolean } }

describe('the desktop moves to the peer node', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let b: WebFixture;
  let nodeA: ChildProcess | undefined;
  let dataDirA = '';
  let browser: Browser;
  let context: BrowserContext;
  const portsA = { web: 0, webHttps: 0, bosh: 0, boshHttps: 0 };
  let stderrA = '';

  before(async () => {
    const [web = 0, webHttps = 0, bosh = 0, boshHttps = 0] = await freePorts(4, [HOST_A]);
    Object.assign(portsA, { web, webHttps, bosh, boshHttps });
    b = await startWebNode({
      POISE_CLUSTER_SECRET: SECRET, POISE_PEER_HOST: HOST_A, POISE_PEER_HTTPS_PORT: String(portsA.webHttps),
      POISE_PEER_XMPP_PORT: String(portsA.bosh), POISE_PEER_XMPP_SECURE_PORT: String(portsA.boshHttps),
    });
    const engine = b.node.services.find((s): s is EngineService => s.name === 'engine');
    if (!engine) throw new Error('node B runs no engine');
    const webB = new URL(b.httpsBaseUrl);
    const notifyB = b.node.services.find((s) => s.name === 'notify') as { ports: { bosh: number; boshHttps: number } } | undefined;
    if (!notifyB) throw new Error('node B runs no notify');
    dataDirA = await mkdtemp(path.join(os.tmpdir(), 'poise-failover-a-'));
    nodeA = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--only=web,notify', `--host=${HOST_A}`], {
      cwd: REPO, stdio: ['ignore', process.env.POISE_TEST_DEBUG ? 'inherit' : 'ignore', 'pipe'],
      env: {
        ...process.env, POISE_REDIS_URL: '', DATABASE_URL: 'memory://', POISE_DATA_DIR: dataDirA, POISE_LOG_LEVEL: process.env.POISE_TEST_DEBUG ? 'debug' : 'warn',
        POISE_DEMO_PASSWORD: TEST_PASSWORD, POISE_CLUSTER_SECRET: SECRET,
        POISE_WEB_PORT: String(portsA.web), POISE_WEB_HTTPS_PORT: String(portsA.webHttps),
        POISE_BOSH_PORT: String(portsA.bosh), POISE_BOSH_HTTPS_PORT: String(portsA.boshHttps),
        POISE_XMPP_PORT: '0', POISE_XMPP_TLS_PORT: '0',
        POISE_WEB_CTI_HOST: '127.0.0.1', POISE_WEB_CTI_PORT: String(engine.ctiPort),
        POISE_WEB_AXL_URL: `${b.cmUrl}/axl/`, POISE_WEB_AXL_PASSWORD: TEST_PASSWORD, POISE_AXL_URL: `${b.cmUrl}/axl/`,
        POISE_PEER_HOST: '127.0.0.1', POISE_PEER_HTTPS_PORT: webB.port,
        POISE_PEER_XMPP_PORT: String(notifyB.ports.bosh), POISE_PEER_XMPP_SECURE_PORT: String(notifyB.ports.boshHttps),
      },
    });
    nodeA.stderr?.on('data', (chunk: Buffer) => { stderrA += chunk.toString(); });
    await waitFor(async () => {
      const response = await fetch(`http://${HOST_A}:${portsA.web}/finesse/api/SystemInfo`);
      return /<status>IN_SERVICE<\/status>/.test(await response.text());
    }, 60_000, `node A to be in service (${stderrA.slice(-500)})`);
    browser = await launchChromium();
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 720 } });
    // On node B's page: whether the sign-in form ever appeared, from the first element on.
    await context.addInitScript((hostB: string) => {
      if (location.hostname !== hostB || !location.pathname.startsWith('/desktop/container')) return;
      window.poiseFormSeen = false;
      new MutationObserver(() => { if (document.getElementById('signin-userId')) window.poiseFormSeen = true; })
        .observe(document, { childList: true, subtree: true });
    }, '127.0.0.1');
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    if (nodeA && nodeA.exitCode === null && nodeA.signalCode === null) nodeA.kill('SIGKILL');
    await b?.close();
    if (dataDirA) await rm(dataDirA, { recursive: true, force: true });
  });

  const restUser = async () => {
    const xml = (await b.call('GET', '/User/agent1', { as: 'agent1' })).xml;
    return { state: xml?.getChildText('state'), reason: xml?.getChild('reasonCode')?.getChildText('id') };
  };

  test('agent1 signed in on A, Not Ready with a reason, is on B after A dies, same state, no sign-in form', async () => {
    const page: Page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    if (process.env.POISE_TEST_DEBUG) {
      page.on('console', (m) => console.log('console', m.type(), m.text()));
      page.on('response', (r) => console.log('response', r.status(), r.request().method(), r.url().slice(0, 140)));
      page.on('requestfailed', (r) => console.log('failed', r.url().slice(0, 140), r.failure()?.errorText));
    }
    await page.goto(process.env.POISE_TEST_HTTP ? `http://${HOST_A}:${portsA.web}/desktop/container/` : `https://${HOST_A}:${portsA.webHttps}/desktop/container/`);
    const ticketIssued = page.waitForResponse((r) => r.url().endsWith('/desktop/api/FailoverTicket') && r.status() === 200);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    await page.waitForSelector('#agent-state-pill');
    await ticketIssued;

    const reasonOption = await page.locator('#state-select option[value^="NOT_READY:"]').first();
    const reasonValue = await reasonOption.getAttribute('value') ?? '';
    const reasonLabel = (await reasonOption.textContent() ?? '').replace(/^Not Ready – /, '');
    assert.ok(reasonValue && reasonLabel, 'a Not Ready reason to choose');
    await page.selectOption('#state-select', reasonValue);
    await page.waitForFunction((label) => document.getElementById('agent-state-reason')?.textContent === `– ${label}`, reasonLabel);
    const before = await restUser();
    assert.deepEqual(before, { state: 'NOT_READY', reason: reasonValue.slice('NOT_READY:'.length) });

    // What the gadgets hear on finesse.info.connection from here on, kept on this side so it outlives the page.
    const statuses: string[] = [];
    await page.exposeFunction('poiseConnectionStatus', (status: string) => { statuses.push(status); });
    await page.evaluate(() => {
      const scope = window as unknown as { gadgets: { Hub: { subscribe(topic: string, cb: (t: string, d: { status: string }) => void): string } };
        poiseConnectionStatus(status: string): void };
      scope.gadgets.Hub.subscribe('finesse.info.connection', (_topic, data) => scope.poiseConnectionStatus(data.status));
    });
    const addresses: string[] = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) addresses.push(frame.url()); });
    const killedAt = Date.now();
    nodeA?.kill('SIGKILL');
    await page.waitForFunction(() => {
      const banner = document.getElementById('connection-banner');
      return banner !== null && !banner.hidden && /Reconnecting/.test(banner.textContent ?? '');
    }, undefined, { polling: 50 });
    await page.waitForURL((url) => url.hostname === '127.0.0.1', { timeout: 40_000 });
    await page.waitForSelector('#agent-state-pill', { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');
    assert.equal(await page.textContent('#agent-state-reason'), `– ${reasonLabel}`);
    assert.match(await page.textContent('#identity-extension') ?? '', /1001/);
    const movedInMs = Date.now() - killedAt;
    assert.deepEqual(statuses.slice(0, 2), ['reconnecting', 'failing'], `statuses on A: ${statuses.join(', ')}`);
    assert.equal(new URL(page.url()).hash, '', 'the ticket left the address bar');
    assert.equal(await page.evaluate(() => window.poiseFormSeen), false, 'the sign-in form was never shown on B');
    assert.deepEqual(await restUser(), before);
    console.log(`desktop on node B ${movedInMs} ms after node A was killed; statuses on A: ${statuses.join(', ')}`);

    // The address it came with, ticket and all, signs no one in a second time: the form, and why.
    const withTicket = addresses.find((address) => address.includes('#failover='));
    assert.ok(withTicket, `the move went through an address with a ticket (${addresses.join(' ')})`);
    const again = await context.newPage();
    await again.goto(withTicket);
    await again.waitForSelector('#signin-userId');
    assert.match(await again.textContent('#signin-notice') ?? '', /could not sign you in by itself: The failover ticket has already been used\. Sign in again\./);
    await again.goto(`https://127.0.0.1:${new URL(b.httpsBaseUrl).port}/desktop/container/#failover=v1.not-a-ticket`);
    await again.waitForSelector('#signin-userId');
    assert.match(await again.textContent('#signin-notice') ?? '', /The failover ticket is not valid\./);
    assert.equal(new URL(again.url()).hash, '');
    await again.close();
    // The first desktop is still signed in and Not Ready.
    assert.equal(await page.textContent('#agent-state'), 'Not Ready');
  });
});
