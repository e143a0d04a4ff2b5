// Team assignments, administrator only: GET/PUT /Team/{id}/ReasonCodes?category=NOT_READY|LOGOUT (rest-api.md
// §6.1), /Team/{id}/WrapUpReasons (§6.2), /Team/{id}/PhoneBooks and /Team/{id}/Workflows (§7 team lists). A PUT
// carries `<ReasonCodes><ReasonCode><uri>…</uri></ReasonCode>…</ReasonCodes>` and replaces the team's list (for
// reason codes, that category's); a GET answers the assigned objects. Only team-only items can be assigned
// (forAll false, TEAM books, every workflow): a global one already reaches every team [Poise]. The team's members
// read the global items plus these (team-visible.ts).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator } from '../auth/principal.ts';
import { FinesseApiError, finesseApiError, invalidInput } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, requiredText } from '../representation/fields.ts';
import { list } from '../representation/node.ts';
import { REASON_CODE_CATEGORIES } from '../schema.ts';
import { categoryParameter, requiredQueryEnum, sendOk, stringParam } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';
import { phoneBookNode } from './phone-book.ts';
import { reasonCodeNode } from './reason-code.ts';
import { workflowNode } from './workflow.ts';
import { wrapUpReasonNode } from './wrap-up-reason.ts';

/** rest-api.md §7: a team the engine does not know. */
const invalidTeam = (teamId: string) =>
  new FinesseApiError(404, 'finesse.api.team.team_assignment_invalid_team', '574', `Team ${teamId} does not exist.`);

/**
 * The ids the items of `<wrapper><item><uri>/finesse/api/{type}/{id}</uri></item>…</wrapper>` name, each once; a
 * relative or absolute URL (the Location a create answered).
 */
function referencedIds(body: Element, wrapper: string, item: string): number[] {
  expectRoot(body, wrapper);
  const pattern = new RegExp(`^(?:https?://[^/]+)?/finesse/api/${item}/([1-9][0-9]{0,9})$`);
  const ids = body.getChildElements().filter((c) => c.getName() === item).map((element) => {
    const uri = requiredText(element, 'uri');
    const id = Number(pattern.exec(uri)?.[1] ?? NaN);
    if (!Number.isSafeInteger(id) || id > 2_147_483_647) throw invalidInput(uri, `Not a ${item} URI.`);
    return id;
  });
  return [...new Set(ids)];
}

/** Every id names a stored item (else 400 Finesse API Error: §1.4 "config object missing") that may be assigned. */
function checkAssignable<T extends { id: number }>(ids: readonly number[], items: readonly T[], type: string,
                                                   problem: (item: T) => string | undefined): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const id of ids) {
    const found = byId.get(id);
    if (!found) throw finesseApiError(String(id), `The ${type} ${id} does not exist.`);
    const why = problem(found);
    if (why) throw invalidInput(String(id), why);
  }
}

export const teamAssignmentPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { teamAssignments } = store;

  /** Administrators only, then the team of the URL; an agent learns nothing of teams. */
  const teamOf = (request: FastifyRequest): number => {
    requireAdministrator(principalOf(request));
    const raw = stringParam(request, 'teamId');
    const teamId = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
    if (!teams.team(teamId)) throw invalidTeam(raw);
    return teamId;
  };
  const categoryOf = (request: FastifyRequest) => requiredQueryEnum(request, 'category', REASON_CODE_CATEGORIES);

  app.get('/Team/:teamId/ReasonCodes', { config: { query: [categoryParameter(REASON_CODE_CATEGORIES)] } }, async (request, reply) => {
    const teamId = teamOf(request);
    const category = categoryOf(request);
    const ids = new Set(await teamAssignments.reasonCodeIds(teamId, category));
    const codes = (await store.reasonCodes.list(category)).filter((rc) => ids.has(rc.id));
    return sendFinesse(request, reply, list('ReasonCodes', 'ReasonCode', codes.map(reasonCodeNode), { category }));
  });

  app.put('/Team/:teamId/ReasonCodes', { config: { query: [categoryParameter(REASON_CODE_CATEGORIES)] } }, async (request, reply) => {
    const teamId = teamOf(request);
    const category = categoryOf(request);
    const ids = referencedIds(bodyOf(request), 'ReasonCodes', 'ReasonCode');
    checkAssignable(ids, await store.reasonCodes.list(), 'reason code', (rc) =>
      rc.category !== category ? `The reason code ${rc.id} is not a ${category} code.`
        : rc.systemCode ? `The reason code ${rc.id} is a system code.`
        : rc.forAll ? `The reason code ${rc.id} is global (forAll true).` : undefined);
    await configWrite('reason code', () => teamAssignments.replaceReasonCodes(teamId, category, ids));
    return sendOk(reply);
  });

  app.get('/Team/:teamId/WrapUpReasons', async (request, reply) => {
    const ids = new Set(await teamAssignments.wrapUpReasonIds(teamOf(request)));
    const reasons = (await store.wrapUpReasons.list()).filter((w) => ids.has(w.id));
    return sendFinesse(request, reply, list('WrapUpReasons', 'WrapUpReason', reasons.map(wrapUpReasonNode)));
  });

  app.put('/Team/:teamId/WrapUpReasons', async (request, reply) => {
    const teamId = teamOf(request);
    const ids = referencedIds(bodyOf(request), 'WrapUpReasons', 'WrapUpReason');
    checkAssignable(ids, await store.wrapUpReasons.list(), 'wrap-up reason', (w) =>
      w.forAll ? `The wrap-up reason ${w.id} is global (forAll true).` : undefined);
    await configWrite('wrap-up reason', () => teamAssignments.replaceWrapUpReasons(teamId, ids));
    return sendOk(reply);
  });

  app.get('/Team/:teamId/PhoneBooks', async (request, reply) => {
    const ids = new Set(await teamAssignments.phoneBookIds(teamOf(request)));
    const books = (await store.phoneBooks.list()).filter((b) => ids.has(b.id));
    return sendFinesse(request, reply, list('PhoneBooks', 'PhoneBook', books.map((b) => phoneBookNode(b, undefined))));
  });

  app.put('/Team/:teamId/PhoneBooks', async (request, reply) => {
    const teamId = teamOf(request);
    const ids = referencedIds(bodyOf(request), 'PhoneBooks', 'PhoneBook');
    checkAssignable(ids, await store.phoneBooks.list(), 'phone book', (b) =>
      b.type !== 'TEAM' ? `The phone book ${b.id} is ${b.type}, not TEAM.` : undefined);
    await configWrite('phone book', () => teamAssignments.replacePhoneBooks(teamId, ids));
    return sendOk(reply);
  });

  app.get('/Team/:teamId/Workflows', async (request, reply) => {
    const ids = new Set(await teamAssignments.workflowIds(teamOf(request)));
    const workflows = (await store.workflows.list()).filter((w) => ids.has(w.id));
    const actions = new Map((await store.workflows.getActions([...new Set(workflows.flatMap((w) => w.actionIds))])).map((a) => [a.id, a]));
    return sendFinesse(request, reply, list('Workflows', 'Workflow', workflows.map((w) => workflowNode(w, actions))));
  });

  app.put('/Team/:teamId/Workflows', async (request, reply) => {
    const teamId = teamOf(request);
    const ids = referencedIds(bodyOf(request), 'Workflows', 'Workflow');
    checkAssignable(ids, await store.workflows.list(), 'workflow', () => undefined);
    await configWrite('workflow', () => teamAssignments.replaceWorkflows(teamId, ids));
    return sendOk(reply);
  });
};
