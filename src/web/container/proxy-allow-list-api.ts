// GET/PUT /cfadmin/api/ProxyAllowList (Poise extension, desktop-and-gadgets.md "Poise extensions"): the hosts an
// administrator allows the gadget server to reach, beyond this node's own web ports which are always allowed.
// `<ProxyAllowList><host>example.com:443</host>…</ProxyAllowList>`, JSON with Accept: application/json.
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator } from '../auth/principal.ts';
import { badRequest, invalidInput } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { leaf, list } from '../representation/node.ts';
import { childElements } from '../../shared/xml/index.ts';
import { formatAllowEntry, parseAllowEntry } from './allow-list.ts';
import type { ContainerContext } from './context.ts';

export const PROXY_ALLOW_LIST_PATH = '/cfadmin/api/ProxyAllowList';
const MAX_ENTRIES = 500;

export const proxyAllowListApiPlugin: FastifyPluginAsync<ContainerContext> = async (app, { authenticate, store, log }) => {
  // Registered as a child so the hook and error handler stay with this resource.
  await app.register(async (api) => {
    api.setErrorHandler(renderFinesseError);
    api.addHook('onRequest', authenticate);
    api.addHook('preHandler', async (request) => requireAdministrator(principalOf(request)));

    api.get(PROXY_ALLOW_LIST_PATH, async (request, reply) => {
      const hosts = await store.proxyAllowList.list();
      return sendFinesse(request, reply, list('ProxyAllowList', 'host', hosts.map((host) => leaf('host', host))));
    });

    api.put(PROXY_ALLOW_LIST_PATH, async (request, reply) => {
      const body = bodyOf(request);
      if (body.getName() !== 'ProxyAllowList') throw badRequest(body.getName(), 'The body must be a ProxyAllowList');
      const entries = childElements(body, 'host');
      if (entries.length > MAX_ENTRIES) throw invalidInput('host', `At most ${MAX_ENTRIES} hosts`);
      const hosts: string[] = [];
      for (const element of entries) {
        const parsed = parseAllowEntry(element.getText());
        if (!parsed.ok) throw invalidInput(element.getText(), parsed.message);
        hosts.push(formatAllowEntry(parsed.entry));
      }
      await store.proxyAllowList.replace(hosts);
      log.info({ user: principalOf(request).id, hosts: hosts.length }, 'proxy allow-list replaced');
      const saved = await store.proxyAllowList.list();
      return sendFinesse(request, reply, list('ProxyAllowList', 'host', saved.map((host) => leaf('host', host))));
    });
  });
};
