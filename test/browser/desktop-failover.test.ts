// The desktop moves to the peer node by itself (desktop-and-gadgets.md §7; docs/failover.md, "The desktop moves").
// Node B runs in this process with the call manager, the engine, notify and web on 127.0.0.1. The node the desktop
// starts on is web and notify in a child process (CTI to B's engine, AXL to B's call manager), so the test can kill
// it outright. agent1 signs in there and goes Not Ready with a reason; the node dies (SIGKILL); the desktop ends up
// on B with the same agent, state and reason, and the sign-in form never showed there. Each web publishes to its own
// notify, so this works without Redis.
//   1. As `npm run pair` runs: node A on 127.0.0.2 with B's ports, desktop on plain HTTP, moving on plain HTTP.
//   2. Node C on 127.0.0.3 with ports of its own, desktop on HTTPS, moving to B's HTTPS port from SystemInfo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EngineService } from '../../src/engine/index.ts';
import type { NotifyService } from '../../src/notify/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { freePorts } from '../support/free-ports.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = `failover-test-${process.pid}-cluster-secret`;
const HOST_B = '127.0.0.1';
const HOST_A = '127.0.0.2';
const HOST_C = '127.0.0.3';
const STEP_MS = 20_000;
const DEBUG = Boolean(process.env.POISE_TEST_DEBUG);

interface WebPorts { web: number; webHttps: number; bosh: number; boshHttps: number }

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what()}`);
}

declare global { interface Window { poiseFormSeen?: boolean } }

describe('the desktop moves to the peer node', { skip: skipWithoutChromium, timeout: 150_000 }, () => {
  let b: WebFixture;
  let portsB: WebPorts;
  let ctiPortB = 0;
  let nodeA: Promise<ChildProcess>;
  let nodeC: Promise<ChildProcess>;
  let portsC: WebPorts;
  const children: ChildProcess[] = [];
  const dataDirs: string[] = [];
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    // B's web and notify ports are free on 127.0.0.2 too, so node A can run the same ports there, as a pair does.
    const [web = 0, webHttps = 0, bosh = 0, boshHttps = 0] = await freePorts(4, [HOST_B, HOST_A]);
    portsB = { web, webHttps, bosh, boshHttps };
    b = await startWebNode({
      POISE_WEB_PORT: String(web), POISE_WEB_HTTPS_PORT: String(webHttps), POISE_BOSH_PORT: String(bosh),
      POISE_BOSH_HTTPS_PORT: String(boshHttps),
      POISE_CLUSTER_SECRET: SECRET, POISE_PEER_HOST: HOST_A, POISE_PEER_HTTPS_PORT: String(webHttps),
      POISE_PEER_XMPP_PORT: String(bosh), POISE_PEER_XMPP_SECURE_PORT: String(boshHttps),
    });
    const engine = b.node.services.find((s): s is EngineService => s.name === 'engine');
    const notify = b.node.services.find((s): s is NotifyService => s.name === 'notify');
    if (!engine || !notify) throw new Error('node B runs no engine or no notify');
    ctiPortB = engine.ctiPort;
    // Both child nodes start together; each test waits for its own.
    const [cWeb = 0, cWebHttps = 0, cBosh = 0, cBoshHttps = 0] = await freePorts(4, [HOST_C]);
    portsC = { web: cWeb, webHttps: cWebHttps, bosh: cBosh, boshHttps: cBoshHttps };
    nodeA = startChildNode(HOST_A, portsB);
    nodeC = startChildNode(HOST_C, portsC);
    nodeA.catch(() => undefined);
    nodeC.catch(() => undefined);
    browser = await launchChromium();
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 720 } });
    // On node B's pages: whether the sign-in form ever appeared, from the first element on.
    await context.addInitScript((hostB: string) => {
      if (location.hostname !== hostB || !location.pathname.startsWith('/desktop/container')) return;
      window.poiseFormSeen = false;
      new MutationObserver(() => { if (document.getElementById('signin-userId')) window.poiseFormSeen = true; })
        .observe(document, { childList: true, subtree: true });
    }, HOST_B);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await b?.close();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  /** A web+notify node whose peer is B, in a child process; resolves once its SystemInfo says IN_SERVICE. */
  async function startChildNode(host: string, ports: WebPorts): Promise<ChildProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-failover-'));
    dataDirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--only=web,notify', `--host=${host}`], {
      cwd: REPO, stdio: ['ignore', DEBUG ? 'inherit' : 'ignore', 'pipe'],
      env: {
        ...process.env, POISE_REDIS_URL: '', DATABASE_URL: 'memory://', POISE_DATA_DIR: dataDir,
        POISE_LOG_LEVEL: DEBUG ? 'debug' : 'warn', POISE_DEMO_PASSWORD: TEST_PASSWORD, POISE_CLUSTER_SECRET: SECRET,
        POISE_WEB_PORT: String(ports.web), POISE_WEB_HTTPS_PORT: String(ports.webHttps),
        POISE_BOSH_PORT: String(ports.bosh), POISE_BOSH_HTTPS_PORT: String(ports.boshHttps),
        POISE_XMPP_PORT: '0', POISE_XMPP_TLS_PORT: '0',
        POISE_WEB_CTI_HOST: HOST_B, POISE_WEB_CTI_PORT: String(ctiPortB),
        POISE_WEB_AXL_URL: `${b.cmUrl}/axl/`, POISE_WEB_AXL_PASSWORD: TEST_PASSWORD, POISE_AXL_URL: `${b.cmUrl}/axl/`,
        POISE_PEER_HOST: HOST_B, POISE_PEER_HTTPS_PORT: String(portsB.webHttps),
        POISE_PEER_XMPP_PORT: String(portsB.bosh), POISE_PEER_XMPP_SECURE_PORT: String(portsB.boshHttps),
      },
    });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    await waitFor(async () => {
      const response = await fetch(`http://${host}:${ports.web}/finesse/api/SystemInfo`);
      return /<status>IN_SERVICE<\/status>/.test(await response.text());
    }, 60_000, () => `the node on ${host} to be in service (${stderr.slice(-500)})`);
    return child;
  }

  const restUser = async () => {
    const xml = (await b.call('GET', '/User/agent1', { as: 'agent1' })).xml;
    return { state: xml?.getChildText('state'), reason: xml?.getChild('reasonCode')?.getChildText('id') };
  };

  /** Signs agent1 in at `desktop`, Not Ready with the reason at `reasonIndex`; the reason's label. */
  async function signInNotReady(page: Page, desktop: string, reasonIndex: number): Promise<string> {
    await page.goto(desktop);
    const ticketIssued = page.waitForResponse((r) => r.url().endsWith('/desktop/api/FailoverTicket') && r.status() === 200);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    await page.waitForSelector('#agent-state-pill');
    await ticketIssued;
    const reasonOption = page.locator('#state-select option[value^="NOT_READY:"]').nth(reasonIndex);
    const reasonValue = await reasonOption.getAttribute('value') ?? '';
    const reasonLabel = (await reasonOption.textContent() ?? '').replace(/^Not Ready – /, '');
    assert.ok(reasonValue && reasonLabel, 'a Not Ready reason to choose');
    await page.selectOption('#state-select', reasonValue);
    await page.waitForFunction((label) => document.getElementById('agent-state-reason')?.textContent === `– ${label}`, reasonLabel);
    assert.deepEqual(await restUser(), { state: 'NOT_READY', reason: reasonValue.slice('NOT_READY:'.length) });
    return reasonLabel;
  }

  /** Kills the page's node and waits for the desktop on B; what the gadgets heard, the addresses it went through. */
  async function killAndFollow(page: Page, node: ChildProcess, reasonLabel: string, expectedOrigin: string) {
    const before = await restUser();
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
    node.kill('SIGKILL');
    await page.waitForFunction(() => {
      const banner = document.getElementById('connection-banner');
      return banner !== null && !banner.hidden && /Reconnecting/.test(banner.textContent ?? '');
    }, undefined, { polling: 50 });
    await page.waitForURL((url) => url.origin === expectedOrigin, { timeout: 40_000 });
    await page.waitForSelector('#agent-state-pill', { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('agent-state')?.textContent === 'Not Ready');
    assert.equal(await page.textContent('#agent-state-reason'), `– ${reasonLabel}`);
    assert.match(await page.textContent('#identity-extension') ?? '', /1001/);
    const movedInMs = Date.now() - killedAt;
    // A tunnel still finishing its first connection may announce it after the subscription: that came before the kill.
    const sinceKill = statuses.slice(Math.max(0, statuses.findIndex((status) => status !== 'connected')));
    assert.deepEqual(sinceKill.slice(0, 2), ['reconnecting', 'failing'], `statuses: ${statuses.join(', ')}`);
    assert.equal(new URL(page.url()).hash, '', 'the ticket left the address bar');
    assert.equal(await page.evaluate(() => window.poiseFormSeen), false, 'the sign-in form was never shown on B');
    assert.deepEqual(await restUser(), before);
    console.log(`desktop on ${expectedOrigin} ${movedInMs} ms after its node was killed; statuses: ${statuses.join(', ')}`);
    return addresses;
  }

  test('as a pair runs: plain HTTP, the same ports on two addresses; a used or wrong ticket ends on the form', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await nodeA;
    const reason = await signInNotReady(page, `http://${HOST_A}:${portsB.web}/desktop/container/`, 0);
    const addresses = await killAndFollow(page, await nodeA, reason, `http://${HOST_B}:${portsB.web}`);

    // The address it came with, ticket and all, signs no one in a second time: the form, and why.
    const withTicket = addresses.find((address) => address.includes('#failover='));
    assert.ok(withTicket, `the move went through an address with a ticket (${addresses.join(' ')})`);
    const again = await context.newPage();
    await again.goto(withTicket);
    await again.waitForSelector('#signin-userId');
    assert.match(await again.textContent('#signin-notice') ?? '',
      /could not sign you in by itself: The failover ticket has already been used\. Sign in again\./);
    await again.goto(`http://${HOST_B}:${portsB.web}/desktop/container/#failover=v1.not-a-ticket`);
    await again.waitForSelector('#signin-userId');
    assert.match(await again.textContent('#signin-notice') ?? '', /The failover ticket is not valid\./);
    assert.equal(new URL(again.url()).hash, '');
    await again.close();
    assert.equal(await page.textContent('#agent-state'), 'Not Ready', 'the moved desktop is still signed in');
    await page.close();
  });

  test('HTTPS with ports of its own: the desktop moves to the peer\'s HTTPS port from SystemInfo', async () => {
    const node = await nodeC;
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    const reason = await signInNotReady(page, `https://${HOST_C}:${portsC.webHttps}/desktop/container/`, 1);
    await killAndFollow(page, node, reason, `https://${HOST_B}:${portsB.webHttps}`);
    await page.close();
  });
});
