// Static files of the desktop: the built bundles, with ETag and Last-Modified so a warm desktop load revalidates
// instead of downloading again, and jQuery at the path Finesse gadgets include it from.
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { BUNDLE_PREFIX, DESKTOP_DIST, JQUERY_FILE } from './built-assets.ts';
import path from 'node:path';
import type { ContainerContext } from './context.ts';

export const assetsPlugin: FastifyPluginAsync<ContainerContext> = async (app) => {
  await app.register(fastifyStatic, { root: DESKTOP_DIST, prefix: BUNDLE_PREFIX, decorateReply: true, cacheControl: true, maxAge: 0 });
  app.get('/desktop/assets/js/jquery.min.js', async (_request, reply) =>
    reply.sendFile(path.basename(JQUERY_FILE), path.dirname(JQUERY_FILE)));
  // The Finesse-compatible library where gadgets include it from (spec §1, §5): the `finesse` bundle.
  app.get('/desktop/assets/js/finesse.js', async (_request, reply) => reply.sendFile('finesse.js', DESKTOP_DIST));
  // The same library as an ES module (a Poise extension): `import { restservices } from '/desktop/assets/js/finesse.mjs'`.
  app.get('/desktop/assets/js/finesse.mjs', async (_request, reply) => reply.sendFile('finesse.mjs', DESKTOP_DIST));
};
