// The layout paths of the built-in gadgets (desktop-and-gadgets.md §2). A 12.x path such as
// /desktop/scripts/js/callcontrol.js answers the gadget's script, as Finesse 12.x serves its components there,
// unless the client asks for XML: a gadget server fetching the layout URL as a spec (Accept: application/xml)
// gets the gadget spec. A 10.x/11.x alias such as /desktop/gadgets/CallControl.jsp always answers the spec, as
// those pages did. /gadgets/ifr reads the same spec from builtinGadgetSpec().
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DESKTOP_DIST } from './built-assets.ts';
import { BUILTIN_GADGETS, builtinGadgetSpec, gadgetBundle } from './builtin-gadgets.ts';
import type { ContainerContext } from './context.ts';

/** True when the Accept header names an XML type (a browser's script load sends `*\/*`). */
const wantsXml = (request: FastifyRequest): boolean => /\b(?:application|text)\/xml\b/i.test(request.headers.accept ?? '');

const sendSpec = (reply: FastifyReply, spec: string) =>
  reply.type('application/xml; charset=utf-8').header('vary', 'Accept').send(spec);

export const builtinGadgetRoutesPlugin: FastifyPluginAsync<ContainerContext> = async (app, { log }) => {
  for (const gadget of BUILTIN_GADGETS) {
    for (const layoutPath of gadget.paths) {
      const spec = builtinGadgetSpec(layoutPath) ?? '';
      if (layoutPath.endsWith('.jsp')) {
        app.get(layoutPath, async (_request, reply) => sendSpec(reply, spec));
        continue;
      }
      const file = path.join(DESKTOP_DIST, `${gadgetBundle(gadget)}.js`);
      app.get(layoutPath, async (request, reply) => {
        if (wantsXml(request)) return sendSpec(reply, spec);
        const script = await readFile(file).catch(() => undefined);
        if (!script) {
          log.warn({ file }, 'built-in gadget bundle missing; run npm run build:desktop');
          return reply.code(404).type('text/plain; charset=utf-8').send('The desktop has not been built.\n');
        }
        return reply.type('text/javascript; charset=utf-8').header('vary', 'Accept').header('cache-control', 'no-cache').send(script);
      });
    }
  }
};
