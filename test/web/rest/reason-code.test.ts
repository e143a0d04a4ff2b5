import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, AGENT, apiErrorOf, childNames, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const RC = (category: string, code: string, label: string, forAll = 'true') =>
  `<ReasonCode><category>${category}</category><code>${code}</code><label>${label}</label><forAll>${forAll}</forAll></ReasonCode>`;

describe('ReasonCode', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode(); });
  after(async () => { await fx.close(); });

  test('an agent reads a seeded code; element order as rest-api.md §6.1', async () => {
    const res = await fx.call('GET', '/ReasonCode/1', { as: AGENT });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
    assert.ok(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ReasonCode>'));
    assert.deepEqual(childNames(res.xml), ['category', 'code', 'forAll', 'label', 'systemCode', 'uri']);
    assert.equal(res.xml?.getChildText('uri'), '/finesse/api/ReasonCode/1');
    assert.equal(res.xml?.getChildText('label'), 'Break');
  });

  test('JSON when asked for', async () => {
    const res = await fx.call('GET', '/ReasonCode/1', { as: AGENT, accept: 'application/json' });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.text), { ReasonCode: {
      category: 'NOT_READY', code: '1', forAll: 'true', label: 'Break', systemCode: 'false', uri: '/finesse/api/ReasonCode/1',
    } });
  });

  test('the agent lists its NOT_READY codes; category is required', async () => {
    const res = await fx.call('GET', `/User/${AGENT}/ReasonCodes?category=NOT_READY&nocache=1`, { as: AGENT });
    assert.equal(res.status, 200);
    assert.equal(res.xml?.getName(), 'ReasonCodes');
    assert.equal(res.xml?.attrs.category, 'NOT_READY');
    assert.deepEqual(res.xml?.getChildElements().map((c) => c.getChildText('label')), ['Break', 'Lunch', 'Meeting', 'Training']);
    const missing = await fx.call('GET', `/User/${AGENT}/ReasonCodes`, { as: AGENT });
    assert.equal(missing.status, 400);
    assert.equal(apiErrorOf(missing).ErrorType, 'Parameter Missing');
  });

  test("an agent may not read another user's list (401 Invalid Authorization User Specified)", async () => {
    const res = await fx.call('GET', '/User/agent2/ReasonCodes?category=LOGOUT', { as: AGENT });
    assert.equal(res.status, 401);
    assert.equal(apiErrorOf(res).ErrorType, 'Invalid Authorization User Specified');
  });

  test('the administrator creates, reads, updates and deletes a code', async () => {
    const created = await fx.call('POST', '/ReasonCode', { body: RC('NOT_READY', '42', 'Coaching') });
    assert.equal(created.status, 200);
    assert.equal(created.text, '');
    const location = created.headers.get('location') ?? '';
    assert.match(location, /^http:\/\/127\.0\.0\.1:\d+\/finesse\/api\/ReasonCode\/\d+$/);
    const path = location.replace(/^.*\/finesse\/api/, '');
    const read = await fx.call('GET', path, { as: AGENT });
    assert.equal(read.xml?.getChildText('code'), '42');

    const put = await fx.call('PUT', path, { body: '<ReasonCode><label>Old</label><label>Coaching 1:1</label></ReasonCode>' });
    assert.equal(put.status, 200);
    assert.equal((await fx.call('GET', path)).xml?.getChildText('label'), 'Coaching 1:1', 'duplicated element: the last wins');

    const all = await fx.call('GET', '/ReasonCodes?category=ALL');
    assert.equal(all.xml?.attrs.category, 'ALL');
    assert.ok(all.xml?.getChildElements().some((c) => c.getChildText('code') === '42'));

    assert.equal((await fx.call('DELETE', path)).status, 200);
    assert.equal((await fx.call('GET', path)).status, 404);
  });

  test('JSON request bodies are accepted', async () => {
    const res = await fx.call('POST', '/ReasonCode', {
      contentType: 'application/json',
      body: JSON.stringify({ ReasonCode: { category: 'LOGOUT', code: '77', label: 'Gone', forAll: 'false' } }),
    });
    assert.equal(res.status, 200);
  });

  test('agents are forbidden to write', async () => {
    await expectRefused(fx, 'POST', '/ReasonCode', { as: AGENT, body: RC('NOT_READY', '50', 'Nap') }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', '/ReasonCode/1', { as: AGENT, body: '<ReasonCode><label>x</label></ReasonCode>' }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'DELETE', '/ReasonCode/1', { as: AGENT }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'GET', '/ReasonCodes?category=ALL', { as: AGENT }, { status: 403, errorType: 'Forbidden' });
  });

  test('bad input is refused with the spec error and changes nothing', async () => {
    await expectRefused(fx, 'POST', '/ReasonCode', { body: '<ReasonCode><category>NOT_READY' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: '<!DOCTYPE x [<!ENTITY a "b">]><ReasonCode/>' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: '<ReasonCode><category>NOT_READY</category><code>5</code><forAll>true</forAll></ReasonCode>' },
      { status: 400, errorType: 'Parameter Missing', errorData: 'label' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: RC('BUSY', '5', 'x') }, { status: 400, errorType: 'Invalid Input', errorData: 'category' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: RC('NOT_READY', '1000', 'x') }, { status: 400, errorType: 'Invalid Input', errorData: 'code' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: RC('LOGOUT', '22', 'x') }, { status: 400, errorType: 'Invalid Input', errorData: 'code' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: RC('NOT_READY', '9', 'x'.repeat(41)) }, { status: 400, errorType: 'Invalid Input', errorData: 'label' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: RC('NOT_READY', '1', 'Another break') }, { status: 400, errorType: 'Finesse API Error' });
    await expectRefused(fx, 'POST', '/ReasonCode', { body: '{"ReasonCode":', contentType: 'application/json' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'PUT', '/ReasonCode/1', { body: '<ReasonCode><category>LOGOUT</category></ReasonCode>' }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', '/ReasonCode/999999', { body: '<ReasonCode><label>x</label></ReasonCode>' }, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'DELETE', '/ReasonCode/abc', {}, { status: 404, errorType: 'Not Found' });
  });

  test('leading whitespace and indentation are accepted (rest-api.md §1.5)', async () => {
    const body = `\n  <?xml version="1.0" encoding="UTF-8"?>\n<ReasonCode>\n  <category>NOT_READY</category>\n  <code>61</code>\n  <label>Indented</label>\n  <forAll>true</forAll>\n</ReasonCode>\n`;
    assert.equal((await fx.call('POST', '/ReasonCode', { body, contentType: 'text/xml' })).status, 200);
    assert.equal((await fx.call('POST', '/ReasonCode', { body: RC('NOT_READY', '62', 'No type'), contentType: null })).status, 200);
  });

  test('errors in JSON take the desktop-interface shape', async () => {
    const res = await fx.call('GET', '/ReasonCode/999999', { accept: 'application/json' });
    assert.equal(res.status, 404);
    assert.deepEqual(Object.keys(JSON.parse(res.text)), ['status', 'apiErrors']);
    assert.equal(JSON.parse(res.text).apiErrors.errorType, 'Not Found');
  });

  test('the requestId header is echoed on writes', async () => {
    const res = await fx.call('PUT', '/ReasonCode/2', { body: '<ReasonCode><forAll>true</forAll></ReasonCode>', headers: { requestId: 'abc-123' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('requestid'), 'abc-123');
    assert.equal(ADMIN, 'admin');
  });
});
