// Reason codes on the agent desktop, in Chromium against a real node. From the call control gadget's page, the
// finesse.js User hands out its Not Ready and sign-out reason codes (getNotReadyReasonCodes,
// getSignoutReasonCodes), a code added by the administrator meanwhile included, and one reason code by its id
// (getReasonCodeById), an unknown id failing with 404. Signing out from the header with a reason puts that
// reason on the User in REST and on the agent in the contact-center engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame } from 'playwright-core';
import { isEngineService, type EngineService } from '../../src/engine/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { signInDesktop, type Desk } from '../support/desktop-page.ts';
import { ADMIN, startWebNode, type WebFixture } from '../support/web.ts';

interface ReasonCodeData { id: string; category: string; code: string; label: string; forAll: string; uri: string }
interface ById { ok: boolean; status?: number; id?: string; label?: string; code?: string; category?: string; uri?: string }

describe('reason codes on the agent desktop', { skip: skipWithoutChromium, timeout: 120_000 }, () => {
  let fx: WebFixture;
  let engine: EngineService;
  let browser: Browser;
  let desk: Desk;
  let gadget: Frame;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    const found = fx.node.services.find(isEngineService);
    assert.ok(found, 'the node runs the engine');
    engine = found;
    browser = await launchChromium();
    desk = await signInDesktop(browser, fx, 'agent1', '1001');
    await desk.callControl.locator('.idle').waitFor();
    const frame = desk.page.frames().find((f) => f.url().includes('callcontrol.js'));
    assert.ok(frame, 'the call control has a document');
    gadget = frame;
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  /**
   * Runs `body` in the gadget page with `user`, the signed-in User loaded through that page's finesse.js, and
   * `arg`; `body` calls `done(value)`. Plain script text: the page runs it as a customer gadget's script would.
   */
  const withUser = <T>(body: string, arg: string): Promise<T> => gadget.evaluate(`new Promise((done, fail) => {
    const arg = ${JSON.stringify(arg)};
    new window.finesse.restservices.User({
      id: window.finesse.gadget.Config.id,
      onLoad: (user) => { ${body} },
      onError: () => fail(new Error('the User did not load')),
    });
  })`);

  const userReasonCodes = (method: 'getNotReadyReasonCodes' | 'getSignoutReasonCodes'): Promise<ReasonCodeData[]> =>
    withUser('user[arg]({ success: done, error: (rsp) => fail(new Error(arg + " failed: " + rsp.status)) });', method);

  test('getNotReadyReasonCodes and getSignoutReasonCodes list the codes of each category, a new one included', async () => {
    const added = await fx.call('POST', '/ReasonCode', {
      as: ADMIN, body: '<ReasonCode><category>NOT_READY</category><code>55</code><label>Coaching</label><forAll>true</forAll></ReasonCode>',
    });
    assert.equal(added.status, 200, added.text);
    const notReady = await userReasonCodes('getNotReadyReasonCodes');
    assert.deepEqual(notReady.map((rc) => rc.label), ['Break', 'Lunch', 'Meeting', 'Training', 'Coaching']);
    assert.ok(notReady.every((rc) => rc.category === 'NOT_READY' && rc.uri === `/finesse/api/ReasonCode/${rc.id}`), JSON.stringify(notReady));
    assert.equal(notReady.find((rc) => rc.label === 'Coaching')?.code, '55');
    const signOut = await userReasonCodes('getSignoutReasonCodes');
    assert.deepEqual(signOut.map((rc) => `${rc.code} ${rc.label}`), ['10 End of shift', '11 Personal']);
    assert.ok(signOut.every((rc) => rc.category === 'LOGOUT'));
  });

  test('getReasonCodeById answers one reason code, and an unknown id fails with 404', async () => {
    const [personal] = (await userReasonCodes('getSignoutReasonCodes')).filter((rc) => rc.label === 'Personal');
    assert.ok(personal);
    const byId = (id: string) => withUser<ById>(`user.getReasonCodeById({
      success: (rc) => done({ ok: true, id: rc.getId(), label: rc.getLabel(), code: rc.getCode(), category: rc.getCategory(),
        uri: rc.getRestUrl() }),
      error: (rsp) => done({ ok: false, status: rsp.status }),
    }, arg);`, id);
    assert.deepEqual(await byId(personal.id),
      { ok: true, id: personal.id, label: 'Personal', code: '11', category: 'LOGOUT', uri: `/finesse/api/ReasonCode/${personal.id}` });
    assert.deepEqual(await byId('99999'), { ok: false, status: 404 });
  });

  test('signing out from the header with a reason: REST and the engine hold that reason', async () => {
    const [personal] = (await userReasonCodes('getSignoutReasonCodes')).filter((rc) => rc.label === 'Personal');
    assert.ok(personal);
    const { page } = desk;
    await page.click('#sign-out');
    const reasons = await page.locator('#logout-reason option').allInnerTexts();
    assert.deepEqual(reasons, ['End of shift', 'Personal']);
    await page.selectOption('#logout-reason', { label: 'Personal' });
    await page.click('#logout-confirm');
    // Signed out, the desktop shows its sign-in form again.
    await page.waitForSelector('#signin-userId');
    const user = await fx.call('GET', '/User/agent1', { as: 'agent1' });
    assert.equal(user.xml?.getChildText('state'), 'LOGOUT');
    assert.equal(user.xml?.getChildText('reasonCodeId'), personal.id);
    assert.equal(user.xml?.getChild('reasonCode')?.getChildText('label'), 'Personal');
    const agent = engine.engine.agents.get('agent1');
    assert.equal(agent?.state, 'LOGOUT');
    assert.equal(agent?.reasonCode, 11);
  });
});
