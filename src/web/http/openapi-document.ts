// rest-api.md §11 E2: an OpenAPI 3.1 description of the REST API, built from the routes the app registered.
// Bodies are Finesse XML (or JSON, §11 E1) whose root names the resource; they are described by media type only.
import type { CatalogRoute } from './route-catalog.ts';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { [key: string]: Json };

const REPRESENTATIONS = ['application/xml', 'application/json'] as const;
const VERBS: Readonly<Record<string, string>> = { GET: 'Read', PUT: 'Change', POST: 'Add to', DELETE: 'Remove' };

/** `/finesse/api/User/:userId` → `/finesse/api/User/{userId}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const pathParamsOf = (url: string): string[] => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

/** `PUT`, `User/{userId}` → `putUserUserId`: unique, since method and path are. */
const operationIdOf = (method: string, resource: string): string => method.toLowerCase()
  + resource.split(/[^A-Za-z0-9]+/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

const finesseBody = (description: string): JsonObject => ({
  description,
  content: Object.fromEntries(REPRESENTATIONS.map((type) => [type, { schema: { type: 'object' } }])),
});

function operationOf(route: CatalogRoute, prefix: string): JsonObject {
  const resource = route.url.slice(prefix.length).replace(/^\//, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const parameters: Json[] = [
    ...pathParamsOf(route.url).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...route.query.map((q) => ({
      name: q.name, in: 'query', required: q.required, schema: q.values ? { type: 'string', enum: [...q.values] } : { type: 'string' },
    })),
    { $ref: '#/components/parameters/requestId' },
  ];
  const success: JsonObject = route.method === 'GET'
    ? finesseBody('The resource, as XML unless Accept asks for JSON.')
    : { description: 'Done or accepted; a created object\'s URL is in Location.',
        headers: { requestId: { $ref: '#/components/headers/requestId' } } };
  const operation: JsonObject = {
    summary: route.summary ?? `${VERBS[route.method] ?? route.method} ${resource}`,
    operationId: operationIdOf(route.method, resource),
    parameters,
    responses: { '2XX': success, default: { $ref: '#/components/responses/ApiErrors' } },
  };
  if (route.method === 'PUT' || route.method === 'POST') {
    operation.requestBody = finesseBody('A Finesse object whose root element names the resource; text/xml and no type are read as XML.');
  }
  if (route.anonymous) operation.security = [];
  return operation;
}

export function buildOpenApiDocument(routes: readonly CatalogRoute[], prefix: string, version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of [...routes].sort((a, b) => a.url.localeCompare(b.url))) {
    const item = paths[openApiPath(route.url)] ??= {};
    item[route.method.toLowerCase()] = operationOf(route, prefix);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Poise Finesse REST API', version,
      description: 'The Cisco Finesse REST API as Poise serves it (docs: rest-api.md). Responses are XML unless Accept asks for JSON.',
    },
    security: [{ basicAuth: [] }],
    paths,
    components: {
      securitySchemes: { basicAuth: { type: 'http', scheme: 'basic', description: 'The user id and password of an agent, a supervisor or the administrator.' } },
      parameters: {
        requestId: { name: 'requestId', in: 'header', required: false, schema: { type: 'string' },
          description: 'Echoed on non-GET responses and carried by the notifications the request causes.' },
      },
      headers: { requestId: { schema: { type: 'string' }, description: 'The request\'s requestId header, echoed.' } },
      schemas: {
        ApiErrors: {
          type: 'object', xml: { name: 'ApiErrors' },
          properties: { ApiError: { type: 'object', properties: {
            ErrorType: { type: 'string' }, ErrorData: { type: 'string' }, ErrorMessage: { type: 'string' },
          } } },
        },
        ApiErrorsJson: {
          type: 'object', properties: {
            status: { type: 'integer' },
            apiErrors: { type: 'object', properties: {
              errorType: { type: 'string' }, errorMessage: { type: 'string' }, errorData: { type: 'string' },
            } },
          },
        },
      },
      responses: {
        ApiErrors: {
          description: 'A refusal or failure, one ApiError (401 bad credentials, 400, 403, 404, 405, 413, 500, 503).',
          content: {
            'application/xml': { schema: { $ref: '#/components/schemas/ApiErrors' } },
            'application/json': { schema: { $ref: '#/components/schemas/ApiErrorsJson' } },
          },
        },
      },
    },
  };
}
