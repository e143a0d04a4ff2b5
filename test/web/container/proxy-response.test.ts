import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderProxyResponse, requestHeaders, responseHeaders } from '../../../src/web/container/proxy-response.ts';

test('the wrapper: prefix, key = url as sent', () => {
  assert.equal(renderProxyResponse('http://node:8082/finesse/api/User/agent1', { rc: 202, body: '', headers: { requestid: ['6f1c'] } }),
    `throw 1; < don't be evil' >{"http://node:8082/finesse/api/User/agent1":{"rc":202,"body":"","headers":{"requestid":["6f1c"]}}}`);
});

test('response headers: only set-cookie and location unless all are asked for; arrays, lower case', () => {
  const headers = { 'set-cookie': ['a=1', 'b=2'], location: '/x', requestid: 'r1', 'content-type': 'application/xml' };
  assert.deepEqual(responseHeaders(headers, false), { 'set-cookie': ['a=1', 'b=2'], location: ['/x'] });
  assert.deepEqual(responseHeaders(headers, true),
    { 'set-cookie': ['a=1', 'b=2'], location: ['/x'], requestid: ['r1'], 'content-type': ['application/xml'] });
});

test('request headers from the form-encoded list, without hop-by-hop or broken ones', () => {
  assert.deepEqual(requestHeaders('Authorization=Basic%20YTpi&requestId=r-1&locale=en_US&Host=evil&Content-Length=9&bad%20name=x&X-Split=a%0d%0aInjected:%201'),
    { authorization: 'Basic YTpi', requestid: 'r-1', locale: 'en_US' });
  assert.deepEqual(requestHeaders(null), {});
});
