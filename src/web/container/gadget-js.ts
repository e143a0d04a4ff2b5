// GET /gadgets/js/<f1:f2…>.js (desktop-and-gadgets.md §3.4): one runtime bundle provides every supported
// feature, so any feature list gets it. Read again only when the build changes it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { DESKTOP_DIST } from './built-assets.ts';
import type { ContainerContext } from './context.ts';
import { RUNTIME_BUNDLE } from './gadget-features.ts';

const RUNTIME_FILE = path.join(DESKTOP_DIST, `${RUNTIME_BUNDLE}.js`);

export const gadgetJsPlugin: FastifyPluginAsync<ContainerContext> = async (app, context) => {
  let cached: { mtimeMs: number; body: Buffer; etag: string } | undefined;

  const runtime = async () => {
    const info = await stat(RUNTIME_FILE);
    if (cached?.mtimeMs !== info.mtimeMs) {
      cached = { mtimeMs: info.mtimeMs, body: await readFile(RUNTIME_FILE), etag: `"rt-${info.size}-${Math.floor(info.mtimeMs)}"` };
    }
    return cached;
  };

  app.get<{ Params: { features: string } }>('/gadgets/js/:features', async (request, reply) => {
    if (!request.params.features.endsWith('.js')) return reply.code(404).type('text/plain').send('Not a feature script');
    let script;
    try {
      script = await runtime();
    } catch (err) {
      context.log.error({ err }, 'the gadget runtime is not built (npm run build:desktop)');
      return reply.code(503).type('text/plain').send('The gadget runtime is not built');
    }
    reply.header('etag', script.etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === script.etag) return reply.code(304).send();
    return reply.type('application/javascript; charset=utf-8').send(script.body);
  });
};
