// The README's failover walk-through in Chromium, on a pair as it runs in production (test/support/pair.ts: the call
// manager and nodes A and B as processes, the real PostgreSQL and Redis): agent1 signs in on A's plain-HTTP desktop
// and goes Not Ready with a reason; A is killed; the desktop ends up on B, signed in, without the sign-in form,
// showing what B's engine says of agent1. That B's engine still has the state and reason it had on A is the engine's
// hand-over, which test/e2e/failover/pair-failover.test.ts checks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { skipPair, startPair, type PairFixture } from '../support/pair.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';

describe('a desktop on a pair moves when its node is killed', { skip: skipWithoutChromium || skipPair, timeout: 180_000 }, () => {
  let fx: PairFixture;
  let browser: Browser;

  before(async () => {
    fx = await startPair();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  test('agent1 signed in on A is signed in on B, never asked to sign in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const hostB = new URL(fx.webUrl('B')).hostname;
    await context.addInitScript((host: string) => {
      if (location.hostname !== host) return;
      const scope = window as unknown as { poiseFormSeen: boolean };
      scope.poiseFormSeen = false;
      new MutationObserver(() => { if (document.getElementById('signin-userId')) scope.poiseFormSeen = true; })
        .observe(document, { childList: true, subtree: true });
    }, hostB);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${fx.webUrl('A')}/desktop/`);
    await page.fill('#signin-userId', 'agent1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1001');
    await page.click('#signin-submit');
    await page.waitForSelector('#agent-state-pill');
    const option = page.locator('#state-select option[value^="NOT_READY:"]').first();
    const value = await option.getAttribute('value') ?? '';
    const label = (await option.textContent() ?? '').replace(/^Not Ready – /, '');
    await page.selectOption('#state-select', value);
    await page.waitForFunction((text) => document.getElementById('agent-state-reason')?.textContent === `– ${text}`, label);
    await page.waitForTimeout(500); // the failover ticket is asked for right after sign-in

    const killedAt = Date.now();
    await fx.kill('A');
    await page.waitForURL((url) => url.origin === fx.webUrl('B'), { timeout: 60_000 });
    await page.waitForSelector('#agent-state-pill', { timeout: 60_000 });
    const answer = await fetch(`${fx.webUrl('B')}/finesse/api/User/agent1`, {
      headers: { authorization: `Basic ${Buffer.from(`agent1:${TEST_PASSWORD}`).toString('base64')}` },
    });
    const xml = await answer.text();
    const state = /<state>([^<]*)<\/state>/.exec(xml)?.[1] ?? '';
    const reason = /<reasonCode>[\s\S]*?<label>([^<]*)<\/label>/.exec(xml)?.[1] ?? '';
    assert.notEqual(state, 'LOGOUT', xml);
    const words: Record<string, string> = { NOT_READY: 'Not Ready', READY: 'Ready' };
    await page.waitForFunction((text) => document.getElementById('agent-state')?.textContent === text, words[state] ?? state);
    assert.equal(await page.textContent('#agent-state-reason'), reason ? `– ${reason}` : '');
    if (reason !== label) console.log(`B's engine has agent1 ${state} ${reason ? `(${reason})` : 'without a reason'}; on A: Not Ready (${label})`);
    assert.equal(await page.evaluate(() => (window as unknown as { poiseFormSeen: boolean }).poiseFormSeen), false);
    console.log(`desktop on node B ${Date.now() - killedAt} ms after node A was killed`);
    await context.close();
  });
});
