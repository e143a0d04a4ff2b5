// The gadget server's endpoints read their bodies themselves (forms, JSON-RPC), not as the REST API's XML
// elements: inside the calling plugin only, every body arrives as a string.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export function acceptRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, async (_request: FastifyRequest, body: string | Buffer) => String(body));
}

/** Query parameters and, for a form POST, the form's fields (the form wins). */
export function formParams(request: FastifyRequest): URLSearchParams {
  const params = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (typeof request.body === 'string' && type.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(request.body)) params.set(name, value);
  }
  return params;
}

/** This node as the browser reached it. */
export const pageOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
