// The administration console in Chromium: an administrator signs in at /cfadmin/ and adds a reason code and a
// wrap-up reason through the page, which the REST API then lists; an API refusal is shown in plain words and the
// page keeps working; a phone book and a contact in it are added; a gadget proxy host is allowed through the page
// and a bad one refused; a team's own desktop layout is stored through the page and reaches that team's agent at
// sign-in while another team's agent gets the default; a wrong password and an agent are refused at sign-in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { parseXml, type Element } from '../../src/shared/xml/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { basicAuth } from '../support/test-node.ts';
import { ADMIN, AGENT, startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const labelsOf = (res: { xml: { getChildren(name: string): { getChildText(name: string): string | null }[] } | undefined }, item: string) =>
  res.xml?.getChildren(item).map((e) => e.getChildText('label')) ?? [];

describe('/cfadmin/ in Chromium', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let adminUrl: string;

  before(async () => {
    fx = await startWebNode();
    browser = await launchChromium();
    adminUrl = fx.baseUrl.replace(/\/finesse\/api$/, '/cfadmin/');
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  /** GET /cfadmin/api/ProxyAllowList as the administrator. */
  async function allowList(): Promise<Element> {
    const res = await fetch(adminUrl.replace(/\/$/, '/api/ProxyAllowList'), { headers: { authorization: basicAuth(ADMIN) } });
    assert.equal(res.status, 200);
    const parsed = parseXml(await res.text());
    assert.ok(parsed.ok);
    return parsed.root;
  }

  async function signIn(userid: string, password: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(adminUrl);
    await page.fill('#signin-id', userid);
    await page.fill('#signin-password', password);
    await page.click('button[data-action="sign-in"]');
    return page;
  }

  describe('as the administrator', () => {
    let page: Page;
    before(async () => {
      page = await signIn(ADMIN, TEST_PASSWORD);
      await page.waitForSelector('nav.admin-nav button[data-section="reason-codes"][aria-current="true"]');
    });
    after(() => page?.close());

    test('adds a Not Ready reason code that the REST API then lists', async () => {
      await page.waitForSelector('form.admin-form');
      await page.selectOption('#reason-code-category', 'NOT_READY');
      await page.fill('#reason-code-code', '77');
      await page.fill('#reason-code-label', 'Coaching session');
      await page.click('form.admin-form button[data-action="save"]');
      await page.waitForSelector('.admin-message[data-kind="done"]:has-text("The reason code was added.")');
      await page.waitForSelector('table.admin-table td:has-text("Coaching session")');
      const res = await fx.call('GET', '/ReasonCodes?category=NOT_READY', { as: ADMIN });
      assert.equal(res.status, 200);
      const added = res.xml?.getChildren('ReasonCode').find((rc) => rc.getChildText('label') === 'Coaching session');
      assert.ok(added, res.text);
      assert.equal(added.getChildText('code'), '77');
      assert.equal(added.getChildText('forAll'), 'true');
    });

    test('an API refusal is shown in plain words and the next save works', async () => {
      await page.fill('#reason-code-code', '1000');
      await page.fill('#reason-code-label', 'Too high');
      await page.click('form.admin-form button[data-action="save"]');
      const alert = await page.waitForSelector('.admin-message[data-kind="error"]');
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.equal(await alert.textContent(), 'Could not save the reason code: The reason code must be a number from 1 to 999.');
      const res = await fx.call('GET', '/ReasonCodes?category=ALL', { as: ADMIN });
      assert.ok(!labelsOf(res, 'ReasonCode').includes('Too high'));
      await page.fill('#reason-code-code', '78');
      await page.click('form.admin-form button[data-action="save"]');
      await page.waitForSelector('table.admin-table td:has-text("Too high")');
    });

    test('adds a wrap-up reason that the REST API then lists', async () => {
      await page.click('nav.admin-nav button[data-section="wrap-up-reasons"]');
      await page.waitForSelector('#wrap-up-reason-label');
      await page.fill('#wrap-up-reason-label', 'Billing dispute');
      await page.click('form.admin-form button[data-action="save"]');
      await page.waitForSelector('.admin-message[data-kind="done"]:has-text("The wrap-up reason was added.")');
      const res = await fx.call('GET', '/WrapUpReasons', { as: ADMIN });
      assert.ok(labelsOf(res, 'WrapUpReason').includes('Billing dispute'), res.text);
    });

    test('adds a phone book and a contact in it, which the REST API then lists', async () => {
      await page.click('nav.admin-nav button[data-section="phone-books"]');
      await page.waitForSelector('#phone-book-name');
      await page.fill('#phone-book-name', 'Partners');
      await page.click('form.admin-form button[data-action="save"]');
      await page.click('table.admin-table tr:has(td:text-is("Partners")) button:text-is("Contacts")');
      await page.waitForSelector('#contact-phoneNumber');
      await page.fill('#contact-firstName', 'Ann');
      await page.fill('#contact-lastName', 'Lee');
      await page.fill('#contact-phoneNumber', '+14085550123');
      await page.click('form.admin-form button[data-action="save"]');
      await page.waitForSelector('.admin-message[data-kind="done"]:has-text("The contact was added.")');
      const books = await fx.call('GET', '/PhoneBooks', { as: ADMIN });
      const uri = books.xml?.getChildren('PhoneBook').find((b) => b.getChildText('name') === 'Partners')?.getChildText('uri');
      assert.ok(uri, books.text);
      const contacts = await fx.call('GET', `${uri.replace(/^\/finesse\/api/, '')}/Contacts`, { as: ADMIN });
      const contact = contacts.xml?.getChild('Contact');
      assert.deepEqual([contact?.getChildText('firstName'), contact?.getChildText('lastName'), contact?.getChildText('phoneNumber')],
        ['Ann', 'Lee', '+14085550123']);
    });

    test('allows a gadget proxy host; a bad one is refused in plain words and changes nothing', async () => {
      await page.click('nav.admin-nav button[data-section="proxy-allow-list"]');
      await page.waitForSelector('#proxy-host');
      await page.fill('#proxy-host', 'CRM.example.com:8443');
      await page.click('form.admin-form button[data-action="save"]');
      await page.waitForSelector('li[data-host="crm.example.com:8443"]');
      const allowed = await allowList();
      assert.deepEqual(allowed.getChildren('host').map((h) => h.getText()), ['crm.example.com:8443']);
      await page.fill('#proxy-host', 'not a host');
      await page.click('form.admin-form button[data-action="save"]');
      const alert = await page.waitForSelector('.admin-message[data-kind="error"]');
      assert.match(await alert.textContent() ?? '', /^Could not save the allowed hosts: /);
      assert.equal((await allowList()).toString(), allowed.toString());
    });

    test('a team layout stored through the page reaches that team\'s agent; another team\'s agent gets the default', async () => {
      await page.click('nav.admin-nav button[data-section="desktop-layouts"]');
      await page.waitForSelector('#layout-scope');
      await page.selectOption('#layout-scope', { label: 'Team Sales' });
      await page.waitForSelector('#team-layout-default');
      await page.uncheck('#team-layout-default');
      await page.fill('#team-layout-xml', '<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role>'
        + '<tabs><tab><id>salesDesk</id><label>Sales desk</label><gadgets><gadget>/desktop/scripts/js/phonebooks.js</gadget>'
        + '</gadgets></tab></tabs></layout></finesseLayout>');
      await page.click('form.admin-xml button[data-action="save"]');
      await page.waitForSelector('.admin-message[data-kind="done"]:has-text("The layout of Sales was saved.")');
      assert.deepEqual(await agentTabs('agent3', '1003'), ['panel_salesDesk']);
      assert.deepEqual(await agentTabs('agent7', '1007'), ['panel_home', 'panel_myStatistics', 'panel_contacts']);
    });
  });

  /** Signs an agent in on the container page and answers the ids of its tab panels. */
  async function agentTabs(userid: string, extension: string): Promise<string[]> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(adminUrl.replace(/\/cfadmin\/$/, '/desktop/container/'));
      await page.fill('#signin-userId', userid);
      await page.fill('#signin-password', TEST_PASSWORD);
      await page.fill('#signin-extension', extension);
      await page.click('#signin-submit');
      await page.waitForSelector('#desktop[data-role="Agent"] div.tab-panel');
      return await page.$$eval('div.tab-panel', (panels) => panels.map((p) => p.id));
    } finally {
      await context.close();
    }
  }

  test('a wrong password is refused in plain words', async () => {
    const page = await signIn(ADMIN, 'not-the-password');
    try {
      const alert = await page.waitForSelector('.admin-signin [role="alert"]:not([hidden])');
      assert.equal(await alert.textContent(), 'The id or password is not correct.');
      assert.equal(await page.$('nav.admin-nav'), null);
    } finally {
      await page.close();
    }
  });

  test('an agent cannot open the console', async () => {
    const page = await signIn(AGENT, TEST_PASSWORD);
    try {
      const alert = await page.waitForSelector('.admin-signin [role="alert"]:not([hidden])');
      assert.equal(await alert.textContent(), 'This console is for administrators only. Sign in with an administrator account.');
      assert.equal(await page.$('nav.admin-nav'), null);
    } finally {
      await page.close();
    }
  });
});
