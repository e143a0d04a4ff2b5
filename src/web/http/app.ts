// The web service's HTTP face: the Finesse REST API under /finesse/api/ (rest-api.md §1). One builder serves the
// HTTP listener (8082) and the HTTPS one (8445).
import Fastify, {
  LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyPluginOptions, type FastifyRequest,
} from 'fastify';
import type { Logger } from '../../shared/logger.ts';
import type { TlsMaterial } from '../../shared/tls.ts';
import { notFound } from '../errors.ts';
import { parseJsonBody, parseXmlBody } from '../representation/request-body.ts';
import { renderFinesseError } from './error-handler.ts';
import { principalIdOf } from '../auth/hook.ts';
import { addCors } from './cors.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { collectRoutes } from './route-catalog.ts';

export const API_PREFIX = '/finesse/api';

export interface WebAppOptions<Context extends FastifyPluginOptions> {
  log: Logger;
  tls?: TlsMaterial;
  /** rest-api.md §1.5: 2 MiB; a larger body gets 413 with ApiErrors (§11 E7). */
  maxBodyBytes: number;
  resources: readonly FastifyPluginAsync<Context>[];
  context: Context;
  /** Hooks for every resource at once, added to their common scope before they are registered. */
  guards?: (api: FastifyInstance) => void;
  /** rest-api.md §11 E8: origins whose pages may call the API with credentials; none: no CORS headers. */
  corsOrigins?: readonly string[];
}

/** The Finesse release whose API this is (rest-api.md sources), as the OpenAPI document's version. */
const API_VERSION = '12.5(1)';

export async function buildWebApp<Context extends FastifyPluginOptions>(options: WebAppOptions<Context>): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.maxBodyBytes,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  }) as unknown as FastifyInstance;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, async (_request: FastifyRequest, body: string) => {
    const result = parseJsonBody(body);
    if (!result.ok) throw result.error;
    return result.root;
  });
  // application/xml, text/xml, and also any other or no type (rest-api.md §1.2, inference).
  app.addContentTypeParser('*', { parseAs: 'string' }, async (_request: FastifyRequest, body: string) => {
    if (body.trim() === '') return undefined;
    const result = parseXmlBody(body);
    if (!result.ok) throw result.error;
    return result.root;
  });

  // rest-api.md §11 E3: the requestId header is echoed on every non-GET response.
  app.addHook('onSend', async (request, reply) => {
    const requestId = request.headers.requestid;
    if (request.method !== 'GET' && typeof requestId === 'string') reply.header('requestId', requestId);
  });
  // The web-services log: one line per request, the user as authenticated ('' when not), never the password.
  const requestLog = options.log.child({ component: 'web-services' });
  app.addHook('onResponse', async (request, reply) => {
    const requestId = request.headers.requestid;
    requestLog.info({
      method: request.method, path: request.url.split('?')[0], user: principalIdOf(request) ?? '',
      status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10,
      requestId: typeof requestId === 'string' ? requestId.slice(0, 128) : '', reqId: request.id,
    }, 'web request');
  });

  addCors(app, API_PREFIX, options.corsOrigins ?? []);

  app.setErrorHandler(renderFinesseError);
  app.setNotFoundHandler(async (request) => {
    throw notFound(request.url, `No resource at ${request.method} ${request.url}`);
  });
  const routes = collectRoutes(app, API_PREFIX);
  await app.register(async (api) => {
    options.guards?.(api);
    for (const resource of options.resources) await api.register(resource, options.context);
  }, { prefix: API_PREFIX });
  // rest-api.md §11 E2. Anonymous, so tools fetch it as they fetch SystemInfo: it names routes, never data, and
  // no Finesse client asks for it. Outside the guards' scope: a node out of service still describes its API.
  let openApi: string | undefined;
  app.get(`${API_PREFIX}/openapi.json`, { config: { anonymous: true, summary: 'This document' } }, async (_request, reply) => {
    openApi ??= JSON.stringify(buildOpenApiDocument(routes, API_PREFIX, API_VERSION));
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(openApi);
  });
  return app;
}
