// Where the browser code built from desktop/ lives (desktop/build.ts, `npm run build:desktop`): one plain script
// per bundle. Shared because two services serve bundles: `web` (the desktop) and `notify` (the tunnel page).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESKTOP_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/desktop');

/** The built file of a bundle: `finesse` → dist/desktop/finesse.js. */
export const bundleFile = (bundle: string): string => path.join(DESKTOP_DIST, `${bundle}.js`);
