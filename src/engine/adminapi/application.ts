// application (adminapi.md §2.5), keyed by applicationName. Parameters are stored as values without Java
// quoting; the CSQ parameter must name a CSQ, since that is how a trigger's calls find their queue.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { applications } from '../schema.ts';
import { sendCreated, sendOk, sendXml, urlOf, type AdminContext } from './context.ts';
import { duplicateName, instanceInUse, instanceNotFound, invalidInput } from './errors.ts';
import { stringKey } from './keys.ts';
import { requireAdministrator } from './principal.ts';
import { sameName, type Snapshot } from './store.ts';
import { expectRoot, leaf, record, type AdminNode } from './xml.ts';

type AppRow = Snapshot['applications'][number];

/** `SSCRIPT[icd.aef]` is the built-in icd; other script names → 400 until Poise scripts are served. */
function scriptOf(text: string): string {
  const m = /^S?SCRIPT\[(?:.*\/)?([^/\]]+)\.aef\]$/.exec(text);
  if (!m || m[1] !== 'icd') throw invalidInput('script', `Unknown script ${text}`);
  return m[1];
}

const javaValue = (value: string, type: string): string => (type === 'java.lang.String' ? `"${value}"` : value);

export function applicationNode(request: FastifyRequest, a: AppRow): AdminNode {
  return record('application', [
    leaf('self', urlOf(request, 'application', a.name)),
    record('ScriptApplication', [
      leaf('script', `SSCRIPT[${a.script}.aef]`),
      ...(a.defaultScript ? [leaf('defaultScript', a.defaultScript)] : []),
      ...Object.entries(a.parameters).map(([name, value]) => {
        const type = a.parameterTypes[name] ?? (/^-?[0-9]+$/.test(value) ? 'java.lang.Integer' : 'java.lang.String');
        return record('scriptParams', [leaf('name', name), leaf('value', javaValue(value, type)), leaf('type', type)]);
      }),
    ]),
    leaf('id', a.id), leaf('applicationName', a.name), leaf('type', 'Cisco Script Application'),
    leaf('description', a.description), leaf('maxsession', a.maxSessions), leaf('enabled', a.enabled),
  ]);
}

function readApplication(body: unknown, snap: Snapshot) {
  const f = expectRoot(body, 'application').allow(['self', 'ScriptApplication', 'id', 'applicationName', 'type',
    'description', 'maxsession', 'enabled']);
  const type = f.text('type');
  if (type !== undefined && type !== 'Cisco Script Application') throw invalidInput('type', 'Poise serves Cisco Script Application only');
  const sa = f.child('ScriptApplication')?.allow(['script', 'defaultScript', 'scriptParams']);
  if (!sa) throw invalidInput('ScriptApplication', 'ScriptApplication is required');
  const parameters: Record<string, string> = {};
  const parameterTypes: Record<string, string> = {};
  for (const p of sa.children('scriptParams')) {
    p.allow(['name', 'value', 'type', 'isDefaultValue']);
    const name = p.requiredText('name');
    const raw = p.text('value') ?? '';
    const value = /^".*"$/s.test(raw) ? raw.slice(1, -1) : raw;
    parameters[name] = value;
    parameterTypes[name] = p.text('type') || 'java.lang.String';
  }
  const csq = parameters.CSQ;
  if (csq !== undefined && !snap.csqs.some((c) => c.name === csq || String(c.id) === csq)) {
    throw invalidInput(`CSQ=${csq}`, 'The CSQ parameter must name a CSQ');
  }
  return {
    name: f.requiredText('applicationName', 30), id: f.int('id', 0, 65_535), script: scriptOf(sa.requiredText('script')),
    defaultScript: sa.text('defaultScript') ?? '', parameters, parameterTypes, description: f.text('description') ?? '',
    maxSessions: f.int('maxsession', 1, 100_000) ?? 10, enabled: f.bool('enabled') ?? true,
  };
}

export const applicationPlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = (snap: Snapshot, request: FastifyRequest) => {
    const key = stringKey(request);
    const found = snap.applications.find((a) => sameName(a.name, key));
    if (!found) throw instanceNotFound(key);
    return found;
  };
  const store = (input: ReturnType<typeof readApplication>, current?: AppRow) => ctx.write(async (tx) => {
    const rows = await tx.select().from(applications);
    if (rows.some((a) => a.id !== current?.id && sameName(a.name, input.name))) throw duplicateName('application', input.name);
    if (input.id !== undefined && rows.some((a) => a.id !== current?.id && a.id === input.id)) {
      throw duplicateName('application', String(input.id));
    }
    const { id, ...row } = input;
    if (current) await tx.update(applications).set(row).where(eq(applications.id, current.id));
    else await tx.insert(applications).values(id === undefined ? row : { ...row, id });
  });

  app.get('/application', async (request, reply) => {
    requireAdministrator(request);
    return sendXml(reply, record('applications', (await ctx.snapshot()).applications.map((a) => applicationNode(request, a))));
  });
  app.get('/application/:id', async (request, reply) => {
    requireAdministrator(request);
    return sendXml(reply, applicationNode(request, find(await ctx.snapshot(), request)));
  });
  app.post('/application', async (request, reply) => {
    requireAdministrator(request);
    const input = readApplication(request.body, await ctx.snapshot());
    await store(input);
    return sendCreated(reply, urlOf(request, 'application', input.name));
  });
  app.put('/application/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    const current = find(snap, request);
    await store(readApplication(request.body, snap), current);
    return sendOk(reply);
  });
  app.delete('/application/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    const current = find(snap, request);
    const users = snap.triggers.filter((t) => t.applicationId === current.id).map((t) => `trigger/${t.directoryNumber}`);
    if (users.length > 0) throw instanceInUse('application', users);
    await ctx.write(async (tx) => { await tx.delete(applications).where(eq(applications.id, current.id)); });
    return sendOk(reply);
  });
};
