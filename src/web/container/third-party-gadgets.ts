// Third-party gadgets hosted on the node itself, at /3rdpartygadget/files/… (desktop-and-gadgets.md §1, S2): where a
// Finesse administrator uploads a customer's gadget so that layouts name it relative to the node. Poise keeps them
// in `<data dir>/3rdpartygadget/files/`; only files under it are served, never a listing.
import { mkdir } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ContainerContext } from './context.ts';

export const THIRD_PARTY_PREFIX = '/3rdpartygadget/files/';

export const thirdPartyGadgetsPlugin: FastifyPluginAsync<ContainerContext> = async (app, { thirdPartyGadgetDir }) => {
  await mkdir(thirdPartyGadgetDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: thirdPartyGadgetDir, prefix: THIRD_PARTY_PREFIX, decorateReply: false, index: false, list: false, dotfiles: 'deny',
    cacheControl: true, maxAge: 0,
  });
};
