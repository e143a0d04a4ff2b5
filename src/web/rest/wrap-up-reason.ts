// WrapUpReason (rest-api.md §6.2): GET/PUT/DELETE /WrapUpReason/{id}, POST /WrapUpReason, GET /WrapUpReasons,
// and the user's list GET /User/{id}/WrapUpReasons (§3.2). Same rules as ReasonCode.
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator, requireSelfOrAdministrator } from '../auth/principal.ts';
import { invalidInput, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { expectRoot, optionalBoolean, optionalText, requiredBoolean, requiredText } from '../representation/fields.ts';
import type { WrapUpReason } from '../store/wrap-up-reasons.ts';
import { wrapUpReasonsForTeam } from '../store/team-visible.ts';
import { idParam, sendCreated, sendOk, stringParam, uriOf, utf8Bytes } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';

const MAX_LABEL_BYTES = 39; // rest-api.md §1.5

export const wrapUpReasonNode = (w: WrapUpReason): FinesseNode => record('WrapUpReason', [
  leaf('forAll', w.forAll), leaf('label', w.label), leaf('uri', uriOf(`/WrapUpReason/${w.id}`)),
]);

const listNode = (reasons: readonly WrapUpReason[]): FinesseNode => list('WrapUpReasons', 'WrapUpReason', reasons.map(wrapUpReasonNode));

function label(body: Element, required: boolean): string | undefined {
  const value = required ? requiredText(body, 'label') : optionalText(body, 'label');
  if (value === undefined) return undefined;
  if (value === '' || utf8Bytes(value) > MAX_LABEL_BYTES) throw invalidInput('label', `The label must have 1 to ${MAX_LABEL_BYTES} bytes.`);
  return value;
}

export const wrapUpReasonPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { wrapUpReasons } = store;

  const find = async (id: number): Promise<WrapUpReason> => {
    const found = await wrapUpReasons.get(id);
    if (!found) throw notFound(String(id), 'Invalid wrap-up reason id specified');
    return found;
  };

  app.get('/WrapUpReason/:id', async (request, reply) =>
    sendFinesse(request, reply, wrapUpReasonNode(await find(idParam(request, 'id', 'wrap-up reason')))));

  app.get('/WrapUpReasons', async (request, reply) => {
    requireAdministrator(principalOf(request));
    return sendFinesse(request, reply, listNode(await wrapUpReasons.list()));
  });

  // Global reasons and those assigned to the user's team (§6.2, same rules as ReasonCode).
  app.get('/User/:userId/WrapUpReasons', async (request, reply) => {
    const userId = stringParam(request, 'userId');
    requireSelfOrAdministrator(principalOf(request), userId);
    return sendFinesse(request, reply, listNode(await wrapUpReasonsForTeam(store, teams.teamOfUser(userId)?.id)));
  });

  app.post('/WrapUpReason', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'WrapUpReason');
    const input = { label: label(body, true)!, forAll: requiredBoolean(body, 'forAll') };
    const created = await configWrite('wrap-up reason', () => wrapUpReasons.create(input));
    return sendCreated(request, reply, `/WrapUpReason/${created.id}`);
  });

  app.put('/WrapUpReason/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'wrap-up reason');
    const body = expectRoot(bodyOf(request), 'WrapUpReason');
    const newLabel = label(body, false);
    const forAll = optionalBoolean(body, 'forAll');
    if (newLabel === undefined && forAll === undefined) throw invalidInput('WrapUpReason', 'Specify at least one of label, forAll.');
    await find(id);
    await configWrite('wrap-up reason', () => wrapUpReasons.update(id, {
      ...(newLabel !== undefined ? { label: newLabel } : {}), ...(forAll !== undefined ? { forAll } : {}),
    }));
    return sendOk(reply);
  });

  app.delete('/WrapUpReason/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'wrap-up reason');
    if (!(await wrapUpReasons.remove(id))) throw notFound(String(id), 'Invalid wrap-up reason id specified');
    return sendOk(reply);
  });
};
