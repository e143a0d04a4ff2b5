// Team resources in /cfadmin/, in Chromium against a real node. The administrator picks Sales, sees the team-only
// items (not the global ones) as checkboxes, assigns a Not Ready reason code and, from the keyboard, a workflow;
// the REST API then lists both for Sales, agent1 (Sales) reads the code among its reason codes and agent6 (Support)
// does not. A save the API refuses (the code deleted meanwhile) is explained in plain words and changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { ADMIN, demoTeamIds, startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const WORKFLOW = '<Workflow><name>Sales pop</name><TriggerSet><type>EVENT</type><triggers><Trigger><Variable>'
  + '<name>callType</name><node>//Dialog/mediaProperties/callType</node><type>SYSTEM</type></Variable>'
  + '<comparator>IS_EQUAL</comparator><value>ACD_IN</value></Trigger></triggers></TriggerSet></Workflow>';
const reasonCode = (code: number, label: string, forAll: boolean) =>
  `<ReasonCode><category>NOT_READY</category><code>${code}</code><label>${label}</label><forAll>${forAll}</forAll></ReasonCode>`;

describe('/cfadmin/ team resources in Chromium', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let page: Page;
  let sales = 0;
  const uri = { huddle: '', spare: '', workflow: '' };

  const create = async (path: string, body: string): Promise<string> => {
    const res = await fx.call('POST', path, { as: ADMIN, body });
    assert.equal(res.status, 200, res.text);
    return (res.headers.get('location') ?? '').replace(/^.*(?=\/finesse\/api\/)/, '');
  };
  const labels = async (path: string, as: string): Promise<string[]> => {
    const res = await fx.call('GET', path, { as });
    assert.equal(res.status, 200, `${path}: ${res.text}`);
    return res.xml?.getChildElements().map((e) => e.getChildText('label') ?? e.getChildText('name') ?? '') ?? [];
  };
  const list = (key: string) => page.locator(`form.admin-assign[data-list="${key}"]`);

  before(async () => {
    fx = await startWebNode();
    await fx.web.teams.whenBuilt();
    ({ sales } = demoTeamIds(fx));
    assert.ok(sales > 0);
    uri.huddle = await create('/ReasonCode', reasonCode(821, 'Sales huddle', false));
    uri.spare = await create('/ReasonCode', reasonCode(822, 'Sales spare', false));
    await create('/ReasonCode', reasonCode(823, 'Everyone stretch', true));
    uri.workflow = await create('/Workflow', WORKFLOW);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${new URL(fx.baseUrl).origin}/cfadmin/#team-resources`);
    await page.fill('#signin-id', ADMIN);
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.click('button[data-action="sign-in"]');
    await page.waitForSelector('nav.admin-nav button[data-section="team-resources"][aria-current="true"]');
    await page.selectOption('#team-resources-team', String(sales));
    await page.waitForSelector(`div[data-team="${sales}"] form.admin-assign[data-list="workflows"]`);
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  test('offers the team-only reason codes, none checked yet, and not the global one', async () => {
    const offered = await list('not-ready').locator('label.admin-check').allInnerTexts();
    assert.deepEqual(offered.map((t) => t.trim()).sort(), ['Sales huddle (821)', 'Sales spare (822)']);
    assert.equal(await list('not-ready').locator('input:checked').count(), 0);
  });

  test('assigns a reason code and a workflow to Sales; Sales agents get the code, Support agents do not', async () => {
    await list('not-ready').getByLabel('Sales huddle (821)').check();
    await list('not-ready').locator('button[data-action="save"]').click();
    await list('not-ready').locator('.admin-message[data-kind="done"]', { hasText: 'were saved.' }).waitFor();

    // The workflow from the keyboard: focus its checkbox, Space ticks it, Tab reaches the save button, Enter saves.
    await list('workflows').getByLabel('Sales pop').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'save');
    await page.keyboard.press('Enter');
    await list('workflows').locator('.admin-message[data-kind="done"]', { hasText: 'were saved.' }).waitFor();

    assert.deepEqual(await labels(`/Team/${sales}/ReasonCodes?category=NOT_READY`, ADMIN), ['Sales huddle']);
    assert.deepEqual(await labels(`/Team/${sales}/Workflows`, ADMIN), ['Sales pop']);
    const agent1 = await labels('/User/agent1/ReasonCodes?category=NOT_READY', 'agent1');
    assert.ok(agent1.includes('Sales huddle') && agent1.includes('Everyone stretch'), agent1.join(', '));
    assert.ok(!agent1.includes('Sales spare'), agent1.join(', '));
    const agent6 = await labels('/User/agent6/ReasonCodes?category=NOT_READY', 'agent6');
    assert.ok(agent6.includes('Everyone stretch') && !agent6.includes('Sales huddle'), agent6.join(', '));
  });

  test('a reopened team shows its assignments checked', async () => {
    await page.click('nav.admin-nav button[data-section="reason-codes"]');
    await page.click('nav.admin-nav button[data-section="team-resources"]');
    await page.selectOption('#team-resources-team', String(sales));
    await page.waitForSelector(`div[data-team="${sales}"] form.admin-assign[data-list="workflows"]`);
    assert.equal(await list('not-ready').getByLabel('Sales huddle (821)').isChecked(), true);
    assert.equal(await list('not-ready').getByLabel('Sales spare (822)').isChecked(), false);
    assert.equal(await list('workflows').getByLabel('Sales pop').isChecked(), true);
  });

  test('a refused save is explained in plain words and leaves the assignments as they were', async () => {
    const removed = await fx.call('DELETE', uri.spare.replace('/finesse/api', ''), { as: ADMIN });
    assert.equal(removed.status, 200, removed.text);
    await list('not-ready').getByLabel('Sales spare (822)').check();
    await list('not-ready').locator('button[data-action="save"]').click();
    const alert = list('not-ready').locator('.admin-message[data-kind="error"]');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.innerText(), /^Could not save the Not Ready reason codes of Sales: The reason code \d+ does not exist\.$/);
    assert.deepEqual(await labels(`/Team/${sales}/ReasonCodes?category=NOT_READY`, ADMIN), ['Sales huddle']);
  });
});
