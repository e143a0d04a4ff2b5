// skill and resourceGroup (adminapi.md §2.1): a name and an id, all five operations. A skill a CSQ names cannot
// be deleted; one only in resources' skill maps is dropped from them (the foreign key cascades).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { resourceGroups, skills } from '../schema.ts';
import { sendCreated, sendOk, sendXml, urlOf, type AdminContext } from './context.ts';
import { duplicateName, instanceInUse, instanceNotFound } from './errors.ts';
import { requireAdministrator } from './principal.ts';
import { sameName } from './store.ts';
import { expectRoot, leaf, record, type AdminNode } from './xml.ts';
import { numericKey } from './keys.ts';

const MAX_NAME = 50;

export const skillNode = (request: FastifyRequest, s: { id: number; name: string }): AdminNode =>
  record('skill', [leaf('self', urlOf(request, 'skill', s.id)), leaf('skillId', s.id), leaf('skillName', s.name)]);

export const skillPlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = async (id: number) => {
    const found = (await ctx.snapshot()).skills.find((s) => s.id === id);
    if (!found) throw instanceNotFound(String(id));
    return found;
  };
  const nameOf = (body: unknown) =>
    expectRoot(body, 'skill').allow(['self', 'skillId', 'skillName']).requiredText('skillName', MAX_NAME);

  app.get('/skill', async (request, reply) => {
    requireAdministrator(request);
    const list = (await ctx.snapshot()).skills.map((s) => skillNode(request, s));
    return sendXml(reply, record('skills', list));
  });
  app.get('/skill/:id', async (request, reply) => {
    requireAdministrator(request);
    return sendXml(reply, skillNode(request, await find(numericKey(request))));
  });
  app.post('/skill', async (request, reply) => {
    requireAdministrator(request);
    const name = nameOf(request.body);
    const id = await ctx.write(async (tx) => {
      if ((await tx.select().from(skills)).some((s) => sameName(s.name, name))) throw duplicateName('skill', name);
      return (await tx.insert(skills).values({ name }).returning({ id: skills.id }))[0]!.id;
    });
    return sendCreated(reply, urlOf(request, 'skill', id));
  });
  app.put('/skill/:id', async (request, reply) => {
    requireAdministrator(request);
    const id = (await find(numericKey(request))).id;
    const name = nameOf(request.body);
    await ctx.write(async (tx) => {
      if ((await tx.select().from(skills)).some((s) => s.id !== id && sameName(s.name, name))) throw duplicateName('skill', name);
      await tx.update(skills).set({ name }).where(eq(skills.id, id));
    });
    return sendOk(reply);
  });
  app.delete('/skill/:id', async (request, reply) => {
    requireAdministrator(request);
    const id = (await find(numericKey(request))).id;
    const users = (await ctx.snapshot()).csqSkills.filter((c) => c.skillId === id).map((c) => `csq/${c.csqId}`);
    if (users.length > 0) throw instanceInUse('skill', users);
    await ctx.write(async (tx) => { await tx.delete(skills).where(eq(skills.id, id)); });
    return sendOk(reply);
  });
};

export const resourceGroupNode = (request: FastifyRequest, g: { id: number; name: string }): AdminNode =>
  record('resourceGroup', [leaf('self', urlOf(request, 'resourceGroup', g.id)), leaf('id', g.id), leaf('name', g.name)]);

export const resourceGroupPlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = async (id: number) => {
    const found = (await ctx.snapshot()).resourceGroups.find((g) => g.id === id);
    if (!found) throw instanceNotFound(String(id));
    return found;
  };
  const nameOf = (body: unknown) =>
    expectRoot(body, 'resourceGroup').allow(['self', 'id', 'name']).requiredText('name', MAX_NAME);

  app.get('/resourceGroup', async (request, reply) => {
    requireAdministrator(request);
    return sendXml(reply, record('resourceGroups', (await ctx.snapshot()).resourceGroups.map((g) => resourceGroupNode(request, g))));
  });
  app.get('/resourceGroup/:id', async (request, reply) => {
    requireAdministrator(request);
    return sendXml(reply, resourceGroupNode(request, await find(numericKey(request))));
  });
  app.post('/resourceGroup', async (request, reply) => {
    requireAdministrator(request);
    const name = nameOf(request.body);
    const id = await ctx.write(async (tx) => {
      if ((await tx.select().from(resourceGroups)).some((g) => sameName(g.name, name))) throw duplicateName('resourceGroup', name);
      return (await tx.insert(resourceGroups).values({ name }).returning({ id: resourceGroups.id }))[0]!.id;
    });
    return sendCreated(reply, urlOf(request, 'resourceGroup', id));
  });
  app.put('/resourceGroup/:id', async (request, reply) => {
    requireAdministrator(request);
    const id = (await find(numericKey(request))).id;
    const name = nameOf(request.body);
    await ctx.write(async (tx) => {
      if ((await tx.select().from(resourceGroups)).some((g) => g.id !== id && sameName(g.name, name))) {
        throw duplicateName('resourceGroup', name);
      }
      await tx.update(resourceGroups).set({ name }).where(eq(resourceGroups.id, id));
    });
    return sendOk(reply);
  });
  app.delete('/resourceGroup/:id', async (request, reply) => {
    requireAdministrator(request);
    const id = (await find(numericKey(request))).id;
    const users = (await ctx.snapshot()).csqs.filter((c) => c.resourceGroupId === id).map((c) => `csq/${c.id}`);
    if (users.length > 0) throw instanceInUse('resourceGroup', users);
    await ctx.write(async (tx) => { await tx.delete(resourceGroups).where(eq(resourceGroups.id, id)); });
    return sendOk(reply);
  });
};

