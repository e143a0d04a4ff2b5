// Static files of the desktop (desktop-and-gadgets.md §1): the Finesse-compatible library and jQuery at the paths
// gadgets include them from, on the node's web port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import http from 'node:http';
import { once } from 'node:events';
import { bundleFile, desktopBuilt } from '../../../src/web/container/built-assets.ts';
import { startWebNode, type WebFixture } from '../../support/web.ts';

const built = await desktopBuilt();
let fx: WebFixture;
before(async () => { fx = await startWebNode({ POISE_ONLY: 'callmanager,web' }); });
after(async () => { await fx?.close(); });

test('/desktop/assets/js/finesse.js is the finesse bundle, revalidated by ETag', { skip: built ? false : 'run npm run build:desktop first' }, async () => {
  const url = `${new URL(fx.baseUrl).origin}/desktop/assets/js/finesse.js`;
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /javascript/);
  assert.equal(await res.text(), await readFile(bundleFile('finesse'), 'utf8'));
  const etag = res.headers.get('etag');
  assert.ok(etag);
  // A warm gadget load revalidates (fetch would add cache-control: no-cache, so plain http here).
  const again = http.get(url, { headers: { 'if-none-match': etag } });
  const [revalidated] = await once(again, 'response') as [http.IncomingMessage];
  revalidated.resume();
  assert.equal(revalidated.statusCode, 304);
});

test('/desktop/assets/js/jquery.min.js is jQuery', async () => {
  const res = await fetch(`${new URL(fx.baseUrl).origin}/desktop/assets/js/jquery.min.js`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /jQuery/);
});

test('/desktop/assets/js/finesse.mjs is the same library as an ES module', { skip: built ? false : 'run npm run build:desktop first' }, async () => {
  const res = await fetch(`${new URL(fx.baseUrl).origin}/desktop/assets/js/finesse.mjs`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /javascript/);
  const source = await res.text();
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'poise-finesse-')), 'finesse.mjs');
  await writeFile(file, source);
  const module = await import(pathToFileURL(file).href) as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(module).sort(), ['clientservices', 'containerservices', 'cslogger', 'restservices', 'utilities']);
  assert.equal(typeof module.restservices?.User, 'function');
  assert.equal(typeof (module.clientservices?.ClientServices as { init?: unknown } | undefined)?.init, 'function');
});
