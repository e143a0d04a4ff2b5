// rest-api.md §11 E8: CORS only for the configured origins, with credentials; off by default, where the only
// cross-origin answer is SystemInfo's own `*`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { AGENT, startWebNode, type WebFixture } from '../../support/web.ts';
import { basicAuth } from '../../support/test-node.ts';

const GADGET = 'http://gadgets.example.test:3000';
const STRANGER = 'http://elsewhere.example.test';

interface RawResponse { status: number; headers: http.IncomingHttpHeaders }

/** node:http, since fetch may not let a caller set Origin the way a browser does. */
function send(url: string, method: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const preflight = (method: string) => ({ 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, requestid' });
const corsHeaders = (res: RawResponse): string[] => Object.keys(res.headers).filter((name) => name.startsWith('access-control-')).sort();

describe('CORS off by default', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode(); });
  after(async () => { await fx.close(); });

  test('no CORS headers and no Vary on the API, whatever the origin', async () => {
    const res = await send(`${fx.baseUrl}/User/${AGENT}`, 'GET', { origin: GADGET, authorization: basicAuth(AGENT) });
    assert.equal(res.status, 200);
    assert.deepEqual(corsHeaders(res), []);
    assert.equal(res.headers.vary, undefined);
    const pre = await send(`${fx.baseUrl}/User/${AGENT}`, 'OPTIONS', { origin: GADGET, ...preflight('PUT') });
    assert.notEqual(pre.status, 204);
    assert.deepEqual(corsHeaders(pre), []);
  });

  test('SystemInfo keeps its anonymous `*`, without credentials', async () => {
    const res = await send(`${fx.baseUrl}/SystemInfo`, 'GET', { origin: GADGET });
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['access-control-allow-credentials'], undefined);
    const pre = await send(`${fx.baseUrl}/SystemInfo`, 'OPTIONS', { origin: GADGET, ...preflight('GET') });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers['access-control-allow-origin'], '*');
    assert.equal(pre.headers['access-control-allow-methods'], 'GET');
  });
});

describe('CORS for listed origins (POISE_WEB_CORS_ORIGINS)', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode({ POISE_WEB_CORS_ORIGINS: `http://localhost:5173, ${GADGET}` }); });
  after(async () => { await fx.close(); });

  test('a preflight from a listed origin is answered 204 before authentication', async () => {
    const res = await send(`${fx.baseUrl}/User/${AGENT}`, 'OPTIONS', { origin: GADGET, ...preflight('PUT') });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], GADGET);
    assert.equal(res.headers['access-control-allow-credentials'], 'true');
    assert.equal(res.headers['access-control-allow-methods'], 'GET, PUT, POST, DELETE');
    assert.deepEqual(res.headers['access-control-allow-headers']?.toLowerCase().split(', ').sort(),
      ['accept', 'authorization', 'content-type', 'requestid']);
    assert.match(String(res.headers.vary), /Origin/);
  });

  test('answers to a listed origin carry it, with credentials, also when they refuse', async () => {
    const ok = await send(`${fx.baseUrl}/User/${AGENT}`, 'GET', { origin: GADGET, authorization: basicAuth(AGENT) });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['access-control-allow-origin'], GADGET);
    assert.equal(ok.headers['access-control-allow-credentials'], 'true');
    assert.match(String(ok.headers['access-control-expose-headers']), /requestId/);
    assert.match(String(ok.headers.vary), /Origin/);
    const refused = await send(`${fx.baseUrl}/User/${AGENT}`, 'GET', { origin: 'http://localhost:5173' });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers['access-control-allow-origin'], 'http://localhost:5173');
  });

  test('an origin not listed gets no CORS headers, and its preflight is not answered', async () => {
    const res = await send(`${fx.baseUrl}/User/${AGENT}`, 'GET', { origin: STRANGER, authorization: basicAuth(AGENT) });
    assert.equal(res.status, 200);
    assert.deepEqual(corsHeaders(res), []);
    const pre = await send(`${fx.baseUrl}/User/${AGENT}`, 'OPTIONS', { origin: STRANGER, ...preflight('PUT') });
    assert.notEqual(pre.status, 204);
    assert.deepEqual(corsHeaders(pre), []);
  });

  test('SystemInfo: the listed origin with credentials, every other origin still `*`', async () => {
    const listed = await send(`${fx.baseUrl}/SystemInfo`, 'GET', { origin: GADGET });
    assert.equal(listed.headers['access-control-allow-origin'], GADGET);
    assert.equal(listed.headers['access-control-allow-credentials'], 'true');
    const other = await send(`${fx.baseUrl}/SystemInfo`, 'GET', { origin: STRANGER });
    assert.equal(other.headers['access-control-allow-origin'], '*');
    assert.equal(other.headers['access-control-allow-credentials'], undefined);
  });

  test('outside /finesse/api nothing changes', async () => {
    const res = await send(fx.baseUrl.replace('/finesse/api', '/desktop/assets/js/finesse.js'), 'GET', { origin: GADGET });
    assert.deepEqual(corsHeaders(res), []);
  });
});
