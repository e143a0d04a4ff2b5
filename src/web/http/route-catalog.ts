// The routes an app registers under a prefix, as Fastify announces them (onRoute), so the OpenAPI document
// (rest-api.md §11 E2) describes exactly what this app serves and never a list kept by hand.
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A short line for the OpenAPI document; without one it is derived from the method and path. */
    summary?: string;
    /** Served without Authorization (SystemInfo, §11 E5; the OpenAPI document itself). */
    anonymous?: boolean;
    /** Query parameters the handler reads itself (no querystring schema: its refusals are Finesse's, not Fastify's). */
    query?: readonly QueryParameter[];
  }
}

export interface QueryParameter { name: string; required: boolean; values?: readonly string[] }

export interface CatalogRoute {
  method: string;
  /** Fastify's form: `/finesse/api/User/:userId`. */
  url: string;
  summary: string | undefined;
  anonymous: boolean;
  /** From the route's config, or the properties of its `querystring` schema. */
  query: readonly QueryParameter[];
}

function queryOf(route: RouteOptions): CatalogRoute['query'] {
  if (route.config?.query) return route.config.query;
  const schema = route.schema;
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
        query: queryOf(route),
      });
    }
  });
  return routes;
}
