// The call control's keypad, conference and wrap-up timer in Chromium against a real node: on an active call the
// keypad sends each pressed digit, which the call manager announces as DTMF from the agent's line while REST keeps
// the Dialog ACTIVE; agent1 consults agent2, agent2 answers in its own desktop and agent1 presses Conference, after
// which both pages and REST show one call of three parties; after the call the wrap-up card tells how long agent1
// has been in wrap-up, and that time advances.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import {
  callCard, eventually, headerState, labEventMark, labEventsUntil, participantsOf, placeLabCall, restDialogs, restState,
  signInDesktop, type Desk,
} from '../support/desktop-page.ts';
import { startWebNode, type WebFixture } from '../support/web.ts';

const CALLER = '+14085550161';

describe('call control: keypad, conference, wrap-up timer', { skip: skipWithoutChromium, timeout: 180_000 }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let agent1: Desk;
  let agent2: Desk;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    browser = await launchChromium();
    [agent1, agent2] = await Promise.all([signInDesktop(browser, fx, 'agent1', '1001'), signInDesktop(browser, fx, 'agent2', '1002')]);
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  test('the keypad of an active call sends each digit to the far end; the Dialog stays ACTIVE', async () => {
    await agent1.page.selectOption('#state-select', 'READY');
    await headerState(agent1.page, 'Ready');
    await placeLabCall(fx, CALLER, '7001', { callVariable1: 'acct-dtmf' });
    await callCard(agent1, 'ALERTING').locator('button[data-action="ANSWER"]').click();
    const active = callCard(agent1, 'ACTIVE');
    await active.waitFor();
    const dialogId = await active.getAttribute('data-dialog-id');

    await active.locator('button[data-action="KEYPAD"]').click();
    assert.equal(await active.locator('button[data-action="KEYPAD"]').getAttribute('aria-expanded'), 'true');
    // Each key is its own request: the next key is pressed once the call manager has announced the last tone.
    const heard: string[] = [];
    for (const digit of ['4', '2', '#']) {
      const mark = await labEventMark(fx);
      await active.locator(`button[data-action="SEND_DTMF"][data-digit="${digit}"]`).click();
      const [tone] = await labEventsUntil(fx, mark, (e) => e.type === 'MediaTermConnDtmfEv' && e.address === '1001',
        (seen) => seen.length >= 1);
      heard.push(tone?.digit ?? '');
    }
    assert.deepEqual(heard, ['4', '2', '#']);
    assert.equal(await agent1.callControl.locator('.poise-error').count(), 0);
    const dialog = await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent1' });
    assert.equal(dialog.xml?.getChildText('state'), 'ACTIVE');
    const mine = dialog.xml?.getChild('participants')?.getChildren('Participant').find((p) => p.getChildText('mediaAddress') === '1001');
    assert.equal(mine?.getChildText('state'), 'ACTIVE');
  });

  test('consult agent2, agent2 answers in its desktop, agent1 presses Conference: three parties in both pages and REST', async () => {
    const original = callCard(agent1, 'ACTIVE');
    const originalId = await original.getAttribute('data-dialog-id');
    await original.locator('form.consult input').fill('1002');
    await original.locator('button[data-action="CONSULT_CALL"]').click();
    await callCard(agent2, 'ALERTING').locator('button[data-action="ANSWER"]').click();
    await callCard(agent2, 'ACTIVE').waitFor();
    const conference = agent1.callControl.locator(`section.call-card[data-dialog-id="${originalId}"] button[data-action="CONFERENCE"]`);
    await conference.click();

    // One call left for each agent, listing the customer and the other agent beside itself.
    for (const [desk, others] of [[agent1, [CALLER, '1002']], [agent2, [CALLER, '1001']]] as const) {
      const list = desk.callControl.locator('section.call-card[data-state="ACTIVE"] ul.call-participants');
      await desk.callControl.locator('section.call-card[data-state="ACTIVE"] ul.call-participants li').nth(others.length - 1).waitFor();
      await callCard(desk).nth(1).waitFor({ state: 'detached' });
      const shown = await list.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-address')));
      assert.deepEqual([...shown].sort(), [...others].sort());
    }
    for (const userid of ['agent1', 'agent2']) {
      const dialogs = await eventually(() => restDialogs(fx, userid),
        (d) => d.length === 1 && participantsOf(d[0]).filter((p) => p.endsWith(' ACTIVE')).length === 3, `${userid}'s conference in REST`);
      assert.deepEqual(participantsOf(dialogs[0]).map((p) => p.split(' ')[0]).sort(), ['1001', '1002', CALLER].sort());
    }
  });

  test('after the call, the wrap-up card shows the time in wrap-up, which advances', async () => {
    await callCard(agent2, 'ACTIVE').locator('button[data-action="DROP"]').click();
    await callCard(agent2).waitFor({ state: 'detached' });
    await callCard(agent1, 'ACTIVE').locator('button[data-action="DROP"]').click();
    const wrapUp = callCard(agent1, 'WRAP_UP');
    await wrapUp.waitFor();
    assert.equal(await restState(fx, 'agent1'), 'WORK');
    const line = wrapUp.locator('form.wrap-up p', { hasText: 'In wrap-up for' });
    const timer = line.locator('.call-timer[aria-label="Time in wrap-up"]');
    const first = await timer.innerText();
    assert.match(first, /^\d+:\d{2}$/);
    // The clock ticks on its own: the shown time changes without a notification.
    await agent1.callControl.locator('form.wrap-up .call-timer').filter({ hasNotText: first }).waitFor();
    const later = await timer.innerText();
    const seconds = (t: string) => t.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    assert.ok(seconds(later) > seconds(first), `${first} then ${later}`);
    await wrapUp.locator('button[data-action="READY"]').click();
    await headerState(agent1.page, 'Ready');
    await callCard(agent1).waitFor({ state: 'detached' });
  });
});
