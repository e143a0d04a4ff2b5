// The desktop side of the web service (desktop-and-gadgets.md): the container page at /desktop/, the gadget
// server under /gadgets/, the Finesse library and the built-in gadgets, the administration at /cfadmin/.
// Registered on both web listeners, outside /finesse/api/.
import type { FastifyPluginAsync } from 'fastify';
import type { ContainerContext } from './context.ts';
import { assetsPlugin } from './assets.ts';
import { desktopConfigPlugin } from './desktop-config.ts';
import { desktopPagePlugin } from './desktop-page.ts';
import { livedataGadgetPlugin } from './livedata-gadget.ts';

const CONTAINER_PLUGINS: readonly FastifyPluginAsync<ContainerContext>[] = [
  assetsPlugin,
  desktopPagePlugin,
  desktopConfigPlugin,
  livedataGadgetPlugin,
];

export const containerPlugin: FastifyPluginAsync<ContainerContext> = async (app, context) => {
  for (const plugin of CONTAINER_PLUGINS) await app.register(plugin, context);
};
