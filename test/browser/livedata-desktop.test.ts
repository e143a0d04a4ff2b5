// The Live Data gadgets on the supervisor's desktop, in Chromium against a real node: the Team Data tab's grids
// follow the team's agents live; one Socket.IO connection serves every Live Data gadget of the desktop; under lab
// load the Queue Data tab's CSQ Summary and chart move, and once the load is over the grid's figures equal the
// engine's. Screenshots of the supervisor's desktop go to docs/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { isLivedataService, type LivedataService } from '../../src/livedata/index.ts';
import { setEveryCsqWrapUp } from '../support/adminapi.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';
import { basicAuth } from '../support/test-node.ts';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');
/** The screenshots in docs/ are taken again only when asked: POISE_DESKTOP_SCREENSHOT=1. */
const screenshot = (page: Page, name: string) =>
  process.env.POISE_DESKTOP_SCREENSHOT === '1' ? page.screenshot({ path: path.join(DOCS, name) }) : Promise.resolve();
const STEP_MS = 20_000;
const ROBOT_AGENTS = ['agent3', 'agent4', 'agent5'];

describe('Live Data on the supervisor desktop', { skip: skipWithoutChromium, timeout: 150_000 }, () => {
  let fx: WebFixture;
  let livedata: LivedataService;
  let browser: Browser;
  let page: Page;

  const lab = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${fx.cmUrl}/lab${path}`, {
      method, headers: { authorization: basicAuth('admin'), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} /lab${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) as Record<string, unknown> : {};
  };
  const setState = async (userId: string, state: string, extra = '') => {
    const res = await fx.call('PUT', `/User/${userId}`, { as: userId, body: `<User><state>${state}</state>${extra}</User>` });
    assert.equal(res.status, 202, res.text);
    await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${userId}` && u.xml.includes(`<state>${state === 'LOGIN' ? 'NOT_READY' : state}</state>`));
  };
  /**
   * Shows a tab and waits for its panel. The click event goes to the tab itself: a click by position can land beside
   * it while a busy page is still laying out the header above the tab bar.
   */
  const showTab = async (tabId: string) => {
    await page.locator(`#tab_${tabId}`).dispatchEvent('click');
    await page.locator(`#panel_${tabId}`).waitFor({ state: 'visible' });
  };
  /** The Live Data gadget of a report in a tab, found by its root's data-report. */
  const gadget = async (tabId: string, report: string, display = 'grid'): Promise<FrameLocator> => {
    const frames = page.locator(`#panel_${tabId} iframe`);
    for (let i = 0; i < await frames.count(); i++) {
      const frame = page.frameLocator(`#panel_${tabId} iframe >> nth=${i}`);
      const root = frame.locator(`section.ld-gadget[data-report="${report}"]`);
      if (await root.count() > 0 && (display === 'chart') === (await root.locator('.ld-chart').count() > 0)) return frame;
    }
    throw new Error(`no ${report} ${display} gadget in tab ${tabId}`);
  };
  const cell = (frame: FrameLocator, key: string, column: string) => frame.locator(`tr[data-key="${key}"] [data-column="${column}"]`);

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    const found = fx.node.services.find(isLivedataService);
    assert.ok(found, 'the node runs Live Data');
    livedata = found;
    // The demo CSQs wrap up for 30 s, and a call counts as handled only after it: 1 s here.
    await setEveryCsqWrapUp(new URL(fx.baseUrl).origin, 1);
    for (const [i, agent] of ROBOT_AGENTS.entries()) {
      await setState(agent, 'LOGIN', `<extension>${1003 + i}</extension>`);
      await setState(agent, 'READY');
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${new URL(fx.baseUrl).origin}/desktop/container/`);
    await page.fill('#signin-userId', 'supervisor1');
    await page.fill('#signin-password', TEST_PASSWORD);
    await page.fill('#signin-extension', '1101');
    await page.click('#signin-submit');
    await page.waitForSelector('#desktop[data-role="Supervisor"]');
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  test('Team Data: the team\'s agents in the Team State grid, a state change shown live', async () => {
    await showTab('teamData');
    const teamState = await gadget('teamData', 'teamState');
    // The first rows wait for the desktop's Live Data connection: allow for a busy machine, and say what the gadget said.
    await cell(teamState, 'agent3', 'state').filter({ hasText: 'Ready' }).waitFor({ timeout: 3 * STEP_MS }).catch(async (err: unknown) => {
      throw new Error(`no Team State rows; the gadget says "${await teamState.locator('.ld-status').innerText()}"`, { cause: err });
    });
    assert.equal(await cell(teamState, 'agent6', 'state').count(), 0, 'another team\'s agent is not shown');
    await setState('agent3', 'NOT_READY', '<reasonCodeId>1</reasonCodeId>');
    await cell(teamState, 'agent3', 'state').filter({ hasText: 'Not Ready' }).waitFor();
    assert.match(await cell(teamState, 'agent3', 'state').getAttribute('class') ?? '', /ld-state-not_ready/);
    await setState('agent3', 'READY');
    await cell(teamState, 'agent3', 'state').filter({ hasText: 'Ready' }).waitFor();
    const summary = await gadget('teamData', 'teamSummary');
    await summary.locator('tr[data-key] [data-column="ready"]').filter({ hasText: '3' }).waitFor();
    await screenshot(page, 'desktop-supervisor-team-data.png');
  });

  test('every Live Data gadget of the desktop shares one Socket.IO connection', async () => {
    assert.ok(await page.locator('iframe').count() > 5);
    assert.equal(livedata.server.clientCount, 1);
  });

  test('Queue Data under lab load: the CSQ Summary and the chart move, and settle on the engine\'s figures', async () => {
    await showTab('queueData');
    const summary = await gadget('queueData', 'voiceCsqSummary');
    const chart = await gadget('queueData', 'voiceCsqSummary', 'chart');
    const run = await lab('POST', '/load', {
      seed: 7, callsPerSecond: 1, totalCalls: 8, routePoints: [{ dn: '7001', weight: 1 }],
      ahtSec: 2, ahtDistribution: 'fixed', answerDelaySec: 0.3, agents: ROBOT_AGENTS.map((_, i) => `SEP00000000${1003 + i}`),
    });
    const handled = summary.locator('tr[data-key] [data-column="handled"]');
    await handled.filter({ hasText: /^[1-9]/ }).first().waitFor();
    await chart.locator('.ld-chart-summary', { hasText: 'waiting now' }).waitFor();
    assert.ok(await chart.locator('canvas').count() > 0, 'the chart is drawn');
    // The chart moves with the load: the plotted series gains points (one per 5 s) as rows keep coming.
    const plotted = async () => ({
      points: Number(await chart.locator('.ld-chart').getAttribute('data-points') ?? 0),
      lastAt: Number(await chart.locator('.ld-chart').getAttribute('data-last-at') ?? 0),
    });
    const first = await plotted();
    assert.ok(first.points >= 1, `points plotted: ${first.points}`);
    const grows = Date.now() + 30_000;
    while ((await plotted()).points <= first.points && Date.now() < grows) await new Promise((r) => setTimeout(r, 250));
    const later = await plotted();
    assert.ok(later.points > first.points, `the series stayed at ${first.points} points`);
    assert.ok(later.lastAt > first.lastAt, 'the newest point is later');
    await screenshot(page, 'desktop-supervisor-queue-data.png');
    // Let the run finish and the agents leave wrap-up, then compare with the engine.
    const deadline = Date.now() + 60_000;
    while ((await lab('GET', `/load/${String(run.runId)}`)).state !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const stats = await fetch(`${new URL(fx.baseUrl).origin}/adminapi/poise/stats/csq`, { headers: { authorization: basicAuth('admin') } });
    assert.equal(stats.status, 200);
    const { csqs } = await stats.json() as { csqs: Array<{ today: { handled: number } }> };
    const total = csqs.reduce((sum, c) => sum + c.today.handled, 0);
    assert.ok(total > 0, JSON.stringify(csqs));
    const shown = async () => (await handled.allInnerTexts()).reduce((sum, t) => sum + (Number(t) || 0), 0);
    const until = Date.now() + STEP_MS;
    while (await shown() !== total && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await shown(), total, 'the grid shows the engine\'s handled calls');
  });
});
