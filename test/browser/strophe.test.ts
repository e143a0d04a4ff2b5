// Acceptance with Strophe.js in Debian's Chromium, over BOSH and over WebSocket: an agent signs in, announces
// itself, and receives the <Update> published to its User node; over BOSH, with nothing to send, the held request
// is answered empty after `wait`. The page comes from its own HTTP server, so BOSH runs cross-origin as a
// desktop served by another host does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import type { Server } from 'node:http';
import { serveStrophePage } from '../support/strophe-page-server.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';

const CHROMIUM = '/usr/bin/chromium';
const chromiumMissing = await access(CHROMIUM).then(() => false, () => true);

const AGENT = 'agent1';
const NODE = `/finesse/api/User/${AGENT}`;
const PUBLISHES = 5;
// Strophe gives up on a request older than floor(1.1 × wait) s; at wait=5 that is exactly 5 s, a race with the
// server's answer, so the shortest wait Strophe's defaults tolerate is 10 s.
const BOSH_WAIT_SECONDS = 10;

const update = (n: number) =>
  `<Update><data><user><loginId>${AGENT}</loginId><state>NOT_READY</state></user></data><event>PUT</event>` +
  `<requestId>strophe-${n}</requestId><source>${NODE}</source></Update>`;

interface Window {
  poise: {
    connect(service: string, jid: string, password: string, wait: number): Promise<{ jid: string; transport: string }>;
    firstInput(): string | undefined;
    update(node: string, text: string, timeoutMs: number): Promise<{ at: number; node: string; text: string }>;
    pollOutstanding(timeoutMs: number): Promise<true>;
    heldEmptyAnswer(minHeldMs: number, timeoutMs: number): Promise<{ heldMs: number; body: string }>;
    disconnect(): Promise<void>;
  };
}
declare const window: Window;

const clock = () => performance.timeOrigin + performance.now(); // the page stamps events on the same clock

describe('Strophe.js in Chromium', { skip: chromiumMissing ? `${CHROMIUM} is missing (apt-get install chromium)` : false }, () => {
  let tn: TestNode;
  let notify: NotifyService;
  let browser: Browser;
  let pageServer: Server;
  let pageUrl: string;

  before(async () => {
    tn = await startTestNode();
    const found = tn.node.services.find(isNotifyService);
    assert.ok(found, 'the node runs the notification service');
    notify = found;
    notify.publisher.createNode(NODE); // web may have made it already; either way it exists
    ({ server: pageServer, url: pageUrl } = await serveStrophePage(new URL('strophe-page.html', import.meta.url)));
    browser = await chromium.launch({
      executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  after(async () => {
    await browser?.close();
    pageServer?.close();
    await tn?.close();
  });

  async function signIn(service: string, wait = BOSH_WAIT_SECONDS): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    const jid = `${AGENT}@${notify.server.domain}`;
    const session = await page.evaluate(
      ([service, jid, password, wait]) => window.poise.connect(service, jid, password, wait),
      [service, jid, TEST_PASSWORD, wait] as const,
    );
    assert.match(session.jid, new RegExp(`^${jid}/`));
    assert.equal(session.transport, service.startsWith('ws') ? 'websocket' : 'bosh');
    return page;
  }

  /**
   * Publishes PUBLISHES items one after another; each must arrive, its text intact. Returns the latencies in ms.
   * Over BOSH each is published while a request is held, as at a desktop at rest.
   */
  async function publishAndMeasure(page: Page, transport: 'bosh' | 'websocket'): Promise<number[]> {
    const latencies: number[] = [];
    for (let n = 0; n < PUBLISHES; n++) {
      if (transport === 'bosh') await page.evaluate(() => window.poise.pollOutstanding(2000));
      const publishedAt = clock();
      const published = notify.publisher.publish(NODE, update(n));
      assert.ok(published.ok, 'published');
      const event = await page.evaluate(([node, text]) => window.poise.update(node, text, 5000), [NODE, update(n)] as const);
      latencies.push(event.at - publishedAt);
    }
    return latencies;
  }

  const summary = (latencies: number[]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return `publish to Strophe handler, ${sorted.length} items: min ${sorted[0]?.toFixed(1)} ms, ` +
      `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
  };

  describe('over BOSH', () => {
    let page: Page;
    before(async () => { page = await signIn(`http://127.0.0.1:${notify.ports.bosh}/http-bind`); });
    after(async () => { await page?.evaluate(() => window.poise.disconnect()); await page?.close(); });

    test('the session takes the wait Strophe asked for', async () => {
      const created = await page.evaluate(() => window.poise.firstInput());
      assert.match(created ?? '', new RegExp(`\\bwait=['"]${BOSH_WAIT_SECONDS}['"]`));
    });

    test('receives the <Update> published to the agent\'s User node', async (t) => {
      const latencies = await publishAndMeasure(page, 'bosh');
      t.diagnostic(`BOSH: ${summary(latencies)}`);
    });

    test('with nothing published, the held request is answered empty after wait', { timeout: (BOSH_WAIT_SECONDS + 10) * 1000 }, async (t) => {
      const waitMs = BOSH_WAIT_SECONDS * 1000;
      const answer = await page.evaluate(([min, timeout]) => window.poise.heldEmptyAnswer(min, timeout), [1000, waitMs + 5000] as const);
      t.diagnostic(`BOSH: empty body after ${answer.heldMs.toFixed(0)} ms held (wait ${BOSH_WAIT_SECONDS} s)`);
      assert.ok(answer.heldMs >= waitMs - 250 && answer.heldMs <= waitMs + 1500, `held ${answer.heldMs} ms`);
    });
  });

  describe('over WebSocket', () => {
    let page: Page;
    before(async () => { page = await signIn(`ws://127.0.0.1:${notify.ports.bosh}/ws/`); });
    after(async () => { await page?.evaluate(() => window.poise.disconnect()); await page?.close(); });

    test('receives the <Update> published to the agent\'s User node', async (t) => {
      const latencies = await publishAndMeasure(page, 'websocket');
      t.diagnostic(`WebSocket: ${summary(latencies)}`);
    });
  });
});
