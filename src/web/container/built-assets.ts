// The browser code built from desktop/ by desktop/build.ts (`npm run build:desktop`, run by npm install and
// before npm test): one plain script per bundle in dist/desktop/.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP_DIST } from '../../shared/desktop-dist.ts';

export { DESKTOP_DIST, bundleFile } from '../../shared/desktop-dist.ts';

/** URL prefix of every built bundle: `/desktop/assets/poise/<bundle>.js`. */
export const BUNDLE_PREFIX = '/desktop/assets/poise/';

export const bundleUrl = (bundle: string): string => `${BUNDLE_PREFIX}${bundle}.js`;

/** jQuery as Finesse serves it to gadgets (desktop-and-gadgets.md §1). */
export const JQUERY_FILE = path.join(path.dirname(fileURLToPath(import.meta.resolve('jquery/package.json'))), 'dist', 'jquery.min.js');

/** True when the desktop has been built; a node without it still serves the REST API. */
export const desktopBuilt = (): Promise<boolean> =>
  access(path.join(DESKTOP_DIST, 'finesse.js')).then(() => true, () => false);
