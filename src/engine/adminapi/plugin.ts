// The UCCX Configuration REST API under /adminapi/ (adminapi.md): one encapsulated Fastify plugin with its own
// body parser, 1 MiB limit, Basic authentication and error handler, around one plugin per object.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { renderAdminError } from './error-handler.ts';
import type { AdminContext } from './context.ts';
import { applicationPlugin } from './application.ts';
import { csqPlugin } from './csq.ts';
import { instanceNotFound, methodNotAllowed } from './errors.ts';
import { authenticationHook, type AdminAuthenticator } from './principal.ts';
import { resourcePlugin } from './resource.ts';
import { statsPlugin } from './stats.ts';
import type { Engine } from '../engine.ts';
import { resourceGroupPlugin, skillPlugin } from './skill.ts';
import { teamPlugin } from './team.ts';
import { triggerPlugin } from './trigger.ts';
import { parseBody } from './xml.ts';

export const ADMIN_API_PREFIX = '/adminapi';
export const MAX_BODY_BYTES = 1024 * 1024; // adminapi.md §1.2 [Poise]

export interface AdminApiOptions {
  context: AdminContext;
  authenticator: AdminAuthenticator;
  /** The live engine, for the real-time statistics (§3.2); without it those routes are not served. */
  engine?: Engine | undefined;
}

const OBJECTS = ['skill', 'resourceGroup', 'resource', 'team', 'csq', 'application', 'trigger'];

export const adminApiPlugin: FastifyPluginAsync<AdminApiOptions> = async (app, { context, authenticator, engine }) => {
  app.setErrorHandler(renderAdminError);
  app.removeAllContentTypeParsers();
  // XML whatever the declared type (JSON bodies are not read yet).
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
    async (_request: FastifyRequest, body: string) => (body.trim() === '' ? undefined : parseBody(body)));
  app.addHook('onRoute', (route) => { route.bodyLimit = MAX_BODY_BYTES; });
  app.addHook('onRequest', authenticationHook(authenticator));
  app.setNotFoundHandler(async (request: FastifyRequest, _reply: FastifyReply) => {
    const object = request.url.slice(ADMIN_API_PREFIX.length + 1).split(/[/?]/)[0] ?? '';
    if (OBJECTS.some((o) => o.toLowerCase() === object.toLowerCase())) throw methodNotAllowed(request.method);
    throw instanceNotFound(object);
  });
  for (const plugin of [skillPlugin, resourceGroupPlugin, resourcePlugin, teamPlugin, csqPlugin, applicationPlugin, triggerPlugin]) {
    await app.register(plugin, context);
  }
  if (engine) await app.register(statsPlugin, { engine });
};

