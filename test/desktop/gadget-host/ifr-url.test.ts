import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gadgetIframeUrl, prefPairs } from '../../../desktop/gadget-host/ifr-url.ts';

test('the ifr URL carries spec, mid, container, view and every pref as up_<name>', () => {
  const url = gadgetIframeUrl({
    specUrl: '/livedata/gadget/LiveDataGadget.xml?report=teamState&gadgetHeight=200', mid: 3,
    prefs: { host: 'node', hostPort: '8445', urlPrefs: '{"a":"b & c"}' }, view: 'canvas', lang: 'en', country: 'US',
  });
  assert.ok(url.startsWith('/gadgets/ifr?'));
  const query = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  assert.deepEqual([...query], [
    ['url', '/livedata/gadget/LiveDataGadget.xml?report=teamState&gadgetHeight=200'], ['mid', '3'], ['container', 'default'],
    ['view', 'canvas'], ['lang', 'en'], ['country', 'US'], ['nocache', '0'],
    ['up_host', 'node'], ['up_hostPort', '8445'], ['up_urlPrefs', '{"a":"b & c"}'],
  ]);
  assert.ok(!url.includes('#'), 'the fragment is the IframeContainer\'s');
});

test('the default view', () => {
  assert.equal(new URLSearchParams(gadgetIframeUrl({ specUrl: '/x.xml', mid: 'a', prefs: {} }).split('?')[1]).get('view'), 'default');
});

test('set_pref arguments: edit token first, then name/value pairs; a dangling name is dropped', () => {
  assert.deepEqual(prefPairs([null, 'authorization', 'YTpi']), [['authorization', 'YTpi']]);
  assert.deepEqual(prefPairs(['tok', 'a', 1, 'b', true, 'c']), [['a', '1'], ['b', 'true']]);
  assert.deepEqual(prefPairs([]), []);
});
