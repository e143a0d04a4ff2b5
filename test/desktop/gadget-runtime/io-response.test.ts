import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gadgetResponse, requestForm, UNPARSEABLE_PREFIX } from '../../../desktop/gadget-runtime/io-response.ts';

const URL_SENT = 'http://node:8082/finesse/api/User/agent1';
const wrap = (entry: unknown) => UNPARSEABLE_PREFIX + JSON.stringify({ [URL_SENT]: entry });
const noDom = () => 'DOM';

test('the form carries what finesse.js and ExternalRestApi set', () => {
  const form = requestForm(URL_SENT, {
    METHOD: 'PUT', HEADERS: { Authorization: 'Basic YTpi', requestId: 'r-1', 'Content-Type': 'application/xml' },
    POST_DATA: '<User><state>READY</state></User>', CONTENT_TYPE: 'DOM', GET_FULL_HEADERS: true, REFRESH_INTERVAL: 0,
  }, { specUrl: 'http://spec/x.xml' });
  assert.equal(form.get('url'), URL_SENT);
  assert.equal(form.get('httpMethod'), 'PUT');
  assert.deepEqual([...new URLSearchParams(form.get('headers') ?? '')],
    [['Authorization', 'Basic YTpi'], ['requestId', 'r-1'], ['Content-Type', 'application/xml']]);
  assert.equal(form.get('postData'), '<User><state>READY</state></User>');
  assert.equal(form.get('contentType'), 'DOM');
  assert.equal(form.get('getFullHeaders'), 'true');
  assert.equal(form.get('refresh'), '0');
  assert.equal(form.get('authz'), 'none');
  assert.equal(form.get('gadget'), 'http://spec/x.xml');
});

test('a GET with no params is a plain GET of TEXT', () => {
  const form = requestForm('http://x/', {}, { specUrl: '' });
  assert.equal(form.get('httpMethod'), 'GET');
  assert.equal(form.get('contentType'), 'TEXT');
  assert.equal(form.has('postData'), false);
  assert.equal(form.has('headers'), false);
});

const cases: Array<{ name: string; status?: number; body: string; type: string; expect: Partial<ReturnType<typeof gadgetResponse>> }> = [
  { name: '202 with the requestId header', body: wrap({ rc: 202, body: '', headers: { RequestId: ['6f1c'] } }), type: 'TEXT',
    expect: { rc: 202, text: '', data: '', errors: [], headers: { requestid: ['6f1c'] } } },
  { name: 'JSON parsed', body: wrap({ rc: 200, body: '{"a":[1]}', headers: {} }), type: 'JSON',
    expect: { rc: 200, data: { a: [1] }, errors: [] } },
  { name: 'bad JSON', body: wrap({ rc: 200, body: '{nope', headers: {} }), type: 'JSON',
    expect: { rc: 200, data: undefined, errors: ['500 Failed to parse JSON'] } },
  { name: 'DOM through the given parser', body: wrap({ rc: 200, body: '<a/>', headers: {} }), type: 'DOM',
    expect: { rc: 200, data: 'DOM', text: '<a/>' } },
  { name: 'an upstream 401 is an error with its text', body: wrap({ rc: 401, body: '<ApiErrors/>', headers: {} }), type: 'DOM',
    expect: { rc: 401, errors: ['Error 401'], text: '<ApiErrors/>' } },
  { name: 'a refused target (rc 403)', body: wrap({ rc: 403, body: 'not allowed', headers: {} }), type: 'TEXT',
    expect: { rc: 403, errors: ['Error 403'] } },
  { name: 'the proxy itself failing', status: 400, body: 'The url parameter is missing', type: 'TEXT',
    expect: { rc: 400, errors: ['Error 400'] } },
  { name: 'a wrapper for another url', body: UNPARSEABLE_PREFIX + JSON.stringify({ other: { rc: 200, body: '' } }), type: 'TEXT',
    expect: { rc: 500 } },
  { name: 'not JSON at all', body: '<html>', type: 'TEXT', expect: { rc: 500 } },
];
for (const c of cases) {
  test(`response: ${c.name}`, () => {
    const response = gadgetResponse(c.status ?? 200, c.body, URL_SENT, c.type, noDom);
    for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(response[key as keyof typeof response], value, key);
    assert.ok(Array.isArray(response.errors));
  });
}
