// POST /gadgets/metadata and the OpenSocial endpoints (desktop-and-gadgets.md §3.4). Metadata describes each
// requested spec as a container needs it to lay the gadget out; JSON-RPC answers system.listMethods and
// notImplemented otherwise, REST notImplemented.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { gadgetIframeUrl } from '../../../desktop/gadget-host/ifr-url.ts';
import { AllowedTargets } from './allowed-targets.ts';
import type { ContainerContext } from './context.ts';
import { ownListenerOrigin } from './own-listener.ts';
import { parseGadgetSpec, type GadgetSpec } from './gadget-spec.ts';
import { acceptRawBodies, pageOrigin } from './raw-bodies.ts';
import { fetchSpec, type SpecSourceOptions } from './spec-source.ts';

const MAX_GADGETS = 64;

const RPC_METHODS = ['system.listMethods'];

type JsonObject = Record<string, unknown>;
const asObject = (value: unknown): JsonObject =>
  (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as JsonObject : {});

function jsonBody(request: FastifyRequest): unknown {
  if (typeof request.body !== 'string' || request.body.trim() === '') return undefined;
  try {
    return JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

export const gadgetMetadataPlugin: FastifyPluginAsync<ContainerContext> = async (app, context) => {
  acceptRawBodies(app);
  const source: SpecSourceOptions = { targets: new AllowedTargets(context), ownOrigin: () => ownListenerOrigin(app) };

  app.post('/gadgets/metadata', async (request, reply) => {
    const body = asObject(jsonBody(request));
    const gadgets = body.gadgets;
    if (!Array.isArray(gadgets) || gadgets.length > MAX_GADGETS) {
      return reply.code(400).send({ error: { code: 400, message: `gadgets must be an array of at most ${MAX_GADGETS} {url, moduleId}` } });
    }
    const ctx = asObject(body.context);
    const view = typeof ctx.view === 'string' ? ctx.view : 'default';
    const origin = pageOrigin(request);
    const answers = await Promise.all(gadgets.map(async (item) => {
      const { url, moduleId } = asObject(item);
      if (typeof url !== 'string') return { url, moduleId, errors: ['url is missing'] };
      const fetched = await fetchSpec(url, origin, source);
      if (!fetched.ok) return { url, moduleId, errors: [fetched.message] };
      const parsed = parseGadgetSpec(fetched.xml);
      if (!parsed.ok) return { url, moduleId, errors: [parsed.message] };
      return describe(parsed.spec, url, String(moduleId ?? 0), view);
    }));
    return reply.type('application/json; charset=utf-8').send({ gadgets: answers });
  });

  const rpc = async (request: FastifyRequest) => {
    const query = asObject(request.query);
    const body = jsonBody(request) ?? (typeof query.method === 'string' ? { method: query.method, id: query.id } : undefined);
    const answer = (call: unknown) => {
      const { method, id } = asObject(call);
      if (method === 'system.listMethods') return { id, result: RPC_METHODS };
      return { id, error: { code: 501, message: 'notImplemented' } };
    };
    return Array.isArray(body) ? body.map(answer) : answer(body);
  };
  for (const url of ['/gadgets/api/rpc', '/rpc']) {
    app.get(url, rpc);
    app.post(url, rpc);
  }
  for (const url of ['/gadgets/api/rest/*', '/rest/*']) {
    app.all(url, async (_request, reply) => reply.code(501).send({ error: { code: 501, message: 'notImplemented' } }));
  }
};

function describe(spec: GadgetSpec, url: string, moduleId: string, view: string): JsonObject {
  const views: JsonObject = {};
  for (const content of spec.contents) {
    for (const name of content.views) views[name] = { type: content.type, ...(content.type === 'url' ? { href: content.href } : {}) };
  }
  const userPrefs: JsonObject = {};
  for (const pref of spec.userPrefs) {
    userPrefs[pref.name] = { displayName: pref.displayName, default: pref.defaultValue, datatype: pref.datatype, required: pref.required };
  }
  return {
    url, moduleId,
    iframeUrl: gadgetIframeUrl({ specUrl: url, mid: moduleId, prefs: {}, view: view === 'canvas' ? 'canvas' : 'default' }),
    title: spec.title, description: spec.description, thumbnail: spec.thumbnail,
    views, features: spec.required.map((f) => f.name), optionalFeatures: spec.optional.map((f) => f.name),
    userPrefs, height: spec.height ?? 0, scrolling: spec.scrolling,
  };
}
