// TeamResource (rest-api.md §5.2, Finesse 12.5): read-only copies of what a team's members are assigned, valid for
// every member: /TeamResource/{teamId}/ReasonCodes?category=NOT_READY|LOGOUT|ALL, /WrapUpReasons,
// /MediaPropertiesLayouts, /PhoneBooks, /Workflows and /Layout. The team's agents, its supervisors and
// administrators read them; an unknown team is 404 TeamId Not Found.
// These are the lists the team's users get (§3.2, team-visible.ts): the global reason codes, wrap-up reasons and
// phone books plus those assigned to the team, the team's workflows, every layout; the desktop layout is the team's
// TeamLayoutConfig.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { requireTeamMember } from '../auth/team-scope.ts';
import { FinesseApiError } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { sendFinesse } from '../http/send.ts';
import { list } from '../representation/node.ts';
import { REASON_CODE_CATEGORIES } from '../schema.ts';
import { phoneBooksForTeam, reasonCodesForTeam, workflowsForTeam, wrapUpReasonsForTeam } from '../store/team-visible.ts';
import { categoryParameter, requiredQueryEnum } from './common.ts';
import type { RestContext } from './context.ts';
import { mediaPropertiesLayoutNode } from './media-properties-layout.ts';
import { phoneBookNode } from './phone-book.ts';
import { reasonCodeNode } from './reason-code.ts';
import { teamLayoutConfigNode } from './team-layout-config.ts';
import { existingTeamId } from './team-param.ts';
import { workflowNode } from './workflow.ts';
import { wrapUpReasonNode } from './wrap-up-reason.ts';

const MAX_CONTACTS = 6_000; // rest-api.md §1.5, §5.2: more in one answer → 416

export const teamResourcePlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  /** The team of the URL, once the caller may read it. */
  const teamOf = (request: FastifyRequest): number => {
    const teamId = existingTeamId(request, teams);
    requireTeamMember(principalOf(request), teamId, teams);
    return teamId;
  };

  app.get('/TeamResource/:teamId/ReasonCodes', { config: { query: [categoryParameter([...REASON_CODE_CATEGORIES, 'ALL'])] } }, async (request, reply) => {
    const teamId = teamOf(request);
    const category = requiredQueryEnum(request, 'category', [...REASON_CODE_CATEGORIES, 'ALL'] as const);
    const codes = await reasonCodesForTeam(store, teamId, category === 'ALL' ? undefined : category);
    return sendFinesse(request, reply, list('ReasonCodes', 'ReasonCode', codes.map(reasonCodeNode), { category }));
  });

  app.get('/TeamResource/:teamId/WrapUpReasons', async (request, reply) => {
    const reasons = await wrapUpReasonsForTeam(store, teamOf(request));
    return sendFinesse(request, reply, list('WrapUpReasons', 'WrapUpReason', reasons.map(wrapUpReasonNode)));
  });

  app.get('/TeamResource/:teamId/MediaPropertiesLayouts', async (request, reply) => {
    teamOf(request);
    const layouts = await store.mediaPropertiesLayouts.list();
    return sendFinesse(request, reply, list('MediaPropertiesLayouts', 'MediaPropertiesLayout', layouts.map(mediaPropertiesLayoutNode)));
  });

  // The books with their contacts, so a desktop needs one request; past 6000 contacts 416, as Finesse answers.
  app.get('/TeamResource/:teamId/PhoneBooks', async (request, reply) => {
    const books = await phoneBooksForTeam(store, teamOf(request));
    const contacts = await Promise.all(books.map((b) => store.phoneBooks.listContacts(b.id)));
    const total = contacts.reduce((n, c) => n + c.length, 0);
    if (total > MAX_CONTACTS) {
      throw new FinesseApiError(416, 'Range Not Satisfiable', String(total), `The team's phone books hold more than ${MAX_CONTACTS} contacts.`);
    }
    return sendFinesse(request, reply, list('PhoneBooks', 'PhoneBook', books.map((b, i) => phoneBookNode(b, contacts[i]))));
  });

  app.get('/TeamResource/:teamId/Workflows', async (request, reply) => {
    const workflows = await workflowsForTeam(store, teamOf(request));
    const actions = new Map((await store.workflows.getActions([...new Set(workflows.flatMap((w) => w.actionIds))])).map((a) => [a.id, a]));
    return sendFinesse(request, reply, list('Workflows', 'Workflow', workflows.map((w) => workflowNode(w, actions))));
  });

  // The team's TeamLayoutConfig (§7), readable by every member of the team.
  app.get('/TeamResource/:teamId/Layout', async (request, reply) => {
    const teamId = teamOf(request);
    return sendFinesse(request, reply, await teamLayoutConfigNode(store, teamId, `/TeamResource/${teamId}/Layout`));
  });
};
