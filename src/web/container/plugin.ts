// The desktop side of the web service (desktop-and-gadgets.md): the container page at /desktop/, the gadget
// server under /gadgets/, the Finesse library and the built-in gadgets, the administration at /cfadmin/.
// Registered on both web listeners, outside /finesse/api/.
import type { FastifyPluginAsync } from 'fastify';
import type { ContainerContext } from './context.ts';
import { adminPagePlugin } from './admin-page.ts';
import { assetsPlugin } from './assets.ts';
import { builtinGadgetRoutesPlugin } from './builtin-gadget-routes.ts';
import { desktopConfigPlugin } from './desktop-config.ts';
import { desktopPagePlugin } from './desktop-page.ts';
import { gadgetIfrPlugin } from './gadget-ifr.ts';
import { gadgetJsPlugin } from './gadget-js.ts';
import { gadgetMetadataPlugin } from './gadget-metadata.ts';
import { livedataGadgetPlugin } from './livedata-gadget.ts';
import { thirdPartyGadgetsPlugin } from './third-party-gadgets.ts';
import { makeRequestPlugin } from './make-request.ts';
import { proxyAllowListApiPlugin } from './proxy-allow-list-api.ts';

const CONTAINER_PLUGINS: readonly FastifyPluginAsync<ContainerContext>[] = [
  assetsPlugin,
  desktopPagePlugin,
  desktopConfigPlugin,
  builtinGadgetRoutesPlugin,
  adminPagePlugin,
  livedataGadgetPlugin,
  thirdPartyGadgetsPlugin,
  gadgetIfrPlugin,
  gadgetJsPlugin,
  gadgetMetadataPlugin,
  makeRequestPlugin,
  proxyAllowListApiPlugin,
];

export const containerPlugin: FastifyPluginAsync<ContainerContext> = async (app, context) => {
  for (const plugin of CONTAINER_PLUGINS) await app.register(plugin, context);
};
