import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefsClass } from '../../../desktop/gadget-runtime/prefs.ts';
import { gadgetsJson, gadgetsUtil } from '../../../desktop/gadget-runtime/util.ts';
import { configFromUrl, readPageConfig } from '../../../desktop/gadget-runtime/page-config.ts';

function store(canSet: boolean) {
  const persisted: Array<[string, string]> = [];
  const s = {
    values: { host: 'node', hostPort: '8445', mobile: 'true', list: 'a|b|c', bad: 'x' } as Record<string, string>,
    messages: { hello: 'Hello' }, moduleId: '3', lang: 'en', country: 'US', canSet,
    persist: (name: string, value: string) => persisted.push([name, value]),
  };
  return { s, persisted, Prefs: prefsClass(s) };
}

test('getters read the shared values with their types', () => {
  const { Prefs } = store(true);
  const prefs = new Prefs();
  assert.equal(prefs.getString('host'), 'node');
  assert.equal(prefs.getString('missing'), '');
  assert.equal(prefs.getInt('hostPort'), 8445);
  assert.equal(prefs.getInt('bad'), 0);
  assert.equal(prefs.getBool('mobile'), true);
  assert.equal(prefs.getBool('host'), false);
  assert.deepEqual(prefs.getArray('list'), ['a', 'b', 'c']);
  assert.deepEqual(prefs.getArray('missing'), []);
  assert.equal(prefs.getMsg('hello'), 'Hello');
  assert.equal(prefs.getModuleId(), '3');
});

test('set with setprefs: every instance sees it and the container is told', () => {
  const { Prefs, persisted } = store(true);
  new Prefs().set('authorization', 'YWdlbnQxOnB3');
  assert.equal(new Prefs().getString('authorization'), 'YWdlbnQxOnB3');
  new Prefs().setArray('order', ['x', 'y|z']);
  assert.deepEqual(new Prefs().getArray('order'), ['x', 'y|z']);
  assert.deepEqual(persisted, [['authorization', 'YWdlbnQxOnB3'], ['order', 'x|y%7Cz']]);
});

test('set without setprefs keeps the value for the page but tells nobody', (t) => {
  t.mock.method(console, 'warn', () => undefined);
  const { Prefs, persisted } = store(false);
  new Prefs().set('a', 1);
  assert.equal(new Prefs().getString('a'), '1');
  assert.deepEqual(persisted, []);
});

test('gadgets.util: URL parameters from query and fragment, escaping, features', () => {
  const util = gadgetsUtil({ setprefs: { x: '1' } }, { search: '?mid=4&up_host=node', hash: '#rpctoken=abc' });
  assert.deepEqual(util.getUrlParameters(), { mid: '4', up_host: 'node', rpctoken: 'abc' });
  assert.deepEqual(util.getUrlParameters('/gadgets/ifr?url=a%20b#x=1'), { url: 'a b', x: '1' });
  assert.equal(util.escapeString('<a href="x">&\'</a>'), '&lt;a href&#61;&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  assert.equal(util.unescapeString('&lt;b&gt;&amp;&#39;'), "<b>&'");
  assert.deepEqual(util.escape({ a: ['<'] }), { a: ['&lt;'] });
  assert.equal(util.hasFeature('setprefs'), true);
  assert.equal(util.hasFeature('pubsub'), false);
  assert.deepEqual(util.getFeatureParameters('setprefs'), { x: '1' });
  const sum = function (this: { n: number }, ...args: unknown[]): unknown { return this.n + Number(args[0]) + Number(args[1]); };
  assert.equal(util.makeClosure({ n: 2 }, sum as (...args: unknown[]) => unknown, 3)(4), 9);
});

test('gadgets.util.registerOnLoadHandler: queued until load, in order', async () => {
  const util = gadgetsUtil({}, { search: '', hash: '' });
  const order: number[] = [];
  util.registerOnLoadHandler(() => order.push(1));
  util.registerOnLoadHandler(() => order.push(2));
  assert.equal(order.length, 0);
  util.runOnLoadHandlers();
  assert.deepEqual(order, [1, 2]);
  await new Promise<void>((resolve) => util.registerOnLoadHandler(() => { order.push(3); resolve(); }));
  assert.deepEqual(order, [1, 2, 3]);
});

test('gadgets.json.parse answers false for what is not JSON', () => {
  assert.deepEqual(gadgetsJson.parse('{"a":1}'), { a: 1 });
  assert.equal(gadgetsJson.parse('{a'), false);
  assert.equal(gadgetsJson.parse(7), false);
  assert.equal(gadgetsJson.stringify({ a: [1] }), '{"a":[1]}');
});

test('page config: whatever the page holds narrows to a config', () => {
  assert.deepEqual(readPageConfig(undefined).prefs, {});
  const config = readPageConfig({ mid: '2', prefs: { a: 'b', n: 3 }, features: { 'pubsub-2': {}, bad: 5 }, views: ['default', 1] });
  assert.deepEqual(config.prefs, { a: 'b' });
  assert.deepEqual(config.features, { 'pubsub-2': {}, bad: {} });
  assert.deepEqual(config.views, ['default']);
});

test('a url-type gadget\'s page takes its config from the URL /gadgets/ifr redirected to', () => {
  const config = readPageConfig(configFromUrl('?x=1&up_host=node&up_greeting=hi%20there&mid=5&lang=fr&country=FR'));
  assert.deepEqual(config.prefs, { host: 'node', greeting: 'hi there' });
  assert.equal(config.mid, '5');
  assert.equal(config.lang, 'fr');
  assert.ok('setprefs' in config.features);
});
