// The agent desktop in Chromium against a test node: sign in on the container page, reach the call control, place
// lab calls and read the call manager's lab events and the REST view of an agent.
import assert from 'node:assert/strict';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Element } from '../../src/shared/xml/index.ts';
import { withinMs } from './browser.ts';
import { basicAuth } from './test-node.ts';
import { TEST_PASSWORD, type WebFixture } from './web.ts';

export const STEP_MS = 20_000;

export interface Desk { page: Page; callControl: FrameLocator }

export interface SignInOptions { viewport?: { width: number; height: number } }

/** A page in a context of its own. Chromium now and then never answers a new page on a loaded machine: a second try. */
async function newPageOwnContext(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const context = await withinMs(STEP_MS, 'a new browser context', browser.newContext({ viewport }));
    try {
      return await withinMs(STEP_MS / 2, 'a new page', context.newPage());
    } catch (err) {
      void context.close().catch(() => undefined);
      if (attempt === 2) throw err;
    }
  }
}

/** Signs in on the container page in a context of its own; resolves once the header shows Not Ready. */
export async function signInDesktop(browser: Browser, fx: WebFixture, userid: string, extension: string,
                                    options: SignInOptions = {}): Promise<Desk> {
  const page = await newPageOwnContext(browser, options.viewport ?? { width: 1280, height: 720 });
  page.setDefaultTimeout(STEP_MS);
  await page.goto(`${new URL(fx.baseUrl).origin}/desktop/container/`);
  await page.fill('#signin-userId', userid);
  await page.fill('#signin-password', TEST_PASSWORD);
  await page.fill('#signin-extension', extension);
  await page.click('#signin-submit');
  await page.waitForSelector('#desktop');
  await headerState(page, 'Not Ready');
  return { page, callControl: page.frameLocator('section.page-gadgets iframe[src*="callcontrol.js"]').first() };
}

export const headerState = (page: Page, words: string): Promise<unknown> =>
  page.waitForFunction((w) => document.getElementById('agent-state')?.textContent === w, words);

/** The call cards of a desk, or those in one participant state. */
export const callCard = (desk: Desk, state?: string) =>
  desk.callControl.locator(state ? `section.call-card[data-state="${state}"]` : 'section.call-card');

/** A customer at `from` calls `to` through the lab API, with call variables and ECC variables; answers the lab's call id. */
export async function placeLabCall(fx: WebFixture, from: string, to: string, callVariables: Record<string, string> = {},
                                   ecc: Record<string, string> = {}): Promise<string> {
  const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
    method: 'POST', headers: { authorization: basicAuth('admin'), 'content-type': 'application/json' },
    body: JSON.stringify({ from, to, callVariables, ecc }), signal: AbortSignal.timeout(STEP_MS),
  });
  const text = await placed.text();
  assert.equal(placed.status, 201, text);
  return String((JSON.parse(text) as { id: unknown }).id);
}

export interface LabEvent { seq: number; type: string; callId: string; address?: string; terminal?: string; digit?: string }

/** The sequence number of the call manager's latest event, to read only what follows. */
export async function labEventMark(fx: WebFixture): Promise<number> {
  const res = await fetch(`${fx.cmUrl}/lab/events?since=0&waitMs=0`, { headers: { authorization: basicAuth('admin') } });
  assert.equal(res.status, 200);
  return (await res.json() as { lastSeq: number }).lastSeq;
}

/** Long-polls the lab events after `since` until `enough` holds for those matching `pick`, and answers them. */
export async function labEventsUntil(fx: WebFixture, since: number, pick: (e: LabEvent) => boolean,
                                     enough: (picked: LabEvent[]) => boolean): Promise<LabEvent[]> {
  const picked: LabEvent[] = [];
  let seq = since;
  const deadline = Date.now() + STEP_MS;
  while (!enough(picked)) {
    assert.ok(Date.now() < deadline, `lab events so far: ${JSON.stringify(picked)}`);
    const res = await fetch(`${fx.cmUrl}/lab/events?since=${seq}&waitMs=2000`, { headers: { authorization: basicAuth('admin') } });
    assert.equal(res.status, 200);
    const body = await res.json() as { events: LabEvent[]; lastSeq: number };
    picked.push(...body.events.filter(pick));
    seq = body.lastSeq;
  }
  return picked;
}

export const restState = async (fx: WebFixture, userid: string): Promise<string | null | undefined> =>
  (await fx.call('GET', `/User/${userid}`, { as: userid })).xml?.getChildText('state');

export const restDialogs = async (fx: WebFixture, userid: string): Promise<Element[]> =>
  (await fx.call('GET', `/User/${userid}/Dialogs`, { as: userid })).xml?.getChildren('Dialog') ?? [];

/** The participants of a Dialog element as `mediaAddress state`. */
export const participantsOf = (dialog: Element | undefined): string[] =>
  dialog?.getChild('participants')?.getChildren('Participant')
    .map((p) => `${p.getChildText('mediaAddress') ?? ''} ${p.getChildText('state') ?? ''}`) ?? [];

/** REST has no event to await for some changes: asks until `check` holds (the page has already shown it). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: last seen ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
