// WorkflowAction (rest-api.md §7): GET/PUT/DELETE /WorkflowAction/{id}, POST /WorkflowAction, GET /WorkflowActions
// (admin). Users read single actions, which their workflows name by URI.
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator } from '../auth/principal.ts';
import { invalidInput, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, lastChild, optionalEnum, optionalText, requiredEnum, requiredText } from '../representation/fields.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import {
  ACTION_VARIABLE_TYPES, WORKFLOW_ACTION_HANDLERS, WORKFLOW_ACTION_TYPES, type ActionVariable, type WorkflowActionParam,
} from '../schema.ts';
import type { NewWorkflowAction, WorkflowAction } from '../store/workflows.ts';
import { idParam, sendCreated, sendOk, uriOf } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';

const MAX_NAME = 64;       // (inference)
const MAX_ITEMS = 50;      // params and action variables each [Poise]
const MAX_VALUE = 4096;    // a param value may hold a URL or request body [Poise]

export const workflowActionUri = (id: number): string => uriOf(`/WorkflowAction/${id}`);

export const workflowActionNode = (a: WorkflowAction): FinesseNode => record('WorkflowAction', [
  leaf('uri', workflowActionUri(a.id)), leaf('name', a.name), leaf('type', a.type), leaf('handledBy', a.handledBy),
  list('params', 'Param', a.params.map((p) => record('Param', [leaf('name', p.name), leaf('value', p.value)]))),
  list('actionVariables', 'ActionVariable', a.actionVariables.map((v) => record('ActionVariable', [
    leaf('name', v.name), leaf('node', v.node), leaf('type', v.type), leaf('testValue', v.testValue),
  ]))),
]);

/** Items of a wrapper element (`params/Param`), bounded. */
export function itemsOf(parent: Element, wrapper: string, item: string, max: number): Element[] | undefined {
  const container = lastChild(parent, wrapper);
  if (!container) return undefined;
  const items = container.getChildElements().filter((c) => c.getName() === item);
  if (items.length > max) throw invalidInput(wrapper, `${wrapper} holds at most ${max} ${item} elements.`);
  return items;
}

function text(parent: Element, name: string, max: number, required: boolean): string {
  const value = required ? requiredText(parent, name) : optionalText(parent, name) ?? '';
  if (value.length > max) throw invalidInput(name, `${name} is longer than ${max} characters.`);
  return value;
}

function name(body: Element, required: boolean): string | undefined {
  const value = required ? requiredText(body, 'name') : optionalText(body, 'name');
  if (value !== undefined && (value === '' || value.length > MAX_NAME)) throw invalidInput('name', `The name must have 1 to ${MAX_NAME} characters.`);
  return value;
}

const params = (body: Element): WorkflowActionParam[] | undefined => itemsOf(body, 'params', 'Param', MAX_ITEMS)
  ?.map((p) => ({ name: text(p, 'name', MAX_NAME, true), value: text(p, 'value', MAX_VALUE, false) }));

const actionVariables = (body: Element): ActionVariable[] | undefined => itemsOf(body, 'actionVariables', 'ActionVariable', MAX_ITEMS)
  ?.map((v) => ({
    name: text(v, 'name', MAX_NAME, true), node: text(v, 'node', MAX_VALUE, false),
    type: requiredEnum(v, 'type', ACTION_VARIABLE_TYPES), testValue: text(v, 'testValue', MAX_VALUE, false),
  }));

export const workflowActionPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { workflows } = store;

  app.get('/WorkflowAction/:id', async (request, reply) => {
    const id = idParam(request, 'id', 'workflow action');
    const action = await workflows.getAction(id);
    if (!action) throw notFound(String(id), 'Invalid workflow action id specified');
    return sendFinesse(request, reply, workflowActionNode(action));
  });

  app.get('/WorkflowActions', async (request, reply) => {
    requireAdministrator(principalOf(request));
    return sendFinesse(request, reply, list('WorkflowActions', 'WorkflowAction', (await workflows.listActions()).map(workflowActionNode)));
  });

  app.post('/WorkflowAction', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'WorkflowAction');
    const input: NewWorkflowAction = {
      name: name(body, true)!, type: requiredEnum(body, 'type', WORKFLOW_ACTION_TYPES),
      handledBy: requiredEnum(body, 'handledBy', WORKFLOW_ACTION_HANDLERS),
      params: params(body) ?? [], actionVariables: actionVariables(body) ?? [],
    };
    const created = await configWrite('workflow action', () => workflows.createAction(input));
    return sendCreated(request, reply, `/WorkflowAction/${created.id}`);
  });

  app.put('/WorkflowAction/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'workflow action');
    const body = expectRoot(bodyOf(request), 'WorkflowAction');
    const change: Partial<NewWorkflowAction> = {};
    const newName = name(body, false);
    const type = optionalEnum(body, 'type', WORKFLOW_ACTION_TYPES);
    const handledBy = optionalEnum(body, 'handledBy', WORKFLOW_ACTION_HANDLERS);
    const newParams = params(body);
    const variables = actionVariables(body);
    if (newName !== undefined) change.name = newName;
    if (type !== undefined) change.type = type;
    if (handledBy !== undefined) change.handledBy = handledBy;
    if (newParams !== undefined) change.params = newParams;
    if (variables !== undefined) change.actionVariables = variables;
    if (Object.keys(change).length === 0) {
      throw invalidInput('WorkflowAction', 'Specify at least one of name, type, handledBy, params, actionVariables.');
    }
    if (!(await configWrite('workflow action', () => workflows.updateAction(id, change)))) {
      throw notFound(String(id), 'Invalid workflow action id specified');
    }
    return sendOk(reply);
  });

  // An action a workflow still names is refused by the store: 400 Finesse API Error (rest-api.md §1.4).
  app.delete('/WorkflowAction/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'workflow action');
    if (!(await configWrite('workflow action', () => workflows.removeAction(id)))) {
      throw notFound(String(id), 'Invalid workflow action id specified');
    }
    return sendOk(reply);
  });
};
