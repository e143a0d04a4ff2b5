// The layout paths of the built-in gadgets (desktop-and-gadgets.md §2). A 12.x path such as
// /desktop/scripts/js/callcontrol.js answers the gadget's script, as Finesse 12.x serves its components there;
// a 10.x/11.x alias such as /desktop/gadgets/CallControl.jsp answers the gadget spec XML, as those pages did.
// The container renders either through /gadgets/ifr, which reads the spec from builtinGadgetSpec().
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { DESKTOP_DIST } from './built-assets.ts';
import { BUILTIN_GADGETS, builtinGadgetSpec, gadgetBundle } from './builtin-gadgets.ts';
import type { ContainerContext } from './context.ts';

export const builtinGadgetRoutesPlugin: FastifyPluginAsync<ContainerContext> = async (app, { log }) => {
  for (const gadget of BUILTIN_GADGETS) {
    for (const layoutPath of gadget.paths) {
      if (layoutPath.endsWith('.jsp')) {
        const spec = builtinGadgetSpec(layoutPath) ?? '';
        app.get(layoutPath, async (_request, reply) => reply.type('application/xml; charset=utf-8').send(spec));
        continue;
      }
      const file = path.join(DESKTOP_DIST, `${gadgetBundle(gadget)}.js`);
      app.get(layoutPath, async (_request, reply) => {
        const script = await readFile(file).catch(() => undefined);
        if (!script) {
          log.warn({ file }, 'built-in gadget bundle missing; run npm run build:desktop');
          return reply.code(404).type('text/plain; charset=utf-8').send('The desktop has not been built.\n');
        }
        return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script);
      });
    }
  }
};
