// ReasonCode (rest-api.md §6.1): GET/PUT/DELETE /ReasonCode/{id}, POST /ReasonCode, GET /ReasonCodes?category=,
// and the user's list GET /User/{id}/ReasonCodes?category= (§3.2): global codes and its team's.
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator, requireSelfOrAdministrator } from '../auth/principal.ts';
import { invalidInput, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { expectRoot, optionalBoolean, optionalText, requiredBoolean, requiredEnum, requiredText } from '../representation/fields.ts';
import { REASON_CODE_CATEGORIES } from '../schema.ts';
import type { ReasonCode, ReasonCodeChange } from '../store/reason-codes.ts';
import { reasonCodesForTeam } from '../store/team-visible.ts';
import { categoryParameter, idParam, requiredQueryEnum, sendCreated, sendOk, stringParam, uriOf } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';

const MAX_LABEL = 40;                       // rest-api.md §1.5
const SYSTEM_CODES = new Set([22, 33, 255]); // reserved for the system (rest-api.md §1.5, §3.4)

export const reasonCodeUri = (id: number): string => uriOf(`/ReasonCode/${id}`);

export function reasonCodeNode(rc: ReasonCode): FinesseNode {
  return record('ReasonCode', [
    leaf('category', rc.category), leaf('code', rc.code), leaf('forAll', rc.forAll), leaf('label', rc.label),
    leaf('systemCode', rc.systemCode), leaf('uri', reasonCodeUri(rc.id)),
  ]);
}

const listNode = (category: string, codes: readonly ReasonCode[]): FinesseNode =>
  list('ReasonCodes', 'ReasonCode', codes.map(reasonCodeNode), { category });

function code(body: Element): number | undefined {
  const raw = optionalText(body, 'code');
  if (raw === undefined) return undefined;
  const value = /^[0-9]{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= 999)) throw invalidInput('code', 'The reason code must be a number from 1 to 999.');
  if (SYSTEM_CODES.has(value)) throw invalidInput('code', `The reason code ${value} is reserved for the system.`);
  return value;
}

function label(body: Element, required: boolean): string | undefined {
  const value = required ? requiredText(body, 'label') : optionalText(body, 'label');
  if (value === undefined) return undefined;
  if (value === '' || value.length > MAX_LABEL) throw invalidInput('label', `The label must have 1 to ${MAX_LABEL} characters.`);
  return value;
}

export const reasonCodePlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { reasonCodes } = store;

  const find = async (id: number): Promise<ReasonCode> => {
    const rc = await reasonCodes.get(id);
    if (!rc) throw notFound(String(id), 'Invalid reason code id specified');
    return rc;
  };

  app.get('/ReasonCode/:id', async (request, reply) => sendFinesse(request, reply, reasonCodeNode(await find(idParam(request, 'id', 'reason code')))));

  app.get('/ReasonCodes', { config: { query: [categoryParameter([...REASON_CODE_CATEGORIES, 'ALL'])] } }, async (request, reply) => {
    requireAdministrator(principalOf(request));
    const category = requiredQueryEnum(request, 'category', [...REASON_CODE_CATEGORIES, 'ALL'] as const);
    return sendFinesse(request, reply, listNode(category, await reasonCodes.list(category === 'ALL' ? undefined : category)));
  });

  // rest-api.md §3.2: the global codes and those assigned to the user's team.
  app.get('/User/:userId/ReasonCodes', { config: { query: [categoryParameter(REASON_CODE_CATEGORIES)] } }, async (request, reply) => {
    const userId = stringParam(request, 'userId');
    requireSelfOrAdministrator(principalOf(request), userId);
    const category = requiredQueryEnum(request, 'category', REASON_CODE_CATEGORIES);
    return sendFinesse(request, reply, listNode(category, await reasonCodesForTeam(store, teams.teamOfUser(userId)?.id, category)));
  });

  app.post('/ReasonCode', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'ReasonCode');
    const category = requiredEnum(body, 'category', REASON_CODE_CATEGORIES);
    requiredText(body, 'code');
    const input = { category, code: code(body)!, label: label(body, true)!, forAll: requiredBoolean(body, 'forAll'), systemCode: false };
    const created = await configWrite('reason code', () => reasonCodes.create(input));
    return sendCreated(request, reply, `/ReasonCode/${created.id}`);
  });

  app.put('/ReasonCode/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'reason code');
    const body = expectRoot(bodyOf(request), 'ReasonCode');
    const change: ReasonCodeChange = {};
    const newCode = code(body);
    const newLabel = label(body, false);
    const forAll = optionalBoolean(body, 'forAll');
    if (newCode !== undefined) change.code = newCode;
    if (newLabel !== undefined) change.label = newLabel;
    if (forAll !== undefined) change.forAll = forAll;
    if (Object.keys(change).length === 0) throw invalidInput('ReasonCode', 'Specify at least one of code, label, forAll.');
    if ((await find(id)).systemCode) throw invalidInput(String(id), 'System reason codes cannot be changed.');
    await configWrite('reason code', () => reasonCodes.update(id, change));
    return sendOk(reply);
  });

  app.delete('/ReasonCode/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'reason code');
    if ((await find(id)).systemCode) throw invalidInput(String(id), 'System reason codes cannot be deleted.');
    await reasonCodes.remove(id);   // and its team assignments (foreign key)
    return sendOk(reply);
  });
};
