// Workflows and media properties layouts in /cfadmin/, in Chromium against a real node. The administrator adds a
// workflow action and a workflow using it through the page, changes the workflow and sees a bad one refused in
// plain words, and the REST API holds each change. A CUSTOM media properties layout added through the page is
// listed by REST; the default layout changed through the page relabels the call data in the agent's call
// variables gadget, and a call whose ECC variable user.layout names the custom layout is shown with that layout.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { callCard, headerState, placeLabCall, signInDesktop, type Desk } from '../support/desktop-page.ts';
import { ADMIN, startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const ACTION_XML = `<WorkflowAction>
  <name>Open ticket</name><type>BROWSER_POP</type><handledBy>FINESSE_DESKTOP</handledBy>
  <params><Param><name>windowUrl</name><value>https://tickets.example.com/new?from=\${caller}</value></Param>
    <Param><name>windowName</name><value>tickets</value></Param></params>
  <actionVariables><ActionVariable><name>caller</name><node>//Dialog/fromAddress</node><type>SYSTEM</type><testValue>4085550100</testValue></ActionVariable></actionVariables>
</WorkflowAction>`;

const workflowXml = (description: string, actionUri: string, comparator = 'IS_NOT_EMPTY') => `<Workflow>
  <name>Ticket on answer</name><description>${description}</description><media>voice</media>
  <TriggerSet><type>CALL_ANSWERED</type><triggers><Trigger>
    <Variable><name>callVariable1</name><node>//Dialog/mediaProperties/callvariables/CallVariable[name="callVariable1"]/value</node><type>SYSTEM</type></Variable>
    <comparator>${comparator}</comparator><value></value>
  </Trigger></triggers></TriggerSet>
  <workflowActions><WorkflowAction><uri>${actionUri}</uri></WorkflowAction></workflowActions>
</Workflow>`;

const BILLING_LAYOUT = `<MediaPropertiesLayout>
  <name>Billing</name><description>Calls of the billing line</description><type>CUSTOM</type>
  <header><entry><displayName>Invoice</displayName><mediaProperty>callVariable3</mediaProperty><showInPopOver>true</showInPopOver><uiEditable>false</uiEditable></entry></header>
  <column><entry><displayName>Amount due</displayName><mediaProperty>callVariable4</mediaProperty><showInPopOver>false</showInPopOver><uiEditable>false</uiEditable></entry></column>
</MediaPropertiesLayout>`;

describe('/cfadmin/ workflows and media properties layouts in Chromium', { skip: skipWithoutChromium, timeout: 150_000 }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let page: Page;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${new URL(fx.baseUrl).origin}/cfadmin/`);
    await page.fill('#signin-id', ADMIN);
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.click('button[data-action="sign-in"]');
    await page.waitForSelector('nav.admin-nav');
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  /** Opens a section, optionally picks an item by its label, replaces the XML and saves; waits for `done`. */
  async function saveXml(section: string, editor: string, xml: string, pick?: string): Promise<void> {
    await page.click(`nav.admin-nav button[data-section="${section}"]`);
    await page.waitForSelector(`#${editor}`);
    if (pick !== undefined) {
      await page.click(`ul.admin-picker button:text-is("${pick}")`);
      await page.waitForSelector(`ul.admin-picker button[aria-pressed="true"]:text-is("${pick}")`);
    }
    await page.fill(`#${editor}`, xml);
    await page.click('form.admin-xml button[data-action="save"]');
  }
  const done = (words: string) => page.waitForSelector(`.admin-message[data-kind="done"]:has-text("${words}")`);

  let actionUri = '';

  test('adds a workflow action through the page, which REST then lists with its parameters', async () => {
    await saveXml('workflow-actions', 'workflow-action-xml', ACTION_XML);
    await done('The workflow action was added.');
    await page.waitForSelector('ul.admin-picker button:text-is("Open ticket (BROWSER_POP)")');
    const list = await fx.call('GET', '/WorkflowActions', { as: ADMIN });
    const action = list.xml?.getChildren('WorkflowAction').find((a) => a.getChildText('name') === 'Open ticket');
    assert.ok(action, list.text);
    assert.equal(action.getChildText('type'), 'BROWSER_POP');
    assert.equal(action.getChildText('handledBy'), 'FINESSE_DESKTOP');
    const params = action.getChild('params')?.getChildren('Param').map((p) => `${p.getChildText('name')}=${p.getChildText('value')}`);
    assert.deepEqual(params, ['windowUrl=https://tickets.example.com/new?from=${caller}', 'windowName=tickets']);
    actionUri = action.getChildText('uri') ?? '';
    assert.match(actionUri, /^\/finesse\/api\/WorkflowAction\/\d+$/);
  });

  test('adds a workflow using that action, changes it, and a refused change is explained and stores nothing', async () => {
    await saveXml('workflows', 'workflow-xml', workflowXml('Opens a ticket', actionUri));
    await done('The workflow was added.');
    const listed = async () => (await fx.call('GET', '/Workflows', { as: ADMIN })).xml?.getChildren('Workflow')
      .find((w) => w.getChildText('name') === 'Ticket on answer');
    const added = await listed();
    assert.ok(added);
    assert.equal(added.getChildText('description'), 'Opens a ticket');
    assert.equal(added.getChild('TriggerSet')?.getChildText('type'), 'CALL_ANSWERED');
    assert.deepEqual(added.getChild('workflowActions')?.getChildren('WorkflowAction').map((a) => a.getChildText('uri')), [actionUri]);

    await saveXml('workflows', 'workflow-xml', workflowXml('Opens a ticket for every answered call', actionUri), 'Ticket on answer');
    await done('The workflow was saved.');
    assert.equal((await listed())?.getChildText('description'), 'Opens a ticket for every answered call');

    await page.fill('#workflow-xml', workflowXml('Never stored', actionUri, 'SOUNDS_LIKE'));
    await page.click('form.admin-xml button[data-action="save"]');
    const alert = await page.waitForSelector('.admin-message[data-kind="error"]');
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent() ?? '', /^Could not save the workflow: \S/);
    assert.equal((await listed())?.getChildText('description'), 'Opens a ticket for every answered call');
  });

  test('adds a CUSTOM media properties layout through the page, which REST then lists with its entries', async () => {
    await saveXml('media-layouts', 'media-properties-layout-xml', BILLING_LAYOUT);
    await done('The media properties layout was added.');
    const list = await fx.call('GET', '/MediaPropertiesLayouts', { as: ADMIN });
    const billing = list.xml?.getChildren('MediaPropertiesLayout').find((l) => l.getChildText('name') === 'Billing');
    assert.ok(billing, list.text);
    assert.equal(billing.getChildText('type'), 'CUSTOM');
    const entries = [billing.getChild('header'), ...billing.getChildren('column')]
      .flatMap((c) => c?.getChildren('entry') ?? []).map((e) => `${e.getChildText('mediaProperty')}:${e.getChildText('displayName')}`);
    assert.deepEqual(entries, ['callVariable3:Invoice', 'callVariable4:Amount due']);
  });

  describe('on the agent desktop', () => {
    let desk: Desk;
    let variables: FrameLocator;

    before(async () => {
      // The call variables gadget joins the agent layout beside the call control.
      const current = await fx.call('GET', '/LayoutConfig/default', { as: ADMIN });
      const layout = current.xml?.getChildText('layoutxml') ?? '';
      const callControl = '<gadget>/desktop/scripts/js/callcontrol.js</gadget>';
      assert.ok(layout.includes(callControl), layout);
      const changed = layout.replace(callControl, `${callControl}<gadget>/desktop/scripts/js/callvariables.js</gadget>`);
      const escaped = changed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      const put = await fx.call('PUT', '/LayoutConfig/default', { body: `<LayoutConfig><layoutxml>${escaped}</layoutxml></LayoutConfig>` });
      assert.equal(put.status, 200, put.text);
    });

    test('the default layout changed through the page relabels the call data in the call variables gadget', async () => {
      const current = await fx.call('GET', '/MediaPropertiesLayout/default', { as: ADMIN });
      const xml = current.text.replace('<displayName>Customer</displayName>', '<displayName>Account holder</displayName>');
      assert.notEqual(xml, current.text, 'the seeded default layout labels callVariable1 Customer');
      await saveXml('media-layouts', 'media-properties-layout-xml', xml.replace(/^<\?xml[^>]*>\s*/, ''), 'Default Layout (default)');
      await done('The media properties layout was saved.');

      desk = await signInDesktop(browser, fx, 'agent1', '1001');
      variables = desk.page.frameLocator('iframe[src*="callvariables.js"]');
      await variables.locator('text=No call.').waitFor();
      await desk.page.selectOption('#state-select', 'READY');
      await headerState(desk.page, 'Ready');
      await placeLabCall(fx, '+14085550181', '7001', { callVariable1: 'acct-81' });
      const row = variables.locator('dl.call-variables div[data-property="callVariable1"]');
      await row.waitFor();
      assert.equal(await row.locator('dt').innerText(), 'Account holder');
      assert.equal(await row.locator('dd').innerText(), 'acct-81');
      assert.equal(await callCard(desk, 'ALERTING').locator('dd[data-property="Account holder"]').innerText(), 'acct-81');
      await callCard(desk, 'ALERTING').locator('button[data-action="ANSWER"]').click();
      await callCard(desk, 'ACTIVE').locator('button[data-action="DROP"]').click();
      await callCard(desk, 'WRAP_UP').locator('button[data-action="READY"]').click();
      await headerState(desk.page, 'Ready');
    });

    test('a call whose user.layout names the custom layout is shown with that layout', async () => {
      await placeLabCall(fx, '+14085550182', '7001', { callVariable1: 'acct-82', callVariable3: 'INV-1009', callVariable4: '42.50' },
        { 'user.layout': 'Billing' });
      const list = variables.locator('dl.call-variables');
      await list.locator('div[data-property="callVariable3"] dd', { hasText: 'INV-1009' }).waitFor();
      const labels = await list.locator('div[data-property] dt').allInnerTexts();
      assert.deepEqual(labels.slice(0, 2), ['Invoice', 'Amount due']);
      const ringing = callCard(desk, 'ALERTING');
      assert.equal(await ringing.locator('dd[data-property="Invoice"]').innerText(), 'INV-1009');
      assert.equal(await ringing.locator('dd[data-property="Amount due"]').innerText(), '42.50');
      assert.equal(await ringing.locator('dd[data-property="Account holder"]').count(), 0, 'the default layout is not used for this call');
    });
  });
});
