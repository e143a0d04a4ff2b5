// The desktop as an agent feels it, in Debian's Chromium against one whole node on loopback:
//  - sign-in: from the click on "Sign in" to an interactive desktop (the header shows the agent's state and every
//    gadget frame of the page area and the open tab has loaded), over N sign-in/sign-out rounds (aim < 1 s);
//  - publish → painted: a state change made over REST, from the moment the web service publishes its notification
//    to the header showing it in the next animation frame (aim p99 < 100 ms), and from the REST PUT;
//  - bytes: everything the browser downloads until the desktop is interactive, cold (new profile) and warm (same
//    profile, second load: cached bundles revalidated with ETag).
//   npx tsx bench/desktop-load.ts [--rounds=10] [--changes=100]
import os from 'node:os';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { CHROMIUM } from '../test/support/browser.ts';
import { percentile, round, startBenchNode, TEST_PASSWORD } from './support/web-bench-node.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const rounds = arg('rounds', 10);
const changes = arg('changes', 100);
const AGENT = 'agent1';

const fx = await startBenchNode(0);
await fx.web.cti?.whenOpen();
const origin = new URL(fx.baseUrl).origin;
const browser = await chromium.launch({
  executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Bytes of every response the context receives (headers and body as sent), until stopped. */
function countBytes(context: BrowserContext): () => Promise<{ bytes: number; requests: number }> {
  const pending: Promise<number>[] = [];
  const onFinished = (request: Request) => {
    pending.push(request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize, () => 0));
  };
  context.on('requestfinished', onFinished);
  return async () => {
    context.off('requestfinished', onFinished);
    const sizes = await Promise.all(pending);
    return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
  };
}

async function signIn(page: Page): Promise<number> {
  await page.goto(`${origin}/desktop/container/`);
  await page.fill('#signin-userId', AGENT);
  await page.fill('#signin-password', TEST_PASSWORD);
  await page.fill('#signin-extension', '1001');
  const start = Date.now();
  await page.click('#signin-submit');
  await page.waitForFunction(() => {
    if (!document.getElementById('agent-state')?.textContent) return false;
    const frames = [...document.querySelectorAll<HTMLIFrameElement>('section.page-gadgets iframe, div.tab-panel:not([hidden]) iframe')];
    return frames.length > 0 && frames.every((f) => f.contentDocument?.readyState === 'complete' && f.contentDocument.body?.childElementCount);
  }, undefined, { timeout: 30_000, polling: 'raf' });
  return Date.now() - start;
}

async function signOut(page: Page): Promise<void> {
  await page.click('#sign-out');
  if (await page.locator('#logout-confirm').count() > 0) await page.click('#logout-confirm');
  await page.waitForSelector('#signin-userId');
}

// Sign-in rounds; the first is cold, the rest warm.
const signInMs: number[] = [];
const cold = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const coldPage = await cold.newPage();
let stopCounting = countBytes(cold);
signInMs.push(await signIn(coldPage));
const coldBytes = await stopCounting();
await signOut(coldPage);
stopCounting = countBytes(cold);
signInMs.push(await signIn(coldPage));
const warmBytes = await stopCounting();
await signOut(coldPage);
for (let i = 2; i < rounds; i++) {
  signInMs.push(await signIn(coldPage));
  await signOut(coldPage);
}

// Publish → painted: the page stamps each header change on the next animation frame.
const page = coldPage;
await signIn(page);
await page.evaluate(() => {
  const w = window as unknown as { painted: Array<{ text: string; at: number }> };
  w.painted = [];
  const target = document.getElementById('agent-state')!;
  new MutationObserver(() => {
    const text = target.textContent ?? '';
    requestAnimationFrame(() => w.painted.push({ text, at: Date.now() }));
  }).observe(target, { childList: true, characterData: true, subtree: true });
});
const fromPublish: number[] = [];
const fromPut: number[] = [];
for (let i = 0; i < changes; i++) {
  const state = i % 2 === 0 ? 'READY' : 'NOT_READY';
  const words = state === 'READY' ? 'Ready' : 'Not Ready';
  const requestId = `bench-${i}`;
  const published = fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${AGENT}` && u.xml.includes(`<requestId>${requestId}</requestId>`))
    .then(() => Date.now());
  const sent = Date.now();
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, headers: { requestId }, body: `<User><state>${state}</state>${state === 'NOT_READY' ? '<reasonCodeId>1</reasonCodeId>' : ''}</User>` });
  if (res.status !== 202) throw new Error(`PUT ${state}: ${res.status} ${res.text}`);
  const publishedAt = await published;
  const paintedAt = await page.waitForFunction((w) => {
    const list = (window as unknown as { painted: Array<{ text: string; at: number }> }).painted;
    const hit = list.find((p) => p.text.startsWith(w));
    if (hit) list.length = 0;
    return hit?.at;
  }, words, { polling: 'raf' }).then((h) => h.jsonValue() as Promise<number>);
  fromPublish.push(paintedAt - publishedAt);
  fromPut.push(paintedAt - sent);
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const s = sorted(signInMs);
const p = sorted(fromPublish);
const q = sorted(fromPut);
console.log(JSON.stringify({
  bench: 'desktop-load', rounds, changes,
  signin_cold_ms: signInMs[0], signin_warm_p50_ms: percentile(sorted(signInMs.slice(1)), 50), signin_p99_ms: percentile(s, 99),
  publish_to_paint_p50_ms: percentile(p, 50), publish_to_paint_p99_ms: percentile(p, 99), publish_to_paint_max_ms: p.at(-1),
  put_to_paint_p50_ms: percentile(q, 50), put_to_paint_p99_ms: percentile(q, 99),
  cold_kb: round(coldBytes.bytes / 1024, 1), cold_requests: coldBytes.requests,
  warm_kb: round(warmBytes.bytes / 1024, 1), warm_requests: warmBytes.requests,
  loadavg_1m: round(os.loadavg()[0] ?? 0),
}));
await browser.close();
await fx.close();
