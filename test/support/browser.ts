// Debian's Chromium through playwright-core, for the desktop's browser tests (test/browser/). A test suite skips,
// saying why, when Chromium is missing; .ci/run installs it.
import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = await access(CHROMIUM).then(() => false, () => true);
/** For describe(..., { skip }) */
export const skipWithoutChromium: string | false = chromiumMissing ? `${CHROMIUM} is missing (apt-get install chromium)` : false;

export const launchChromium = (extraArgs: readonly string[] = []): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
});

/**
 * A page fulfilled by `page.route` has no address, so Chromium counts it as public and blocks its requests to
 * 127.0.0.1 on other ports (Local Network Access); a desktop served by the node itself is local and is not blocked.
 */
export const ALLOW_LOCAL_NETWORK_FROM_ROUTED_PAGES = '--disable-features=LocalNetworkAccessChecks';

/**
 * Playwright waits without a deadline for some calls (a new context or page, evaluate, close); bounds one, so that a
 * browser that stops answering fails the step it hung in, by name, instead of the whole suite's timeout.
 */
export async function withinMs<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from Chromium in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
