// Workflow (rest-api.md §7): GET/PUT/DELETE /Workflow/{id}, POST /Workflow, GET /Workflows (admin), and the
// user's GET /User/{id}/Workflows (§3.2): those assigned to its team.
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator, requireSelfOrAdministrator } from '../auth/principal.ts';
import { FinesseApiError, finesseApiError, invalidInput, notFound, parameterMissing } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, lastChild, optionalText, requiredEnum, requiredText } from '../representation/fields.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import {
  ACTION_VARIABLE_TYPES, type ConditionSet, type TriggerSet, type WorkflowClause,
} from '../schema.ts';
import type { NewWorkflow, Workflow, WorkflowAction, WorkflowRepository } from '../store/workflows.ts';
import { workflowsForTeam } from '../store/team-visible.ts';
import { idParam, sendCreated, sendOk, stringParam, uriOf } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';
import { itemsOf, workflowActionUri } from './workflow-action.ts';

const MAX_CONDITIONS = 5;   // rest-api.md §1.5: ≤ 5 conditions, ≤ 5 actions
const MAX_ACTIONS = 5;
const MAX_TRIGGERS = 5;     // [Poise]
const MAX_NAME = 40;        // (inference: Finesse's workflow name limit)
const MAX_DESCRIPTION = 128;
const MAX_VALUE = 1024;     // variable node, compared value [Poise]
const APPLY_METHODS = ['ALL', 'ANY'] as const;  // rest-api.md §7 (tokens inference)
const COMPARATORS = ['IS_EQUAL', 'IS_NOT_EQUAL', 'BEGINS_WITH', 'ENDS_WITH', 'CONTAINS', 'IS_EMPTY', 'IS_NOT_EMPTY'] as const; // (inference)
const MEDIA = 'voice';      // UCCX: the one media channel (rest-api.md §3.1)
const ACTION_URI = /^(?:https?:\/\/[^/]+)?\/finesse\/api\/WorkflowAction\/([1-9][0-9]{0,9})$/;

const clauseNode = (name: string, c: WorkflowClause): FinesseNode => record(name, [
  record('Variable', [leaf('name', c.variable.name), leaf('node', c.variable.node), leaf('type', c.variable.type)]),
  leaf('comparator', c.comparator), leaf('value', c.value),
]);

/** workflowActions carry summaries (name, type, uri); only the uri is read on writes. */
export function workflowNode(w: Workflow, actions: ReadonlyMap<number, WorkflowAction>): FinesseNode {
  return record('Workflow', [
    leaf('uri', uriOf(`/Workflow/${w.id}`)), leaf('name', w.name), leaf('description', w.description), leaf('media', w.media),
    record('TriggerSet', [leaf('type', w.triggerSet.type), list('triggers', 'Trigger', w.triggerSet.triggers.map((t) => clauseNode('Trigger', t)))]),
    ...(w.conditionSet ? [record('ConditionSet', [
      leaf('applyMethod', w.conditionSet.applyMethod),
      list('conditions', 'Condition', w.conditionSet.conditions.map((c) => clauseNode('Condition', c))),
    ])] : []),
    list('workflowActions', 'WorkflowAction', w.actionIds.map((id) => record('WorkflowAction', [
      leaf('uri', workflowActionUri(id)), leaf('name', actions.get(id)?.name), leaf('type', actions.get(id)?.type),
    ]))),
  ]);
}

function bounded(parent: Element, name: string, max: number, required: boolean): string | undefined {
  const value = required ? requiredText(parent, name) : optionalText(parent, name);
  if (value !== undefined && value.length > max) throw invalidInput(name, `${name} is longer than ${max} characters.`);
  return value;
}

function clause(element: Element): WorkflowClause {
  const variable = lastChild(element, 'Variable');
  if (!variable) throw parameterMissing('Variable');
  return {
    variable: {
      name: bounded(variable, 'name', MAX_NAME * 2, true)!, node: bounded(variable, 'node', MAX_VALUE, false) ?? '',
      type: requiredEnum(variable, 'type', ACTION_VARIABLE_TYPES),
    },
    comparator: requiredEnum(element, 'comparator', COMPARATORS),
    value: bounded(element, 'value', MAX_VALUE, false) ?? '',
  };
}

function triggerSet(body: Element, required: boolean): TriggerSet | undefined {
  const set = lastChild(body, 'TriggerSet');
  if (!set) {
    if (required) throw parameterMissing('TriggerSet');
    return undefined;
  }
  const type = bounded(set, 'type', MAX_NAME, true)!;
  const triggers = itemsOf(set, 'triggers', 'Trigger', MAX_TRIGGERS) ?? [];
  if (triggers.length === 0) throw parameterMissing('Trigger');
  return { type, triggers: triggers.map(clause) };
}

/** Absent: unchanged (undefined); an empty `<ConditionSet/>`: none (null). */
function conditionSet(body: Element): ConditionSet | null | undefined {
  const set = lastChild(body, 'ConditionSet');
  if (!set) return undefined;
  if (set.getChildElements().length === 0) return null;
  const applyMethod = requiredEnum(set, 'applyMethod', APPLY_METHODS);
  const conditions = lastChild(set, 'conditions')?.getChildElements().filter((c) => c.getName() === 'Condition') ?? [];
  if (conditions.length > MAX_CONDITIONS) {
    throw new FinesseApiError(400, 'Maximum Exceeded', 'conditions', `A workflow has at most ${MAX_CONDITIONS} conditions.`);
  }
  return { applyMethod, conditions: conditions.map(clause) };
}

/** The action URIs, in order; each must name an existing action (else Finesse API Error, rest-api.md §1.4). */
async function actionIds(body: Element, workflows: WorkflowRepository): Promise<number[] | undefined> {
  const container = lastChild(body, 'workflowActions');
  if (!container) return undefined;
  const items = container.getChildElements().filter((c) => c.getName() === 'WorkflowAction');
  if (items.length > MAX_ACTIONS) {
    throw new FinesseApiError(400, 'Maximum Exceeded', 'workflowActions', `A workflow has at most ${MAX_ACTIONS} actions.`);
  }
  const ids = items.map((item) => {
    const uri = requiredText(item, 'uri');
    const match = ACTION_URI.exec(uri);
    if (!match) throw invalidInput('uri', `${uri} is not a WorkflowAction URI.`);
    return Number(match[1]);
  });
  if (new Set(ids).size !== ids.length) throw invalidInput('workflowActions', 'A workflow names each action once.');
  const known = new Set((await workflows.getActions(ids)).map((a) => a.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw finesseApiError(workflowActionUri(unknown), 'The workflow names a workflow action that does not exist.');
  return ids;
}

function media(body: Element): string | undefined {
  const value = optionalText(body, 'media');
  if (value !== undefined && value !== MEDIA) throw invalidInput('media', `media must be ${MEDIA}.`);
  return value;
}

export const workflowPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { workflows } = store;

  const render = async (list: readonly Workflow[]): Promise<FinesseNode[]> => {
    const actions = new Map((await workflows.getActions([...new Set(list.flatMap((w) => w.actionIds))])).map((a) => [a.id, a]));
    return list.map((w) => workflowNode(w, actions));
  };

  app.get('/Workflow/:id', async (request, reply) => {
    const id = idParam(request, 'id', 'workflow');
    const workflow = await workflows.get(id);
    if (!workflow) throw notFound(String(id), 'Invalid workflow id specified');
    return sendFinesse(request, reply, (await render([workflow]))[0]!);
  });

  app.get('/Workflows', async (request, reply) => {
    requireAdministrator(principalOf(request));
    return sendFinesse(request, reply, list('Workflows', 'Workflow', await render(await workflows.list())));
  });

  // [Poise] every workflow until team assignments (/Team/{id}/Workflows) exist.
  // The workflows assigned to the user's team (team-visible.ts).
  app.get('/User/:userId/Workflows', async (request, reply) => {
    const userId = stringParam(request, 'userId');
    requireSelfOrAdministrator(principalOf(request), userId);
    return sendFinesse(request, reply, list('Workflows', 'Workflow', await render(await workflowsForTeam(store, teams.teamOfUser(userId)?.id))));
  });

  app.post('/Workflow', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'Workflow');
    const name = bounded(body, 'name', MAX_NAME, true)!;
    const input: NewWorkflow = {
      name, description: bounded(body, 'description', MAX_DESCRIPTION, false) ?? '', media: media(body) ?? MEDIA,
      triggerSet: triggerSet(body, true)!, conditionSet: conditionSet(body) ?? null,
      actionIds: await actionIds(body, workflows) ?? [],
    };
    const created = await configWrite('workflow', () => workflows.create(input));
    return sendCreated(request, reply, `/Workflow/${created.id}`);
  });

  app.put('/Workflow/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'workflow');
    const body = expectRoot(bodyOf(request), 'Workflow');
    const change: Partial<NewWorkflow> = {};
    const name = bounded(body, 'name', MAX_NAME, false);
    if (name === '') throw invalidInput('name', 'The name cannot be empty.');
    const description = bounded(body, 'description', MAX_DESCRIPTION, false);
    const newMedia = media(body);
    const triggers = triggerSet(body, false);
    const conditions = conditionSet(body);
    const ids = await actionIds(body, workflows);
    if (name !== undefined) change.name = name;
    if (description !== undefined) change.description = description;
    if (newMedia !== undefined) change.media = newMedia;
    if (triggers !== undefined) change.triggerSet = triggers;
    if (conditions !== undefined) change.conditionSet = conditions;
    if (ids !== undefined) change.actionIds = ids;
    if (Object.keys(change).length === 0) {
      throw invalidInput('Workflow', 'Specify at least one of name, description, media, TriggerSet, ConditionSet, workflowActions.');
    }
    if (!(await configWrite('workflow', () => workflows.update(id, change)))) throw notFound(String(id), 'Invalid workflow id specified');
    return sendOk(reply);
  });

  app.delete('/Workflow/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'workflow');
    if (!(await workflows.remove(id))) throw notFound(String(id), 'Invalid workflow id specified');
    return sendOk(reply);
  });
};
