// Which media properties layout a call is shown with (rest-api.md §7): the one its ECC variable user.layout names
// (user.Layout as UCCE spells it), else the user's default layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RestCollection, RestObject } from '../../../../desktop/gadgets/shared/finesse-api.ts';
import { layoutForCall, layoutsByName } from '../../../../desktop/gadgets/shared/media-layout.ts';

const restObject = (id: string, data: unknown): RestObject => ({
  getId: () => id, getData: () => data, isLoaded: () => true, addHandler: () => undefined, refresh: () => undefined,
});

const layouts = (items: Record<string, unknown>): RestCollection<RestObject> => ({
  ...restObject('layouts', {}),
  getCollection: () => Object.fromEntries(Object.entries(items).map(([id, data]) => [id, restObject(id, data)])),
});

const byName = layoutsByName(layouts({
  1: { name: 'Default Layout', type: 'DEFAULT', header: { entry: { displayName: 'Customer', mediaProperty: 'callVariable1' } } },
  2: { name: 'Billing', type: 'CUSTOM', header: { entry: { displayName: 'Invoice', mediaProperty: 'callVariable3' } },
       column: { entry: [{ displayName: 'Amount due', mediaProperty: 'callVariable4' }] } },
  3: { name: 'Empty', type: 'CUSTOM', header: null },
}));
const fallback = [{ displayName: 'Customer', mediaProperty: 'callVariable1' }];

test('each layout with entries by its name; one without entries is left out', () => {
  assert.deepEqual([...byName.keys()], ['Default Layout', 'Billing']);
  assert.deepEqual(byName.get('Billing')?.map((e) => e.displayName), ['Invoice', 'Amount due']);
});

test('user.layout or user.Layout picks the layout by name', () => {
  assert.equal(layoutForCall({ 'user.layout': 'Billing' }, byName, fallback), byName.get('Billing'));
  assert.equal(layoutForCall({ 'user.Layout': 'Billing' }, byName, fallback), byName.get('Billing'));
});

test('no user.layout, an unknown name or a layout without entries: the default layout', () => {
  assert.equal(layoutForCall({}, byName, fallback), fallback);
  assert.equal(layoutForCall({ 'user.layout': 'Nope' }, byName, fallback), fallback);
  assert.equal(layoutForCall({ 'user.layout': 'Empty' }, byName, undefined), undefined);
});
