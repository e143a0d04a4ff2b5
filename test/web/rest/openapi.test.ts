// rest-api.md §11 E2: the OpenAPI document describes exactly the routes the running app serves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, startWebNode, type WebFixture } from '../../support/web.ts';

interface Operation { summary?: unknown; responses?: unknown; parameters?: unknown; security?: unknown }
interface OpenApi { openapi?: unknown; paths?: Record<string, Record<string, Operation>>; components?: Record<string, Record<string, unknown>> }

/** Every `METHOD path` under /finesse/api, read from Fastify's own route tree (`printRoutes`), HEAD left out. */
function registeredRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2]!;
    stack.push(path);
    if (!path.startsWith('/finesse/api/') || !match[3]) continue;
    for (const method of match[3].split(', ')) if (method !== 'HEAD') out.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return out.sort();
}

describe('OpenAPI document (rest-api.md §11 E2)', () => {
  let fx: WebFixture;
  let doc: OpenApi;
  before(async () => {
    fx = await startWebNode();
    const res = await fetch(`${fx.baseUrl}/openapi.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    doc = JSON.parse(await res.text()) as OpenApi;
  });
  after(async () => { await fx.close(); });

  test('is OpenAPI 3.1.0, served without credentials', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.components?.securitySchemes?.basicAuth, {
      type: 'http', scheme: 'basic', description: 'The user id and password of an agent, a supervisor or the administrator.',
    });
  });

  test('lists every route the app registered under /finesse/api, with its methods, and no other', () => {
    const documented = Object.entries(doc.paths ?? {})
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    const registered = registeredRoutes(fx.web.apps.http.printRoutes({ commonPrefix: false }));
    assert.ok(registered.length > 50, `only ${registered.length} routes found in the route tree`);
    assert.deepEqual(documented, registered);
  });

  test('User/{userId}: GET and PUT, the path parameter, both representations, ApiErrors otherwise', () => {
    const user = doc.paths?.['/finesse/api/User/{userId}'];
    assert.deepEqual(Object.keys(user ?? {}).sort(), ['get', 'put']);
    const get = user!.get!;
    assert.deepEqual((get.parameters as unknown[])[0], { name: 'userId', in: 'path', required: true, schema: { type: 'string' } });
    assert.ok((get.parameters as unknown[]).some((p) => JSON.stringify(p).includes('#/components/parameters/requestId')));
    const responses = get.responses as Record<string, { content?: Record<string, unknown>; $ref?: string }>;
    assert.deepEqual(Object.keys(responses['2XX']?.content ?? {}), ['application/xml', 'application/json']);
    assert.equal(responses.default?.$ref, '#/components/responses/ApiErrors');
    assert.equal(get.security, undefined, 'User needs the document-wide Basic authorization');
    assert.ok(user!.put!.responses);
  });

  test('the reason code lists name their required category', () => {
    const parameters = doc.paths?.['/finesse/api/User/{userId}/ReasonCodes']?.get?.parameters as unknown[];
    assert.ok(parameters.some((p) => JSON.stringify(p) === JSON.stringify(
      { name: 'category', in: 'query', required: true, schema: { type: 'string', enum: ['NOT_READY', 'LOGOUT'] } })),
    JSON.stringify(parameters));
  });

  test('SystemInfo and the document itself are anonymous; every operation has a summary and responses', () => {
    assert.deepEqual(doc.paths?.['/finesse/api/SystemInfo']?.get?.security, []);
    assert.deepEqual(doc.paths?.['/finesse/api/openapi.json']?.get?.security, []);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        assert.equal(typeof operation.summary, 'string', `${method} ${path}`);
        assert.ok(typeof operation.responses === 'object' && operation.responses !== null
          && Object.keys(operation.responses).length > 0, `${method} ${path}`);
      }
    }
    const apiErrors = doc.components?.responses?.ApiErrors as { content?: Record<string, unknown> } | undefined;
    assert.deepEqual(Object.keys(apiErrors?.content ?? {}), ['application/xml', 'application/json']);
  });

  test('carries no user data', async () => {
    const text = await (await fetch(`${fx.baseUrl}/openapi.json`)).text();
    assert.doesNotMatch(text, new RegExp(AGENT, 'i'));
  });
});
