// An agent desktop as Strophe.js in a Chromium page (test/browser/dialog-backbone-page.html): it signs in over
// BOSH and keeps every pubsub event, and the test takes the one it expects, decoded as the XMPP tests read theirs.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { decodeUpdate, type ReceivedUpdate } from './update-feed.ts';

const BOSH_WAIT_SECONDS = 10; // the shortest wait Strophe's defaults tolerate (see test/browser/strophe.test.ts)
const EVENT_TIMEOUT_MS = 20_000; // a bound for a missing event, not a latency check

interface Window {
  poise: {
    connect(service: string, jid: string, password: string, wait: number): Promise<{ jid: string }>;
    nextUpdate(node: string, needles: readonly string[], timeoutMs: number): Promise<{ node: string; text: string }>;
    disconnect(): Promise<void>;
  };
}
declare const window: Window;

export interface StropheDesktop {
  readonly page: Page;
  /** The next event on `node`, not taken yet, whose `<Update>` text holds every needle. */
  received(node: string, needles: readonly string[]): Promise<ReceivedUpdate>;
  close(): Promise<void>;
}

/** Opens `pageUrl` in a new page of `browser` and signs `jid` in over BOSH at `service`. */
export async function openStropheDesktop(browser: Browser, pageUrl: string, service: string, jid: string, password: string): Promise<StropheDesktop> {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const session = await page.evaluate(([service, jid, password, wait]) => window.poise.connect(service, jid, password, wait),
    [service, jid, password, BOSH_WAIT_SECONDS] as const);
  assert.match(session.jid, new RegExp(`^${jid}/`));
  return {
    page,
    async received(node, needles) {
      const event = await page.evaluate(([node, needles, timeout]) => window.poise.nextUpdate(node, needles, timeout),
        [node, needles, EVENT_TIMEOUT_MS] as const);
      return decodeUpdate(event.node, event.text);
    },
    async close() {
      await page.evaluate(() => window.poise.disconnect()).catch(() => undefined);
      await page.close();
    },
  };
}
