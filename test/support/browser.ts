// Debian's Chromium through playwright-core, for the desktop's browser tests (test/browser/). A test suite skips,
// saying why, when Chromium is missing; .ci/run installs it.
import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = await access(CHROMIUM).then(() => false, () => true);
/** For describe(..., { skip }) */
export const skipWithoutChromium: string | false = chromiumMissing ? `${CHROMIUM} is missing (apt-get install chromium)` : false;

export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
