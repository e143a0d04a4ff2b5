// Third-party gadgets hosted on the node: a file put under <data dir>/3rdpartygadget/files/ is served at
// /3rdpartygadget/files/, and a layout can name it relative to the node (rendered through /gadgets/ifr); nothing
// outside that folder is reachable through it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startWebNode, type WebFixture } from '../../support/web.ts';

const SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module><ModulePrefs title="Hosted"><Require feature="pubsub-2"/></ModulePrefs>
<Content type="html"><![CDATA[<p id="hello">hosted on the node, module __MODULE_ID__</p><script src="hosted.js"></script>]]></Content></Module>`;

let fx: WebFixture;
let origin: string;
before(async () => {
  fx = await startWebNode({ POISE_ONLY: 'callmanager,web' });
  origin = new URL(fx.baseUrl).origin;
  const dir = path.join(fx.dataDir, '3rdpartygadget', 'files', 'hosted');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'Hosted.xml'), SPEC);
  await writeFile(path.join(dir, 'hosted.js'), 'document.title = "hosted";');
  await writeFile(path.join(fx.dataDir, 'secret.txt'), 'not for the web');
});
after(async () => { await fx?.close(); });

test('files under 3rdpartygadget/files are served; the spec renders through /gadgets/ifr by its relative URL', async () => {
  const spec = await fetch(`${origin}/3rdpartygadget/files/hosted/Hosted.xml`);
  assert.equal(spec.status, 200);
  assert.equal(await spec.text(), SPEC);
  const script = await fetch(`${origin}/3rdpartygadget/files/hosted/hosted.js`);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  const page = await fetch(`${origin}/gadgets/ifr?url=${encodeURIComponent('/3rdpartygadget/files/hosted/Hosted.xml')}&mid=7&container=default`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /hosted on the node, module 7/);
  assert.match(html, /<base href="[^"]*\/3rdpartygadget\/files\/hosted\/Hosted\.xml"/);   // hosted.js resolves beside the spec
});

test('nothing outside the folder, no listings, no dot files', async () => {
  for (const p of ['/3rdpartygadget/files/../secret.txt', '/3rdpartygadget/files/%2e%2e/secret.txt', '/3rdpartygadget/files/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/3rdpartygadget/files/', '/3rdpartygadget/files/hosted/', '/3rdpartygadget/files/.hidden']) {
    const res = await fetch(`${origin}${p}`);
    assert.ok(res.status === 404 || res.status === 403 || res.status === 400, `${p} → ${res.status}`);
    assert.doesNotMatch(await res.text(), /not for the web/);
  }
});
