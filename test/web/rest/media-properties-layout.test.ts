import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, SUPERVISOR, apiErrorOf, childNames, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const pathOf = (location: string | null): string => (location ?? '').replace(/^.*\/finesse\/api/, '');
const entry = (displayName: string, mediaProperty: string, popOver = false) =>
  `<entry><displayName>${displayName}</displayName><mediaProperty>${mediaProperty}</mediaProperty>` +
  `<showInPopOver>${popOver}</showInPopOver><uiEditable>false</uiEditable></entry>`;
const layout = (name: string, columns: string[], header = entry('Customer', 'callVariable1', true)) =>
  `<MediaPropertiesLayout><name>${name}</name><description>For ${name}</description><header>${header}</header>` +
  `${columns.map((c) => `<column>${c}</column>`).join('')}</MediaPropertiesLayout>`;

describe('MediaPropertiesLayout (rest-api.md §7)', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode(); });
  after(async () => { await fx.close(); });

  test('every role reads the default layout; element order as rest-api.md §7', async () => {
    for (const as of [AGENT, SUPERVISOR, 'admin']) {
      const res = await fx.call('GET', '/MediaPropertiesLayout/default', { as });
      assert.equal(res.status, 200, as);
      assert.ok(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><MediaPropertiesLayout>'));
      assert.deepEqual(childNames(res.xml), ['uri', 'name', 'description', 'type', 'header', 'column', 'column']);
      assert.equal(res.xml?.getChildText('type'), 'DEFAULT');
      assert.match(res.xml?.getChildText('uri') ?? '', /^\/finesse\/api\/MediaPropertiesLayout\/\d+$/);
      assert.deepEqual(childNames(res.xml?.getChild('header')?.getChild('entry')),
        ['displayName', 'mediaProperty', 'showInPopOver', 'uiEditable']);
    }
    const byId = pathOf((await fx.call('GET', '/MediaPropertiesLayout/default')).xml?.getChildText('uri') ?? '');
    assert.equal((await fx.call('GET', byId, { as: AGENT })).xml?.getChildText('name'), 'Default Layout');
  });

  test('JSON when asked for: columns and entries as arrays', async () => {
    const res = await fx.call('GET', '/MediaPropertiesLayout/default', { as: AGENT, accept: 'application/json' });
    assert.equal(res.status, 200);
    const json = JSON.parse(res.text).MediaPropertiesLayout;
    assert.deepEqual(Object.keys(json), ['uri', 'name', 'description', 'type', 'header', 'column']);
    assert.equal(json.column.length, 2);
    assert.deepEqual(json.header.entry[0], { displayName: 'Customer', mediaProperty: 'callVariable1', showInPopOver: 'true', uiEditable: 'false' });
  });

  test("the user's lists: the default layout and every layout; another user's → 401", async () => {
    const mine = await fx.call('GET', `/User/${AGENT}/MediaPropertiesLayout?nocache=1`, { as: AGENT });
    assert.equal(mine.status, 200);
    assert.equal(mine.xml?.getChildText('type'), 'DEFAULT');
    const all = await fx.call('GET', `/User/${AGENT}/MediaPropertiesLayouts`, { as: AGENT });
    assert.equal(all.xml?.getName(), 'MediaPropertiesLayouts');
    assert.ok(all.xml?.getChildElements().some((l) => l.getChildText('type') === 'DEFAULT'));
    assert.equal((await fx.call('GET', `/User/${AGENT}/MediaPropertiesLayouts`)).status, 200, 'an administrator reads any user list');
    const other = await fx.call('GET', '/User/agent2/MediaPropertiesLayouts', { as: AGENT });
    assert.equal(other.status, 401);
    assert.equal(apiErrorOf(other).ErrorType, 'Invalid Authorization User Specified');
  });

  test('the administrator creates, reads, updates and deletes a custom layout', async () => {
    const created = await fx.call('POST', '/MediaPropertiesLayout', {
      body: layout('Billing', [entry('Account', 'callVariable2') + entry('Tier', 'user.account.tier', true), entry('Queue', 'queueName')]),
    });
    assert.equal(created.status, 200);
    assert.equal(created.text, '');
    const path = pathOf(created.headers.get('location'));
    assert.match(path, /^\/MediaPropertiesLayout\/\d+$/);
    const read = await fx.call('GET', path, { as: AGENT });
    assert.equal(read.xml?.getChildText('type'), 'CUSTOM');
    assert.deepEqual(read.xml?.getChildren('column').map((c) => c.getChildElements().length), [2, 1]);

    assert.equal((await fx.call('PUT', path, { body: `<MediaPropertiesLayout><name>Old</name><name>Billing 2</name><column>${entry('DNIS', 'DNIS')}</column></MediaPropertiesLayout>` })).status, 200);
    const updated = await fx.call('GET', path);
    assert.equal(updated.xml?.getChildText('name'), 'Billing 2', 'duplicated element: the last wins');
    assert.deepEqual(childNames(updated.xml), ['uri', 'name', 'description', 'type', 'header', 'column']);
    assert.equal(updated.xml?.getChild('header')?.getChildElements().length, 1, 'an absent header is kept');

    const list = await fx.call('GET', '/MediaPropertiesLayouts');
    assert.deepEqual(list.xml?.getChildElements().map((l) => l.getChildText('name')), ['Default Layout', 'Billing 2']);
    assert.equal((await fx.call('DELETE', path)).status, 200);
    assert.equal((await fx.call('GET', path)).status, 404);
  });

  test('the administrator changes the default layout at /default; JSON bodies are accepted', async () => {
    const res = await fx.call('PUT', '/MediaPropertiesLayout/default', {
      contentType: 'application/json',
      body: JSON.stringify({ MediaPropertiesLayout: { description: 'Changed', column: [
        { entry: [{ displayName: 'Called number', mediaProperty: 'dialedNumber', showInPopOver: 'true' }] },
        { entry: [] },
      ] } }),
    });
    assert.equal(res.status, 200);
    const read = await fx.call('GET', '/MediaPropertiesLayout/default');
    assert.equal(read.xml?.getChildText('description'), 'Changed');
    assert.equal(read.xml?.getChildText('name'), 'Default Layout');
    assert.equal(read.xml?.getChildren('column')[0]?.getChild('entry')?.getChildText('uiEditable'), 'false');
  });

  test('refusals change nothing', async () => {
    const custom = pathOf((await fx.call('POST', '/MediaPropertiesLayout', { body: layout('Sales', [entry('A', 'callVariable3')]) })).headers.get('location'));
    const defaultPath = pathOf((await fx.call('GET', '/MediaPropertiesLayout/default')).xml?.getChildText('uri') ?? '');
    const good = layout('Support', [entry('A', 'callVariable3')]);
    // roles
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { as: AGENT, body: good }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', '/MediaPropertiesLayout/default', { as: SUPERVISOR, body: good }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'DELETE', custom, { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'GET', '/MediaPropertiesLayouts', { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    // methods the default does not allow, and deleting the default by id
    await expectRefused(fx, 'DELETE', '/MediaPropertiesLayout/default', {}, { status: 405, errorType: 'Method Not Allowed' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout/default', { body: good }, { status: 405, errorType: 'Method Not Allowed' });
    await expectRefused(fx, 'DELETE', defaultPath, {}, { status: 403, errorType: 'Forbidden' });
    // malformed bodies
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: '<MediaPropertiesLayout><name>x' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: '<!DOCTYPE x [<!ENTITY a "b">]><MediaPropertiesLayout/>' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'PUT', '/MediaPropertiesLayout/default', { body: '{"MediaPropertiesLayout":', contentType: 'application/json' }, { status: 400, errorType: 'Bad Request' });
    // missing elements
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: '<MediaPropertiesLayout><description>x</description></MediaPropertiesLayout>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'name' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('X', ['<entry><displayName>A</displayName></entry>']) }, { status: 400, errorType: 'Parameter Missing', errorData: 'mediaProperty' });
    await expectRefused(fx, 'PUT', custom, { body: '<MediaPropertiesLayout></MediaPropertiesLayout>' }, { status: 400, errorType: 'Invalid Input' });
    // enumerations and limits
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: '<MediaPropertiesLayout><name>X</name><type>OTHER</type></MediaPropertiesLayout>' }, { status: 400, errorType: 'Invalid Input', errorData: 'type' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: '<MediaPropertiesLayout><name>X</name><type>DEFAULT</type></MediaPropertiesLayout>' }, { status: 400, errorType: 'Invalid Input', errorData: 'type' });
    await expectRefused(fx, 'PUT', custom, { body: '<MediaPropertiesLayout><type>DEFAULT</type><name>Y</name></MediaPropertiesLayout>' }, { status: 400, errorType: 'Invalid Input', errorData: 'type' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('X', [entry('A', 'callVariable1').replace('false</showInPopOver>', 'yes</showInPopOver>')]) }, { status: 400, errorType: 'Invalid Input', errorData: 'showInPopOver' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('X', ['', '', '']) }, { status: 400, errorType: 'Maximum Exceeded', errorData: 'column' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('X', [Array.from({ length: 11 }, (_, i) => entry(`E${i}`, `callVariable${i}`)).join('')]) }, { status: 400, errorType: 'Maximum Exceeded', errorData: 'column' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('X', [Array.from({ length: 5 }, (_, i) => entry(`E${i}`, `callVariable${i}`, true)).join('')]) }, { status: 400, errorType: 'Maximum Exceeded', errorData: 'showInPopOver' });
    await expectRefused(fx, 'PUT', '/MediaPropertiesLayout/default', { body: `<MediaPropertiesLayout><header>${Array.from({ length: 6 }, (_, i) => entry(`E${i}`, `callVariable${i}`, true)).join('')}</header></MediaPropertiesLayout>` }, { status: 400, errorType: 'Maximum Exceeded', errorData: 'showInPopOver' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('x'.repeat(41), []) }, { status: 400, errorType: 'Invalid Input', errorData: 'name' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: layout('sales', []) }, { status: 400, errorType: 'Finesse API Error' });
    await expectRefused(fx, 'POST', '/MediaPropertiesLayout', { body: '<PhoneBook><name>X</name></PhoneBook>' }, { status: 400, errorType: 'Invalid Input' });
    // unknown ids
    await expectRefused(fx, 'GET', '/MediaPropertiesLayout/99999', {}, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'PUT', '/MediaPropertiesLayout/99999', { body: good }, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'DELETE', '/MediaPropertiesLayout/abc', {}, { status: 404, errorType: 'Not Found' });
    // after all that, a good write works
    assert.equal((await fx.call('POST', '/MediaPropertiesLayout', { body: good })).status, 200);
  });
});
