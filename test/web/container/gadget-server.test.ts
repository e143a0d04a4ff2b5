// The gadget server over real HTTP (desktop-and-gadgets.md §3): /gadgets/ifr, /gadgets/makeRequest,
// /gadgets/metadata, the rpc endpoint and the allow-list at /cfadmin/api/ProxyAllowList, against a test HTTP
// server on 127.0.0.1 playing the external gadget host.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebNode, ADMIN, AGENT, type WebFixture } from '../../support/web.ts';
import { basicAuth } from '../../support/test-node.ts';
import { startGadgetHost, type GadgetHostServer } from '../../support/gadget-host-server.ts';

const PREFIX = "throw 1; < don't be evil' >";

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<Module><ModulePrefs title="Sample"><Require feature="pubsub-2"/><Require feature="dynamic-height"/></ModulePrefs>
<UserPref name="greeting" default_value="hello"/>
<Content type="html"><![CDATA[<p id="g">__UP_greeting__ from __MODULE_ID__</p>]]></Content></Module>`;

describe('gadget server', () => {
  let fx: WebFixture;
  let ext: GadgetHostServer;
  let other: GadgetHostServer;
  let origin: string;

  before(async () => {
    fx = await startWebNode();
    origin = fx.baseUrl.replace('/finesse/api', '');
    ext = await startGadgetHost({
      '/sample.xml': SAMPLE,
      '/bad.xml': '<Module><Content>',
      '/unknown-feature.xml': '<Module><ModulePrefs><Require feature="opensocial-0.8"/></ModulePrefs><Content/></Module>',
      '/url.xml': '<Module><Content type="url" href="/page.html"/></Module>',
      '/i18n/msgs.xml': '<Module><ModulePrefs><Locale lang="en" messages="bundles/en_ALL.xml"><msg name="own">Inline</msg></Locale>' +
        '<Locale lang="fr" messages="bundles/fr_ALL.xml"/></ModulePrefs><Content>__MSG_title__|__MSG_own__|__MSG_none__</Content></Module>',
      '/i18n/bundles/en_ALL.xml': '<messagebundle><msg name="title">Queue</msg><msg name="own">from bundle</msg></messagebundle>',
      '/i18n/bundles/fr_ALL.xml': '<messagebundle><msg name="title">File</msg></messagebundle>',
    });
    other = await startGadgetHost({ '/sample.xml': SAMPLE });
  });
  after(async () => {
    await ext?.close();
    await other?.close();
    await fx?.close();
  });

  const allowList = (hosts: string[], as = ADMIN) => fetch(`${origin}/cfadmin/api/ProxyAllowList`, {
    method: 'PUT', headers: { authorization: basicAuth(as), 'content-type': 'application/xml' },
    body: `<ProxyAllowList>${hosts.map((h) => `<host>${h}</host>`).join('')}</ProxyAllowList>`,
  });
  const ifr = (spec: string, extra = '') => fetch(`${origin}/gadgets/ifr?url=${encodeURIComponent(spec)}&mid=4&container=default${extra}`, { redirect: 'manual' });
  const makeRequest = async (fields: Record<string, string>, method: 'GET' | 'POST' = 'POST') => {
    const form = new URLSearchParams(fields);
    const res = method === 'GET' ? await fetch(`${origin}/gadgets/makeRequest?${form}`)
      : await fetch(`${origin}/gadgets/makeRequest`, { method: 'POST', body: form });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    assert.ok(text.startsWith(PREFIX), text);
    const wrapper = JSON.parse(text.slice(PREFIX.length)) as Record<string, { rc: number; body: string; headers: Record<string, string[]> }>;
    const entry = wrapper[fields.url ?? ''];
    assert.ok(entry, `keyed by the url as sent: ${text}`);
    return entry;
  };

  const getAllowList = (as: string | null = ADMIN, accept?: string) => fetch(`${origin}/cfadmin/api/ProxyAllowList`, {
    headers: { ...(as === null ? {} : { authorization: basicAuth(as) }), ...(accept ? { accept } : {}) },
  });

  // In order: the list starts empty, so the external host is refused until the administrator adds it.
  test('the allow-list starts empty and only an administrator reads it', async () => {
    const res = await getAllowList();
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<ProxyAllowList\/>$/);
    assert.equal((await getAllowList(AGENT)).status, 403);
    assert.equal((await getAllowList(null)).status, 401);
  });

  test('ifr: a spec on a host not on the list is refused and nothing is sent to it', async () => {
    const res = await ifr(`${ext.origin}/sample.xml`);
    assert.equal(res.status, 403);
    assert.match(await res.text(), /not on the proxy allow-list/);
    assert.equal(ext.requests.length, 0);
  });

  test('makeRequest: a target not on the list gets rc 403 and nothing is sent to it', async () => {
    const entry = await makeRequest({ url: `${ext.origin}/echo`, httpMethod: 'POST', postData: 'x=1' });
    assert.equal(entry.rc, 403);
    assert.match(entry.body, /not on the proxy allow-list/);
    assert.equal(ext.requests.length, 0);
  });

  test('the allow-list refuses a bad entry, an agent, and keeps what it had', async () => {
    const bad = await allowList(['ok.example.com', 'http://nope']);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /<ErrorType>Invalid Input<\/ErrorType>.*http:\/\/nope/);
    assert.equal((await allowList(['ok.example.com'], AGENT)).status, 403);
    assert.match(await (await getAllowList()).text(), /<ProxyAllowList\/>$/);
  });

  test('an administrator adds the external host; JSON on request', async () => {
    const res = await allowList([ext.hostPort, 'Crm.Example.com']);
    assert.equal(res.status, 200);
    const json = await (await getAllowList(ADMIN, 'application/json')).json();
    assert.deepEqual(json, { ProxyAllowList: { host: [ext.hostPort, 'crm.example.com'].sort() } });
  });

  test('ifr renders an allowed spec: runtime, prefs, base, substitutions', async () => {
    const res = await ifr(`${ext.origin}/sample.xml`, '&up_greeting=bonjour&up_host=node');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.match(html, new RegExp(`<script src="${origin}/gadgets/js/dynamic-height:pubsub-2\\.js`));
    assert.match(html, new RegExp(`<base href="${ext.origin}/sample\\.xml">`));
    assert.match(html, /<p id="g">bonjour from 4<\/p>/);
    assert.match(html, /"prefs":\{"greeting":"bonjour","host":"node"\}/);
    assert.equal(ext.requests.at(-1)?.url, '/sample.xml');
  });

  test('ifr renders this node\'s own gadgets: a built-in from the table, another over HTTP from this node', async () => {
    const builtin = await ifr('/desktop/scripts/js/callcontrol.js');
    assert.equal(builtin.status, 200);
    const html = await builtin.text();
    assert.match(html, new RegExp(`<base href="${origin}/desktop/scripts/js/callcontrol\\.js">`));
    assert.match(html, /<script src="\/desktop\/assets\/js\/finesse\.js"><\/script>/);
    const livedata = await ifr('/livedata/gadget/LiveDataGadget.xml?report=teamState');
    assert.equal(livedata.status, 200, await livedata.clone().text());
    assert.match(await livedata.text(), new RegExp(`<base href="${origin}/livedata/gadget/LiveDataGadget\\.xml\\?report=teamState">`));
  });

  test('ifr: a host allowed by name is not allowed on another port', async () => {
    const res = await ifr(`${other.origin}/sample.xml`);
    assert.equal(res.status, 403);
    assert.equal(other.requests.length, 0);
  });

  test('ifr: bad spec XML, an unknown Require, a missing spec, no url', async () => {
    const bad = await ifr(`${ext.origin}/bad.xml`);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /not well-formed XML/);
    const unknown = await ifr(`${ext.origin}/unknown-feature.xml`);
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /does not provide: opensocial-0\.8/);
    const missing = await ifr(`${ext.origin}/nothing.xml`);
    assert.equal(missing.status, 404);
    const own = await ifr('/3rdpartygadget/files/none/none.xml');
    assert.equal(own.status, 404);
    const none = await fetch(`${origin}/gadgets/ifr?mid=1`);
    assert.equal(none.status, 400);
    assert.match(await none.text(), /url parameter/);
    assert.equal((await ifr(`${ext.origin}/sample.xml`)).status, 200, 'the next request is served');
  });

  test('ifr: messages from the Locale for lang, bundle fetched beside the spec, inline ones first', async () => {
    const en = await (await ifr(`${ext.origin}/i18n/msgs.xml`)).text();
    assert.match(en, /\nQueue\|Inline\|\n/);
    const fr = await (await ifr(`${ext.origin}/i18n/msgs.xml`, '&lang=fr&country=FR')).text();
    assert.match(fr, /\nFile\|\|\n/);
  });

  test('ifr: Content type="url" answers 302', async () => {
    const res = await ifr(`${ext.origin}/url.xml`, '&up_a=1');
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, `${ext.origin}/page.html`);
    assert.equal(location.searchParams.get('up_a'), '1');
  });

  test('the runtime script for any feature list', async () => {
    const res = await fetch(`${origin}/gadgets/js/pubsub-2:setprefs.js?c=1`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await res.text()).length > 1000);
    const again = await fetch(`${origin}/gadgets/js/core.js`, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    assert.equal(again.status, 304);
  });

  test('makeRequest form POST: method, headers and body forwarded; set-cookie and location only', async () => {
    const before = ext.requests.length;
    const entry = await makeRequest({
      url: `${ext.origin}/echo?q=1`, httpMethod: 'PUT', postData: '<User><state>READY</state></User>',
      headers: new URLSearchParams({ Authorization: 'Basic YWdlbnQxOng=', requestId: 'r-42', 'Content-Type': 'application/xml', Host: 'evil' }).toString(),
      contentType: 'TEXT', refresh: '0',
    });
    assert.equal(entry.rc, 201);
    assert.deepEqual(entry.headers, { 'set-cookie': ['a=1', 'b=2'], location: ['/echo/1'] });
    const seen = ext.requests[before];
    assert.equal(ext.requests.length, before + 1);
    assert.equal(seen?.method, 'PUT');
    assert.equal(seen?.url, '/echo?q=1');
    assert.equal(seen?.headers.authorization, 'Basic YWdlbnQxOng=');
    assert.equal(seen?.headers.requestid, 'r-42');
    assert.equal(seen?.headers['content-type'], 'application/xml');
    assert.equal(seen?.headers.host, ext.hostPort);
    assert.equal(seen?.body, '<User><state>READY</state></User>');
    assert.equal(JSON.parse(entry.body).method, 'PUT');
  });

  test('makeRequest GET with a query, every header when asked', async () => {
    const entry = await makeRequest({ url: `${ext.origin}/echo`, httpMethod: 'GET', getFullHeaders: 'true', refresh: '3600' }, 'GET');
    assert.equal(entry.rc, 201);
    assert.deepEqual(entry.headers['x-custom'], ['yes']);
    assert.deepEqual(entry.headers['content-type'], ['application/json']);
    assert.equal(ext.requests.at(-1)?.method, 'GET');
  });

  test('makeRequest never follows a redirect: the 302 goes back to the gadget', async () => {
    const otherBefore = other.requests.length;
    const entry = await makeRequest({ url: `${ext.origin}/redirect?to=${encodeURIComponent(`${other.origin}/sample.xml`)}` });
    assert.equal(entry.rc, 302);
    assert.deepEqual(entry.headers.location, [`${other.origin}/sample.xml`]);
    assert.equal(other.requests.length, otherBefore);
  });

  test('makeRequest to this node\'s REST API, with the requestId echoed', async () => {
    const restUrl = `${origin}/finesse/api/User/${AGENT}`;
    const entry = await makeRequest({
      url: restUrl, httpMethod: 'GET', headers: `Authorization=${encodeURIComponent(basicAuth(AGENT))}&locale=en_US`,
    });
    assert.equal(entry.rc, 200);
    assert.match(entry.body, /<loginId>agent1<\/loginId>/);
    const put = await makeRequest({
      url: restUrl, httpMethod: 'PUT', getFullHeaders: 'true', postData: '<User><state>NOT_READY</state></User>',
      headers: new URLSearchParams({ Authorization: basicAuth(AGENT), requestId: 'echo-me', 'Content-Type': 'application/xml' }).toString(),
    });
    assert.deepEqual(put.headers.requestid, ['echo-me']);
    const path = await makeRequest({ url: '/finesse/api/SystemInfo' });
    assert.equal(path.rc, 200);
    assert.match(path.body, /<SystemInfo>/);
    const protocolRelative = await makeRequest({ url: `//${other.hostPort}/sample.xml` });
    assert.equal(protocolRelative.rc, 403);
  });

  test('makeRequest: an answer over the size cap is refused', async () => {
    const entry = await makeRequest({ url: `${ext.origin}/large?bytes=${5 * 1024 * 1024}` });
    assert.equal(entry.rc, 502);
    assert.match(entry.body, /larger than/);
  });

  test('makeRequest: bad parameters get 400, and the next request is served', async () => {
    const noUrl = await fetch(`${origin}/gadgets/makeRequest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{garbage' });
    assert.equal(noUrl.status, 400);
    const badMethod = await fetch(`${origin}/gadgets/makeRequest`, { method: 'POST', body: new URLSearchParams({ url: `${ext.origin}/echo`, httpMethod: 'TRACE' }) });
    assert.equal(badMethod.status, 400);
    const badUrl = await fetch(`${origin}/gadgets/makeRequest?url=http%3A%2F%2F%5B`);
    assert.equal(badUrl.status, 400);
    const unsupported = await makeRequest({ url: 'ftp://127.0.0.1/x' });
    assert.equal(unsupported.rc, 403);
    assert.equal((await makeRequest({ url: `${ext.origin}/echo` })).rc, 201);
  });

  test('metadata describes each spec, or says why it cannot', async () => {
    const res = await fetch(`${origin}/gadgets/metadata`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: { country: 'US', language: 'en', view: 'default', container: 'default' },
        gadgets: [{ url: `${ext.origin}/sample.xml`, moduleId: 1 }, { url: `${other.origin}/sample.xml`, moduleId: 2 }] }),
    });
    assert.equal(res.status, 200);
    const body = await res.json() as { gadgets: Array<Record<string, unknown>> };
    const [first, second] = body.gadgets;
    assert.equal(first?.title, 'Sample');
    assert.deepEqual(first?.features, ['pubsub-2', 'dynamic-height']);
    assert.deepEqual(first?.userPrefs, { greeting: { displayName: 'greeting', default: 'hello', datatype: 'string', required: false } });
    assert.match(String(first?.iframeUrl), /^\/gadgets\/ifr\?url=/);
    assert.deepEqual(first?.views, { default: { type: 'html' } });
    assert.equal(second?.moduleId, 2);
    assert.match(String((second?.errors as string[])[0]), /not on the proxy allow-list/);
    const bad = await fetch(`${origin}/gadgets/metadata`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'nope' });
    assert.equal(bad.status, 400);
  });

  test('rpc answers system.listMethods and notImplemented otherwise', async () => {
    const res = await fetch(`${origin}/gadgets/api/rpc`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ method: 'system.listMethods', id: 1 }, { method: 'people.get', id: 2 }]),
    });
    assert.deepEqual(await res.json(), [{ id: 1, result: ['system.listMethods'] }, { id: 2, error: { code: 501, message: 'notImplemented' } }]);
    const rest = await fetch(`${origin}/rest/people/@me`);
    assert.equal(rest.status, 501);
  });
});
