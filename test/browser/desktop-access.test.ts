// The agent desktop in a narrow window and from the keyboard, in Chromium against a real node. At 420×800 the
// header still shows the agent's state, nothing needs a horizontal scroll, and the call control answers a call.
// With only Tab, Enter and Space an agent goes READY from the header's state menu and answers a ringing call in
// the call control, and each control it reaches shows where the focus is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium, withinMs } from '../support/browser.ts';
import { callCard, headerState, placeLabCall, restDialogs, restState, signInDesktop, STEP_MS } from '../support/desktop-page.ts';
import { startWebNode, type WebFixture } from '../support/web.ts';

const NARROW = { width: 420, height: 800 };

interface Focused { frame: string; id: string; action: string | null; shown: boolean }

/** The focused element of the page or of the gadget frame that holds the focus, and whether it shows its focus. */
async function focusedElement(page: Page): Promise<Focused | undefined> {
  for (const frame of page.frames()) {
    const found = await withinMs(STEP_MS, `the focus in ${frame.url()}`, frame.evaluate(() => {
      const el = document.activeElement;
      if (!document.hasFocus() || !(el instanceof HTMLElement) || el === document.body || el instanceof HTMLIFrameElement) return undefined;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { id: el.id, action: el.getAttribute('data-action'), shown: el.matches(':focus-visible') && ring };
    })).catch(() => undefined);
    if (found) return { frame: frame.url(), ...found };
  }
  return undefined;
}

describe('the desktop in a narrow window and from the keyboard', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let fx: WebFixture;
  let browser: Browser;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  test('at 420×800 the header shows the state and the call control answers a call without horizontal scrolling', async () => {
    const desk = await signInDesktop(browser, fx, 'agent3', '1003', { viewport: NARROW });
    const { page } = desk;
    const state = await page.locator('#agent-state').boundingBox();
    assert.ok(state && state.x >= 0 && state.x + state.width <= NARROW.width && state.y + state.height <= NARROW.height,
      `the state is in view: ${JSON.stringify(state)}`);
    const pageWidths = () => withinMs(STEP_MS, 'the page\'s widths',
      page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })));
    const widths = await pageWidths();
    assert.ok(widths.scroll <= widths.client, `the page is ${widths.scroll}px wide in a ${widths.client}px window`);

    await page.selectOption('#state-select', 'READY');
    await headerState(page, 'Ready');
    await placeLabCall(fx, '+14085550171', '7001');
    const answer = callCard(desk, 'ALERTING').locator('button[data-action="ANSWER"]');
    await answer.waitFor();
    const box = await answer.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= NARROW.width, `Answer is in view: ${JSON.stringify(box)}`);
    const frame = page.frames().find((f) => f.url().includes('callcontrol.js'));
    assert.ok(frame, 'the call control has a document');
    const inside = await withinMs(STEP_MS, 'the call control\'s widths',
      frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })));
    assert.ok(inside.scroll <= inside.client, `the call control is ${inside.scroll}px wide in ${inside.client}px`);
    const after = await pageWidths();
    assert.ok(after.scroll <= after.client, `with a call the page is ${after.scroll}px wide in a ${after.client}px window`);

    await answer.click();
    await callCard(desk, 'ACTIVE').waitFor();
    await headerState(page, 'Talking');
    assert.equal((await restDialogs(fx, 'agent3'))[0]?.getChildText('state'), 'ACTIVE');
    await callCard(desk, 'ACTIVE').locator('button[data-action="DROP"]').click();
    await callCard(desk, 'WRAP_UP').waitFor();
    // Signed out, agent3 cannot take the next test's call when its wrap-up time runs out.
    const [reason] = (await fx.call('GET', '/User/agent3/ReasonCodes?category=LOGOUT', { as: 'agent3' })).xml?.getChildren('ReasonCode') ?? [];
    const out = await fx.call('PUT', '/User/agent3', { as: 'agent3',
      body: `<User><state>LOGOUT</state><reasonCodeId>${reason?.getChildText('uri')?.split('/').pop() ?? ''}</reasonCodeId></User>` });
    assert.equal(out.status, 202, out.text);
    // The desktop reloads to its form: closing the context while that reload runs can leave Chromium never answering.
    assert.equal(await (await page.waitForSelector('#signin-notice:not([hidden])')).innerText(), 'You were signed out.');
    await withinMs(STEP_MS, 'closing the context', page.context().close());
  });

  test('with Tab, Enter and Space only: READY from the header, then Answer on a ringing call, focus always visible', async () => {
    const desk = await signInDesktop(browser, fx, 'agent4', '1004');
    const { page } = desk;
    /** Presses Tab until `reached` holds for the focused element, checking every stop on the way shows its focus. */
    async function tabTo(reached: (focused: Focused) => boolean): Promise<Focused> {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        const focused = await focusedElement(page);
        if (!focused) continue; // the browser's own chrome between documents
        assert.ok(focused.shown, `the focus on ${focused.id || focused.action} (${focused.frame}) is visible`);
        if (reached(focused)) return focused;
      }
      return assert.fail('Tab never reached the control');
    }

    await tabTo((f) => f.id === 'state-select');
    // A closed select takes the arrow keys; the first choice after the prompt is Ready.
    assert.equal(await page.locator('#state-select option').nth(1).getAttribute('value'), 'READY');
    await page.keyboard.press('ArrowDown');
    await headerState(page, 'Ready');
    assert.equal(await restState(fx, 'agent4'), 'READY');

    await placeLabCall(fx, '+14085550172', '7001');
    await callCard(desk, 'ALERTING').waitFor();
    const answer = await tabTo((f) => f.action === 'ANSWER');
    assert.match(answer.frame, /callcontrol\.js/);
    await page.keyboard.press('Space');
    await callCard(desk, 'ACTIVE').waitFor();
    await headerState(page, 'Talking');
    assert.equal((await restDialogs(fx, 'agent4'))[0]?.getChildText('state'), 'ACTIVE');
    // Focus moved to a control of the answered call, and is still shown; Enter ends the call from there.
    await tabTo((f) => f.action === 'DROP');
    await page.keyboard.press('Enter');
    await callCard(desk, 'WRAP_UP').waitFor();
    await withinMs(STEP_MS, 'closing the context', page.context().close());
  });
});
