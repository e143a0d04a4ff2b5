// MediaPropertiesLayout (rest-api.md §7): GET/PUT/DELETE /MediaPropertiesLayout/{id}, GET/PUT
// /MediaPropertiesLayout/default (other methods 405), POST /MediaPropertiesLayout, GET /MediaPropertiesLayouts
// (admin), and the user's GET /User/{id}/MediaPropertiesLayout (the default) and /MediaPropertiesLayouts (§3.2).
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator, requireSelfOrAdministrator } from '../auth/principal.ts';
import { FinesseApiError, invalidInput, methodNotAllowed, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, lastChild, optionalBoolean, optionalEnum, optionalText, requiredText } from '../representation/fields.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { MEDIA_PROPERTIES_LAYOUT_TYPES, type LayoutEntry } from '../schema.ts';
import type { MediaPropertiesLayout, MediaPropertiesLayoutRepository } from '../store/media-properties-layouts.ts';
import { idParam, sendCreated, sendOk, stringParam, uriOf } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';

const MAX_COLUMNS = 2;          // rest-api.md §7: ≤ 2 columns × 10 entries
const MAX_ENTRIES = 10;
const MAX_HEADER_ENTRIES = 10;  // [Poise]: the spec bounds columns only
const MAX_POP_OVER = 5;         // rest-api.md §7: more than 5 pop-over entries → 400
const MAX_NAME = 40;            // as Workflow names (inference)
const MAX_DESCRIPTION = 128;
const MAX_FIELD = 128;          // displayName, mediaProperty [Poise]
const DEFAULT_ID = 'default';

export const mediaPropertiesLayoutUri = (id: number | string): string => uriOf(`/MediaPropertiesLayout/${id}`);

const entryNode = (e: LayoutEntry): FinesseNode => record('entry', [
  leaf('displayName', e.displayName), leaf('mediaProperty', e.mediaProperty),
  leaf('showInPopOver', e.showInPopOver), leaf('uiEditable', e.uiEditable),
]);

export const mediaPropertiesLayoutNode = (layout: MediaPropertiesLayout): FinesseNode => record('MediaPropertiesLayout', [
  leaf('uri', mediaPropertiesLayoutUri(layout.id)), leaf('name', layout.name), leaf('description', layout.description),
  leaf('type', layout.type), list('header', 'entry', layout.header.map(entryNode)),
  ...layout.columns.map((column) => list('column', 'entry', column.map(entryNode))),
]);

const listNode = (layouts: readonly MediaPropertiesLayout[]): FinesseNode =>
  list('MediaPropertiesLayouts', 'MediaPropertiesLayout', layouts.map(mediaPropertiesLayoutNode));

const childrenNamed = (parent: Element, name: string): Element[] => parent.getChildElements().filter((c) => c.getName() === name);

function bounded(name: string, value: string | undefined, max: number, allowEmpty: boolean): string | undefined {
  if (value === undefined) return undefined;
  if ((!allowEmpty && value === '') || value.length > max) {
    throw invalidInput(name, `${name} must have ${allowEmpty ? 0 : 1} to ${max} characters.`);
  }
  return value;
}

const maximumExceeded = (data: string, message: string) => new FinesseApiError(400, 'Maximum Exceeded', data, message);

function entries(container: Element, max: number): LayoutEntry[] {
  const found = childrenNamed(container, 'entry');
  if (found.length > max) throw maximumExceeded(container.getName(), `A ${container.getName()} holds at most ${max} entries.`);
  return found.map((entry) => ({
    displayName: bounded('displayName', requiredText(entry, 'displayName'), MAX_FIELD, false)!,
    mediaProperty: bounded('mediaProperty', requiredText(entry, 'mediaProperty'), MAX_FIELD, false)!,
    showInPopOver: optionalBoolean(entry, 'showInPopOver') ?? false,
    uiEditable: optionalBoolean(entry, 'uiEditable') ?? false,
  }));
}

interface Arrangement { header?: LayoutEntry[]; columns?: LayoutEntry[][] }

/** `header` and `column` elements, each replacing what is stored when given. */
function arrangement(body: Element): Arrangement {
  const out: Arrangement = {};
  const header = lastChild(body, 'header');
  if (header) out.header = entries(header, MAX_HEADER_ENTRIES);
  const columns = childrenNamed(body, 'column');
  if (columns.length > MAX_COLUMNS) throw maximumExceeded('column', `A layout has at most ${MAX_COLUMNS} columns.`);
  if (columns.length > 0) out.columns = columns.map((c) => entries(c, MAX_ENTRIES));
  return out;
}

function checkPopOver(header: readonly LayoutEntry[], columns: readonly LayoutEntry[][]): void {
  const count = [...header, ...columns.flat()].filter((e) => e.showInPopOver).length;
  if (count > MAX_POP_OVER) throw maximumExceeded('showInPopOver', `At most ${MAX_POP_OVER} entries may show in the pop-over.`);
}

export const mediaPropertiesLayoutPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const layouts: MediaPropertiesLayoutRepository = store.mediaPropertiesLayouts;

  const findDefault = async (): Promise<MediaPropertiesLayout> => {
    const layout = await layouts.getDefault();
    if (!layout) throw notFound(DEFAULT_ID, 'No default media properties layout is configured.');
    return layout;
  };
  const find = async (id: number): Promise<MediaPropertiesLayout> => {
    const layout = await layouts.get(id);
    if (!layout) throw notFound(String(id), 'Invalid media properties layout id specified');
    return layout;
  };

  /** PUT on an id or on `default`: some or all of name, description, header, columns; the type never changes. */
  const update = async (body: Element, current: MediaPropertiesLayout): Promise<void> => {
    const name = bounded('name', optionalText(body, 'name'), MAX_NAME, false);
    const description = bounded('description', optionalText(body, 'description'), MAX_DESCRIPTION, true);
    const type = optionalEnum(body, 'type', MEDIA_PROPERTIES_LAYOUT_TYPES);
    if (type !== undefined && type !== current.type) throw invalidInput('type', 'The type of a layout cannot be changed.');
    const { header, columns } = arrangement(body);
    if ([name, description, header, columns].every((v) => v === undefined)) {
      throw invalidInput('MediaPropertiesLayout', 'Specify at least one of name, description, header, column.');
    }
    checkPopOver(header ?? current.header, columns ?? current.columns);
    await configWrite('media properties layout', () => layouts.update(current.id, {
      ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}),
      ...(header ? { header } : {}), ...(columns ? { columns } : {}),
    }));
  };

  app.get(`/MediaPropertiesLayout/${DEFAULT_ID}`, async (request, reply) =>
    sendFinesse(request, reply, mediaPropertiesLayoutNode(await findDefault())));

  app.put(`/MediaPropertiesLayout/${DEFAULT_ID}`, async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'MediaPropertiesLayout');
    await update(body, await findDefault());
    return sendOk(reply);
  });

  // rest-api.md §1.4, §7: the default layout answers GET and PUT only.
  for (const method of ['POST', 'DELETE'] as const) {
    app.route({
      method, url: `/MediaPropertiesLayout/${DEFAULT_ID}`,
      config: { summary: 'Refused: 405 Method Not Allowed' },
      handler: async (request) => { throw methodNotAllowed(method, request.url); },
    });
  }

  app.get('/MediaPropertiesLayout/:id', async (request, reply) =>
    sendFinesse(request, reply, mediaPropertiesLayoutNode(await find(idParam(request, 'id', 'media properties layout')))));

  app.get('/MediaPropertiesLayouts', async (request, reply) => {
    requireAdministrator(principalOf(request));
    return sendFinesse(request, reply, listNode(await layouts.list()));
  });

  app.get('/User/:userId/MediaPropertiesLayout', async (request, reply) => {
    requireSelfOrAdministrator(principalOf(request), stringParam(request, 'userId'));
    return sendFinesse(request, reply, mediaPropertiesLayoutNode(await findDefault()));
  });

  // [Poise] every layout until team assignments exist: ECC user.layout picks any of them by name (§7).
  app.get('/User/:userId/MediaPropertiesLayouts', async (request, reply) => {
    requireSelfOrAdministrator(principalOf(request), stringParam(request, 'userId'));
    return sendFinesse(request, reply, listNode(await layouts.list()));
  });

  app.post('/MediaPropertiesLayout', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'MediaPropertiesLayout');
    const name = bounded('name', requiredText(body, 'name'), MAX_NAME, false)!;
    const description = bounded('description', optionalText(body, 'description'), MAX_DESCRIPTION, true) ?? '';
    // The one DEFAULT layout always exists (seeded); administrators add CUSTOM ones.
    if ((optionalEnum(body, 'type', MEDIA_PROPERTIES_LAYOUT_TYPES) ?? 'CUSTOM') !== 'CUSTOM') {
      throw invalidInput('type', 'Only CUSTOM layouts can be created; the DEFAULT layout is changed in place.');
    }
    const { header = [], columns = [] } = arrangement(body);
    checkPopOver(header, columns);
    const created = await configWrite('media properties layout', () =>
      layouts.create({ name, description, type: 'CUSTOM', header, columns }));
    return sendCreated(request, reply, `/MediaPropertiesLayout/${created.id}`);
  });

  app.put('/MediaPropertiesLayout/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'media properties layout');
    const body = expectRoot(bodyOf(request), 'MediaPropertiesLayout');
    await update(body, await find(id));
    return sendOk(reply);
  });

  app.delete('/MediaPropertiesLayout/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'media properties layout');
    // rest-api.md §1.4: deleting the default layout → 403.
    if ((await find(id)).type === 'DEFAULT') throw new FinesseApiError(403, 'Forbidden', String(id), 'The default layout cannot be deleted.');
    await layouts.remove(id);
    return sendOk(reply);
  });
};
