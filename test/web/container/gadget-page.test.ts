import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGadgetSpec } from '../../../src/web/container/gadget-spec.ts';
import { renderGadgetPage, substitute, type PageRequest } from '../../../src/web/container/gadget-page.ts';

function request(xml: string, extra: Partial<PageRequest> = {}): PageRequest {
  const parsed = parseGadgetSpec(xml);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    spec: parsed.spec, specUrl: 'http://gadgets.example:9000/sample/Sample.xml', origin: 'https://node:8445',
    view: 'default', mid: '7', lang: 'en', country: 'US', userPrefParams: {}, messages: { greet: 'Hello' }, ...extra,
  };
}

const SAMPLE = `<Module><ModulePrefs title="T __UP_name__"><Require feature="pubsub-2"/><Require feature="setprefs"/>
<Optional feature="not-known"/></ModulePrefs>
<UserPref name="host" default_value="dflt"/><UserPref name="name"/>
<Content type="html"><![CDATA[<script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/finesse.js"></script>
<p id="m">__MSG_greet__ __MODULE_ID__ __MSG_none__ __UP_undeclared__</p>]]></Content></Module>`;

test('the page: runtime for the known features, config, base, substitutions', () => {
  const page = renderGadgetPage(request(SAMPLE, { userPrefParams: { scheme: 'https', hostPort: '8445', name: 'N' } }));
  assert.equal(page.kind, 'html');
  const html = page.kind === 'html' ? page.html : '';
  assert.match(html, /<script src="https:\/\/node:8445\/gadgets\/js\/pubsub-2:setprefs\.js\?c=1&amp;container=default"><\/script>/);
  assert.match(html, /<base href="http:\/\/gadgets\.example:9000\/sample\/Sample\.xml">/);
  assert.ok(html.indexOf('<base') > html.indexOf('/gadgets/js/'), 'the runtime loads from this node, before <base>');
  assert.match(html, /src="https:\/\/dflt:8445\/desktop\/assets\/js\/finesse\.js"/);
  assert.match(html, /<p id="m">Hello 7  <\/p>/);
  assert.match(html, /<title>T N<\/title>/);
  const config = JSON.parse(/window\.poiseGadgetConfig = (.*);<\/script>/.exec(html)?.[1] ?? 'null');
  assert.deepEqual(config.prefs, { scheme: 'https', hostPort: '8445', name: 'N', host: 'dflt' });
  assert.deepEqual(Object.keys(config.features), ['pubsub-2', 'setprefs']);
  assert.equal(config.mid, '7');
  assert.equal(config.specUrl, 'http://gadgets.example:9000/sample/Sample.xml');
});

test('pref values from the URL cannot inject markup or break the config script', () => {
  const page = renderGadgetPage(request(SAMPLE, { userPrefParams: { host: '"><script>alert(1)</script>', name: '</script><b>' } }));
  const html = page.kind === 'html' ? page.html : '';
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /<\/script><b>/);
  assert.match(html, /&quot;&gt;&lt;script&gt;alert\(1\)/);
});

test('an unknown Require is a clear error', () => {
  const page = renderGadgetPage(request('<Module><ModulePrefs><Require feature="opensocial-0.8"/><Require feature="pubsub-2"/></ModulePrefs><Content/></Module>'));
  assert.deepEqual(page, { kind: 'error', status: 400, message: 'The gadget requires features this container does not provide: opensocial-0.8' });
});

test('no Require at all still loads the core runtime', () => {
  const page = renderGadgetPage(request('<Module><Content>x</Content></Module>'));
  assert.match(page.kind === 'html' ? page.html : '', /\/gadgets\/js\/core\.js/);
});

test('Content type="url" redirects with the prefs, relative to the spec', () => {
  const page = renderGadgetPage(request('<Module><UserPref name="a" default_value="1"/><Content type="url" href="page.html?x=__UP_a__"/></Module>',
    { userPrefParams: { b: 'two words' } }));
  assert.equal(page.kind, 'redirect');
  const location = new URL(page.kind === 'redirect' ? page.location : '');
  assert.equal(location.origin + location.pathname, 'http://gadgets.example:9000/sample/page.html');
  assert.equal(location.searchParams.get('x'), '1');
  assert.equal(location.searchParams.get('up_b'), 'two words');
  assert.equal(location.searchParams.get('mid'), '7');
});

test('views: canvas content when asked, default otherwise', () => {
  const xml = '<Module><Content view="default">D</Content><Content view="canvas">C</Content></Module>';
  assert.match((p => p.kind === 'html' ? p.html : '')(renderGadgetPage(request(xml, { view: 'canvas' }))), /<body[^>]*>\nC\n/);
  assert.match((p => p.kind === 'html' ? p.html : '')(renderGadgetPage(request(xml, { view: 'home' }))), /<body[^>]*>\nD\n/);
});

test('substitute leaves unknown hangman words of other kinds alone', () => {
  assert.equal(substitute('__UP_a__ __MODULE_X__ __OTHER__', { a: 'A' }, {}, '1', (s) => s), 'A __MODULE_X__ __OTHER__');
});
