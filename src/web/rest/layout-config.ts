// LayoutConfig (rest-api.md §7): GET/PUT /LayoutConfig/default, the desktop layout XML carried escaped in
// `layoutxml` (desktop-and-gadgets.md §2). Users read it; administrators change it.
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator } from '../auth/principal.ts';
import { invalidInput, notFound, parameterMissing } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { layoutProblem } from '../layout-validation.ts';
import { expectRoot, lastChild } from '../representation/fields.ts';
import { leaf, record } from '../representation/node.ts';
import { DEFAULT_LAYOUT_KEY } from '../store/layout-configs.ts';
import { sendOk, stringParam, uriOf } from './common.ts';
import type { RestContext } from './context.ts';

export const layoutConfigPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  const key = (id: string): string => {
    if (id !== DEFAULT_LAYOUT_KEY) throw notFound(id, 'Only the default layout exists.');
    return id;
  };

  app.get('/LayoutConfig/:id', async (request, reply) => {
    const layoutXml = await store.layoutConfigs.get(key(stringParam(request, 'id')));
    if (layoutXml === undefined) throw notFound(DEFAULT_LAYOUT_KEY, 'No layout is configured.');
    return sendFinesse(request, reply, record('LayoutConfig', [
      leaf('uri', uriOf(`/LayoutConfig/${DEFAULT_LAYOUT_KEY}`)), leaf('layoutxml', layoutXml),
    ]));
  });

  app.put('/LayoutConfig/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = key(stringParam(request, 'id'));
    const body = expectRoot(bodyOf(request), 'LayoutConfig');
    const element = lastChild(body, 'layoutxml');
    const layoutXml = element?.getText().trim();
    if (!layoutXml) throw parameterMissing('layoutxml');
    const problem = layoutProblem(layoutXml);
    if (problem) throw invalidInput('layoutxml', problem);
    await store.layoutConfigs.put(layoutXml, id);
    return sendOk(reply);
  });
};
