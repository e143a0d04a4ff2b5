// rest-api.md §11 E8: opt-in CORS for gadgets served from another origin during development. Only the listed
// origins get headers, and with credentials, so the page's Basic authorization crosses; an origin not listed, or no
// list at all, gets the answers a Finesse client gets. SystemInfo's own `*` (system-info.ts) is left alone then.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ALLOWED_METHODS = 'GET, PUT, POST, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type, requestId, accept';
/** A created object's URL and the echoed requestId (§11 E3) are what a page reads from the headers. */
const EXPOSED_HEADERS = 'location, requestId';

function addVaryOrigin(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : '';
  if (!/(^|,)\s*origin\s*(,|$)/i.test(current)) reply.header('vary', current === '' ? 'Origin' : `${current}, Origin`);
}

/** Adds the hooks to the root of an app, for the paths under `prefix`; does nothing with no origins. */
export function addCors(app: FastifyInstance, prefix: string, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins.map((origin) => origin.toLowerCase()));
  const inScope = (request: FastifyRequest): boolean => {
    const path = request.url.split('?', 1)[0] ?? '';
    return path === prefix || path.startsWith(`${prefix}/`);
  };
  const allowedOrigin = (request: FastifyRequest): string | undefined => {
    const origin = request.headers.origin;
    return typeof origin === 'string' && allowed.has(origin.toLowerCase()) ? origin : undefined;
  };

  // A preflight is answered before authentication, which it never carries; its route may not even exist.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' || !inScope(request) || request.headers['access-control-request-method'] === undefined) return;
    const origin = allowedOrigin(request);
    if (origin === undefined) return;
    await reply.code(204).headers({
      'access-control-allow-methods': ALLOWED_METHODS, 'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
    }).send();
  });
  app.addHook('onSend', async (request, reply) => {
    if (!inScope(request)) return;
    addVaryOrigin(reply);
    const origin = allowedOrigin(request);
    if (origin === undefined) return;
    reply.headers({
      'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true',
      'access-control-expose-headers': EXPOSED_HEADERS,
    });
  });
}
