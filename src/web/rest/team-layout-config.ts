// TeamLayoutConfig (rest-api.md §7): GET/PUT /Team/{id}/LayoutConfig, a team's own desktop layout or `useDefault`.
// The team's agents, its supervisors and administrators read it (as TeamResource, §5.2); administrators change it,
// as every other configuration. `useDefault` true ignores `layoutxml`; an invalid layout is 400 Invalid Input, as
// for /LayoutConfig/default. A team with nothing stored uses the default.
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator } from '../auth/principal.ts';
import { requireTeamMember } from '../auth/team-scope.ts';
import { invalidInput, notFound, parameterMissing } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { layoutProblem } from '../layout-validation.ts';
import { expectRoot, optionalText, requiredBoolean } from '../representation/fields.ts';
import { leaf, record, type FinesseRecord } from '../representation/node.ts';
import type { WebConfigStore } from '../store/index.ts';
import { DEFAULT_LAYOUT_KEY } from '../store/layout-configs.ts';
import { sendOk, uriOf } from './common.ts';
import type { RestContext } from './context.ts';
import { existingTeamId } from './team-param.ts';

/**
 * The team's TeamLayoutConfig at `path` (also served as /TeamResource/{id}/Layout): its own layout, or with
 * `useDefault` true the default layout, so a reader always gets the layout that applies.
 */
export async function teamLayoutConfigNode(store: WebConfigStore, teamId: number, path: string): Promise<FinesseRecord> {
  const choice = await store.teamLayoutConfigs.get(teamId);
  const own = choice.useDefault ? undefined : choice.layoutXml;
  const layoutXml = own ?? await store.layoutConfigs.get();
  if (layoutXml === undefined) throw notFound(DEFAULT_LAYOUT_KEY, 'No layout is configured.');
  return record('TeamLayoutConfig', [leaf('uri', uriOf(path)), leaf('useDefault', own === undefined), leaf('layoutxml', layoutXml)]);
}

export const teamLayoutConfigPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  app.get('/Team/:teamId/LayoutConfig', async (request, reply) => {
    const teamId = existingTeamId(request, teams);
    requireTeamMember(principalOf(request), teamId, teams);
    return sendFinesse(request, reply, await teamLayoutConfigNode(store, teamId, `/Team/${teamId}/LayoutConfig`));
  });

  app.put('/Team/:teamId/LayoutConfig', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const teamId = existingTeamId(request, teams);
    const body = expectRoot(bodyOf(request), 'TeamLayoutConfig');
    const useDefault = requiredBoolean(body, 'useDefault');
    if (useDefault) {
      // The team's own layout is kept for when it stops using the default.
      const kept = (await store.teamLayoutConfigs.get(teamId)).layoutXml;
      await store.teamLayoutConfigs.put(teamId, kept === undefined ? { useDefault } : { useDefault, layoutXml: kept });
      return sendOk(reply);
    }
    const layoutXml = optionalText(body, 'layoutxml');
    if (!layoutXml) throw parameterMissing('layoutxml');
    const problem = layoutProblem(layoutXml);
    if (problem) throw invalidInput('layoutxml', problem);
    await store.teamLayoutConfigs.put(teamId, { useDefault, layoutXml });
    return sendOk(reply);
  });
};
