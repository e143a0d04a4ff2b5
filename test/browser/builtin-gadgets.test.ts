// The built-in gadgets in Chromium, as the desktop renders them: the container page (the hub and the master
// ClientServices) mounts each through /gadgets/ifr from its layout path. A lab call to 7001 rings in agent1's call
// control with the caller's number and callVariable1 from the media properties layout; Answer makes it active, as
// REST agrees; hold and retrieve (from the keyboard) and drop follow; in wrap-up a wrap-up reason is saved and
// wrap-up ended; a call the server refuses is explained in plain words and the dial pad keeps working. The phone
// books gadget calls a contact; the supervisor's team performance gadget follows an agent and changes its state,
// and queue statistics list the supervisor's queue; a consult to that agent offers Transfer, which hands the
// caller over. Added to the layout, the call variables gadget shows a call's data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { basicAuth } from '../support/test-node.ts';
import { AGENT, startWebNode, SUPERVISOR, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const CALLER = '+14085550100';
const EXTENSION = '1001';

describe('built-in gadgets in Chromium', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let page: Page;
  let gadget: Frame;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    // A phone book for the phone books gadget, before the desktop loads it.
    const book = await fx.call('POST', '/PhoneBook', { body: '<PhoneBook><name>Colleagues</name><type>GLOBAL</type></PhoneBook>' });
    assert.equal(book.status, 200, book.text);
    const bookPath = new URL(book.headers.get('location') ?? '').pathname.replace(/^\/finesse\/api/, '');
    const contact = await fx.call('POST', `${bookPath}/Contacts`, {
      body: '<Contact><firstName>Ben</firstName><lastName>Okafor</lastName><phoneNumber>1002</phoneNumber><description>Sales</description></Contact>',
    });
    assert.equal(contact.status, 200, contact.text);
    browser = await launchChromium();
    ({ page, gadget } = await openDesktop(AGENT, EXTENSION, 'callcontrol.js'));
    await gadget.waitForSelector('.idle', { timeout: 15_000 });
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  /** Signs in on the container page and returns the document of the gadget whose layout path ends in `script`. */
  async function openDesktop(userid: string, extension: string, script: string): Promise<{ page: Page; gadget: Frame }> {
    const opened = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await opened.goto(fx.baseUrl.replace(/\/finesse\/api$/, '/desktop/container/'));
    await opened.fill('#signin-userId', userid);
    await opened.fill('#signin-password', TEST_PASSWORD);
    await opened.fill('#signin-extension', extension);
    await opened.click('#signin-submit');
    const iframe = await opened.waitForSelector(`iframe[src*="${script}"]`, { state: 'attached', timeout: 15_000 });
    const frame = await iframe.contentFrame();
    assert.ok(frame, `the ${script} iframe has a document`);
    return { page: opened, gadget: frame };
  }

  let requests = 0;
  /** PUTs a User state as that user and waits for its notification (matched by requestId: the history is kept). */
  async function putState(userid: string, body: string, state: string): Promise<void> {
    const requestId = `gadget-test-${++requests}`;
    const res = await fx.call('PUT', `/User/${userid}`, { as: userid, body, headers: { requestId } });
    assert.equal(res.status, 202, res.text);
    await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${userid}` && u.xml.includes(`<requestId>${requestId}</requestId>`)
      && u.xml.includes(`<state>${state}</state>`));
  }

  const setReady = () => putState(AGENT, '<User><state>READY</state></User>', 'READY');

  test('a lab call to 7001 rings with the caller and callVariable1, and Answer makes it active', async (t) => {
    await setReady();
    const placedAt = Date.now();
    const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
      body: JSON.stringify({ from: CALLER, to: '7001', callVariables: { callVariable1: 'acct-42' } }),
    });
    assert.equal(placed.status, 201);
    // A ringing call shows within a second (measured well under); the bound leaves room for a loaded machine.
    const card = await gadget.waitForSelector('section.call-card[data-state="ALERTING"]', { timeout: 2_000 });
    t.diagnostic(`lab call placed → ringing card shown: ${Date.now() - placedAt} ms`);
    assert.equal(await card.$eval('[data-field="otherParty"]', (e) => e.textContent), CALLER);
    assert.equal(await card.$eval('dd[data-property="Customer"]', (e) => e.textContent), 'acct-42');
    assert.match(await gadget.$eval('[aria-live="assertive"]', (e) => e.textContent ?? ''), new RegExp(`Incoming call from \\${CALLER}`));
    const dialogId = await card.getAttribute('data-dialog-id');
    assert.match(dialogId ?? '', /^[0-9]+$/);

    await gadget.click(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="ANSWER"]`);
    await gadget.waitForSelector(`section.call-card[data-dialog-id="${dialogId}"][data-state="ACTIVE"]`, { timeout: 5_000 });
    const dialog = await fx.call('GET', `/Dialog/${dialogId}`, { as: AGENT });
    assert.equal(dialog.xml?.getChildText('state'), 'ACTIVE');
    for (const action of ['HOLD', 'DROP', 'CONSULT_CALL']) {
      assert.ok(await gadget.$(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="${action}"]`), `${action} is offered`);
    }
    assert.equal(await gadget.$(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="ANSWER"]`), null);

    // Hold and retrieve from the keyboard: focus moves from Hold to Retrieve, which Enter presses again.
    const focusedAction = () => gadget.evaluate(() => document.activeElement?.getAttribute('data-action'));
    await gadget.focus(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="HOLD"]`);
    await page.keyboard.press('Enter');
    await gadget.waitForSelector(`section.call-card[data-dialog-id="${dialogId}"][data-state="HELD"]`, { timeout: 5_000 });
    assert.equal(await focusedAction(), 'RETRIEVE');
    await page.keyboard.press('Enter');
    await gadget.waitForSelector(`section.call-card[data-dialog-id="${dialogId}"][data-state="ACTIVE"]`, { timeout: 5_000 });
    await gadget.click(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="DROP"]`);
  });

  test('in wrap-up the agent picks a wrap-up reason and ends wrap-up', async () => {
    const card = await gadget.waitForSelector('section.call-card[data-state="WRAP_UP"]', { timeout: 5_000 });
    const dialogId = await card.getAttribute('data-dialog-id');
    const reasons = await card.$$eval('select option', (options) => options.map((o) => o.textContent));
    assert.ok(reasons.includes('Resolved'), `wrap-up reasons offered: ${reasons.join(', ')}`);
    await gadget.selectOption(`section.call-card[data-dialog-id="${dialogId}"] select`, 'Resolved');
    await gadget.click(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="UPDATE_CALL_DATA"]`);
    await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${AGENT}/Dialogs` && u.xml.includes('<wrapUpReason>Resolved</wrapUpReason>'));
    assert.equal(await gadget.$('.poise-error'), null);
    await gadget.click(`section.call-card[data-dialog-id="${dialogId}"] button[data-action="READY"]`);
    await gadget.waitForSelector('.idle', { timeout: 5_000 });
    const user = await fx.call('GET', `/User/${AGENT}`, { as: AGENT });
    assert.equal(user.xml?.getChildText('state'), 'READY');
  });

  test('a call the server refuses is explained in plain words', async () => {
    await gadget.fill('#make-call-number', EXTENSION); // calling oneself: 400 Invalid Destination
    await gadget.click('button[data-action="MAKE_CALL"]');
    const alert = await gadget.waitForSelector('.poise-error[role="alert"]', { timeout: 5_000 });
    assert.match(await alert.textContent() ?? '', /^Could not make the call: that number cannot be reached from here/);
    assert.ok(await gadget.$('button[data-action="MAKE_CALL"]'), 'the dial pad is still there');
  });
  test('phone books: a search finds the contact and Call rings its number from the call control', async () => {
    await page.click('#tab_contacts');
    const books = await (await page.waitForSelector('iframe[src*="phonebooks.js"]')).contentFrame();
    assert.ok(books);
    await books.waitForSelector('tr[data-number="1002"]', { timeout: 5_000 });
    await books.fill('#phone-book-search', 'nobody');
    await books.waitForSelector('text=No contact matches.');
    await books.fill('#phone-book-search', 'okaf');
    await books.click('tr[data-number="1002"] button[data-action="MAKE_CALL"]');
    // the card may show before the Dialog update that names the other party
    const card = await gadget.waitForSelector('section.call-card [data-field="otherParty"]:text-is("1002")', { timeout: 5_000 });
    assert.equal(await card.textContent(), '1002');
    await gadget.click('section.call-card button[data-action="DROP"]');
    await gadget.waitForSelector('.idle', { timeout: 5_000 });
  });

  test('supervisor: team performance follows an agent and changes its state; queue statistics list the queue', async () => {
    const { page: supervisorPage, gadget: team } = await openDesktop(SUPERVISOR, '1101', 'teamPerformance.js');
    try {
      await supervisorPage.click('#tab_manageTeam');
      await team.waitForSelector('tr[data-agent-id="agent2"][data-state="LOGOUT"]', { timeout: 15_000 });
      await putState('agent2', '<User><state>LOGIN</state><extension>1002</extension></User>', 'NOT_READY');
      await team.waitForSelector('tr[data-agent-id="agent2"][data-state="NOT_READY"]', { timeout: 5_000 });
      await team.click('#agent-agent2');
      await team.click('button[data-action="READY"]');
      await team.waitForSelector('tr[data-agent-id="agent2"][data-state="READY"]', { timeout: 5_000 });
      assert.equal((await fx.call('GET', '/User/agent2', { as: 'agent2' })).xml?.getChildText('state'), 'READY');
      await team.click('button[data-action="LOGOUT"]');
      await team.waitForSelector('tr[data-agent-id="agent2"][data-state="LOGOUT"]', { timeout: 5_000 });
      assert.equal(await team.$('.poise-error'), null);

      // Queue statistics on the Queue Data tab: the Sales CSQ with its figures.
      await supervisorPage.click('#tab_queueData');
      const queues = await (await supervisorPage.waitForSelector('iframe[src*="queueStatistics.js"]')).contentFrame();
      assert.ok(queues);
      const row = await queues.waitForSelector('tr[data-queue-id]', { timeout: 5_000 });
      assert.equal(await row.$eval('th', (e) => e.textContent), 'Sales');
      assert.equal(await row.getAttribute('data-waiting'), '0');
    } finally {
      await supervisorPage.close();
    }
  });
  test('consult agent2, then Transfer: the held call offers Transfer and Conference, and both calls leave', async () => {
    await gadget.waitForSelector('.idle', { timeout: 5_000 });
    await setReady();
    await fetch(`${fx.cmUrl}/lab/calls`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
      body: JSON.stringify({ from: CALLER, to: '7001', callVariables: { callVariable1: 'acct-43' } }),
    });
    const ringing = await gadget.waitForSelector('section.call-card[data-state="ALERTING"]', { timeout: 5_000 });
    const original = await ringing.getAttribute('data-dialog-id');
    await gadget.click(`section.call-card[data-dialog-id="${original}"] button[data-action="ANSWER"]`);
    await gadget.waitForSelector(`section.call-card[data-dialog-id="${original}"][data-state="ACTIVE"]`, { timeout: 5_000 });
    // agent2 becomes available only now, so the routed call went to agent1.
    await putState('agent2', '<User><state>LOGIN</state><extension>1002</extension></User>', 'NOT_READY');
    await putState('agent2', '<User><state>READY</state></User>', 'READY');

    await gadget.fill(`#consult-${original}`, '1002');
    await gadget.click(`section.call-card[data-dialog-id="${original}"] button[data-action="CONSULT_CALL"]`);
    await gadget.waitForSelector(`section.call-card[data-dialog-id="${original}"][data-state="HELD"]`, { timeout: 5_000 });
    const consultCard = await gadget.waitForSelector(`section.call-card:not([data-dialog-id="${original}"])`, { timeout: 5_000 });
    const consult = await consultCard.getAttribute('data-dialog-id');
    assert.equal(await consultCard.$eval('[data-field="otherParty"]', (e) => e.textContent), '1002');
    const answer = await fx.call('PUT', `/Dialog/${consult}`, {
      as: 'agent2', body: '<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>1002</targetMediaAddress></Dialog>',
    });
    assert.equal(answer.status, 202, answer.text);
    await gadget.waitForSelector(`section.call-card[data-dialog-id="${original}"] button[data-action="CONFERENCE"]`, { timeout: 5_000 });
    await gadget.click(`section.call-card[data-dialog-id="${original}"] button[data-action="TRANSFER"]`);
    await gadget.waitForFunction((ids) => ids.every((id) => {
      const card = document.querySelector(`section.call-card[data-dialog-id="${id}"]`);
      return !card || card.getAttribute('data-state') === 'WRAP_UP';
    }), [original, consult], { timeout: 5_000 });
    const agent2Dialogs = await fx.call('GET', '/User/agent2/Dialogs', { as: 'agent2' });
    assert.match(agent2Dialogs.text, new RegExp(`<id>${original}</id>`), 'agent2 now has the caller');
  });
  test('call variables: added to the agent layout, it shows the call data of agent3\'s call', async () => {
    const current = await fx.call('GET', '/LayoutConfig/default', { as: AGENT });
    const layout = current.xml?.getChildText('layoutxml') ?? '';
    const page = '<page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>';
    assert.ok(layout.includes(page), layout);
    const changed = layout.replace(page, '<page><gadget>/desktop/scripts/js/callcontrol.js</gadget><gadget>/desktop/scripts/js/callvariables.js</gadget></page>');
    const escaped = changed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const put = await fx.call('PUT', '/LayoutConfig/default', { body: `<LayoutConfig><layoutxml>${escaped}</layoutxml></LayoutConfig>` });
    assert.equal(put.status, 200, put.text);
    const { page: agent3Page, gadget: variables } = await openDesktop('agent3', '1003', 'callvariables.js');
    try {
      await variables.waitForSelector('text=No call.', { timeout: 15_000 });
      await putState('agent3', '<User><state>READY</state></User>', 'READY');
      await fetch(`${fx.cmUrl}/lab/calls`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
        body: JSON.stringify({ from: '+14085550111', to: '7001', callVariables: { callVariable1: 'acct-77', callVariable4: 'gold' } }),
      });
      const data = await variables.waitForSelector('dl.call-variables', { timeout: 5_000 });
      assert.equal(await data.$eval('div[data-property="callVariable1"] dt', (e) => e.textContent), 'Customer');
      assert.equal(await data.$eval('div[data-property="callVariable1"] dd', (e) => e.textContent), 'acct-77');
      assert.equal(await data.$eval('div[data-property="callVariable4"] dd', (e) => e.textContent), 'gold');
      assert.equal(await data.$eval('div[data-property="queueName"] dd', (e) => e.textContent), 'Sales');
    } finally {
      await agent3Page.close();
    }
  });
});
