// The Live Data gadget spec is served by web at the path layouts name, well-formed, with the features the gadget
// needs and the bundle it loads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../../src/shared/xml/index.ts';
import { startWebNode, type WebFixture } from '../../support/web.ts';

let fx: WebFixture;
before(async () => { fx = await startWebNode({ POISE_ONLY: 'callmanager,web' }); });
after(async () => { await fx?.close(); });

test('LiveDataGadget.xml (and its .jsp alias) is a gadget spec requiring pubsub-2 and loading the Live Data bundle', async () => {
  const origin = new URL(fx.baseUrl).origin;
  for (const path of ['/livedata/gadget/LiveDataGadget.xml?report=voiceCsqSummary', '/livedata/gadget/LiveDataGadget.jsp']) {
    const res = await fetch(`${origin}${path}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
    const parsed = parseXml(await res.text());
    assert.ok(parsed.ok);
    const prefs = parsed.root.getChild('ModulePrefs');
    const features = prefs?.getChildren('Require').map((r) => r.attrs.feature);
    assert.deepEqual(features, ['pubsub-2', 'setprefs', 'dynamic-height', 'settitle', 'views']);
    const content = parsed.root.getChild('Content');
    assert.equal(content?.attrs.type, 'html');
    assert.match(content?.getText() ?? '', /\/desktop\/assets\/poise\/livedata\/gadget\.js/);
  }
  const bundle = await fetch(`${origin}/desktop/assets/poise/livedata/gadget.js`);
  assert.equal(bundle.status, 200);
  assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
});
