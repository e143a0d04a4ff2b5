// The built-in gadgets' layout paths (desktop-and-gadgets.md §2): each has a well-formed gadget spec that
// requires the Finesse features and loads the library and its bundle; 12.x paths serve the script (the spec to a
// client asking for XML), 10.x/11.x .jsp aliases the spec; anything else under those folders is not a gadget.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { parseXml, type Element } from '../../../src/shared/xml/index.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { DESKTOP_DIST } from '../../../src/web/container/built-assets.ts';
import { BUILTIN_GADGETS, builtinGadgetSpec } from '../../../src/web/container/builtin-gadgets.ts';
import { builtinGadgetRoutesPlugin } from '../../../src/web/container/builtin-gadget-routes.ts';
import type { ContainerContext } from '../../../src/web/container/context.ts';

const LAYOUT_PATHS = [
  '/desktop/scripts/js/callcontrol.js', '/desktop/gadgets/CallControl.jsp',
  '/desktop/scripts/js/teamPerformance.js', '/desktop/gadgets/TeamPerformance.jsp',
  '/desktop/scripts/js/queueStatistics.js', '/desktop/gadgets/QueueStatistics.jsp',
  '/desktop/scripts/js/phonebooks.js', '/desktop/scripts/js/callvariables.js',
];

const specOf = (pathname: string): Element => {
  const xml = builtinGadgetSpec(pathname);
  assert.ok(xml, `${pathname} has a spec`);
  const parsed = parseXml(xml);
  assert.ok(parsed.ok, `${pathname}: ${parsed.ok ? '' : parsed.error.message}`);
  return parsed.root;
};

describe('builtinGadgetSpec', () => {
  for (const pathname of LAYOUT_PATHS) {
    test(`${pathname} is a Finesse gadget spec`, () => {
      const root = specOf(pathname);
      assert.equal(root.getName(), 'Module');
      const prefs = root.getChild('ModulePrefs');
      assert.ok(prefs?.attrs.title);
      const features = prefs.getChildren('Require').map((r) => r.attrs.feature);
      assert.deepEqual(features, ['pubsub-2', 'setprefs', 'dynamic-height']);
      const content = root.getChild('Content');
      assert.equal(content?.attrs.type, 'html');
      const scripts = [...content.getText().matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
      const gadget = BUILTIN_GADGETS.find((g) => g.paths.includes(pathname));
      assert.deepEqual(scripts, ['/desktop/assets/js/jquery.min.js', '/desktop/assets/js/finesse.js',
        `/desktop/assets/poise/gadgets/${gadget?.bundle}.js`]);
      assert.match(content.getText(), new RegExp(`/desktop/assets/poise/gadgets/${gadget?.bundle}\\.css`));
    });
  }

  test('an alias has the same spec as its 12.x path', () => {
    assert.equal(builtinGadgetSpec('/desktop/gadgets/CallControl.jsp'), builtinGadgetSpec('/desktop/scripts/js/callcontrol.js'));
  });

  test('other paths are no built-in gadget', () => {
    for (const pathname of ['/desktop/scripts/js/CallControl.js', '/desktop/scripts/js/callcontrol.js/', '/3rdpartygadget/files/x.xml', '']) {
      assert.equal(builtinGadgetSpec(pathname), undefined, pathname);
    }
  });
});

describe('layout paths over HTTP', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    await app.register(builtinGadgetRoutesPlugin, { log: silentLogger } as unknown as ContainerContext);
  });
  after(() => app.close());

  test('every bundle has been built', async () => {
    for (const g of BUILTIN_GADGETS) await access(path.join(DESKTOP_DIST, 'gadgets', `${g.bundle}.js`));
  });

  for (const pathname of LAYOUT_PATHS.filter((p) => p.endsWith('.js'))) {
    test(`GET ${pathname} serves the gadget's script`, async () => {
      const res = await app.inject({ method: 'GET', url: pathname });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/javascript/);
      const gadget = BUILTIN_GADGETS.find((g) => g.paths.includes(pathname));
      assert.ok(gadget);
      const { readFile } = await import('node:fs/promises');
      assert.equal(res.body, await readFile(path.join(DESKTOP_DIST, 'gadgets', `${gadget.bundle}.js`), 'utf8'));
    });
  }

  test('a GET asking for XML (as a gadget server fetching a spec) gets the spec', async () => {
    for (const accept of ['application/xml, text/xml, */*', 'text/xml']) {
      const res = await app.inject({ method: 'GET', url: '/desktop/scripts/js/callcontrol.js', headers: { accept } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/xml/);
      assert.equal(res.body, builtinGadgetSpec('/desktop/scripts/js/callcontrol.js'));
      assert.equal(res.headers.vary, 'Accept');
    }
    const script = await app.inject({ method: 'GET', url: '/desktop/scripts/js/callcontrol.js', headers: { accept: '*/*' } });
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
  });

  test('GET of a .jsp alias serves the gadget spec', async () => {
    const res = await app.inject({ method: 'GET', url: '/desktop/gadgets/TeamPerformance.jsp' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    assert.equal(res.body, builtinGadgetSpec('/desktop/gadgets/TeamPerformance.jsp'));
  });

  test('an unknown script path is 404 and the next request is served', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/desktop/scripts/js/nothing.js' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/desktop/scripts/js/callcontrol.js' })).statusCode, 200);
  });
});
