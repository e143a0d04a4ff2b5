// The routes an app registers under a prefix, as Fastify announces them (onRoute), so the OpenAPI document
// (rest-api.md §11 E2) describes exactly what this app serves and never a list kept by hand.
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A short line for the OpenAPI document; without one it is derived from the method and path. */
    summary?: string;
    /** Served without Authorization (SystemInfo, §11 E5; the OpenAPI document itself). */
    anonymous?: boolean;
  }
}

export interface CatalogRoute {
  method: string;
  /** Fastify's form: `/finesse/api/User/:userId`. */
  url: string;
  summary: string | undefined;
  anonymous: boolean;
  /** The properties of a `querystring` schema, when the route has one. */
  query: readonly { name: string; required: boolean }[];
}

function queryOf(schema: RouteOptions['schema']): CatalogRoute['query'] {
  const querystring: unknown = schema?.querystring;
  if (typeof querystring !== 'object' || querystring === null) return [];
  const { properties, required } = querystring as { properties?: unknown; required?: unknown };
  if (typeof properties !== 'object' || properties === null) return [];
  const requiredNames = Array.isArray(required) ? required.map(String) : [];
  return Object.keys(properties).map((name) => ({ name, required: requiredNames.includes(name) }));
}

/** Call before registering the routes: onRoute hooks see only the routes added after them. */
export function collectRoutes(app: FastifyInstance, prefix: string): readonly CatalogRoute[] {
  const routes: CatalogRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url !== prefix && !route.url.startsWith(`${prefix}/`)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // HEAD is the one Fastify adds beside every GET.
      if (method === 'HEAD') continue;
      routes.push({
        method, url: route.url, summary: route.config?.summary, anonymous: route.config?.anonymous === true,
        query: queryOf(route.schema),
      });
    }
  });
  return routes;
}
