// csq (adminapi.md §2.4), all five operations. The pool is skills with competence, weight and order, or a
// resource group; ronaTimeout and ronaRequeue are Poise's extension and keep their values when a PUT omits them.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { RESOURCE_GROUP_CRITERIA, SKILL_GROUP_CRITERIA, type SelectionCriterion } from '../resources/types.ts';
import { csqSkills, csqs, resources } from '../schema.ts';
import { fullName, sendCreated, sendOk, sendXml, urlOf, type AdminContext, type Person } from './context.ts';
import { duplicateName, forbidden, instanceInUse, instanceNotFound, invalidInput, invalidLink } from './errors.ts';
import { numericKey } from './keys.ts';
import { principalOf, requireAdministrator } from './principal.ts';
import { sameName, type Snapshot } from './store.ts';
import { supervisedTeams } from './team.ts';
import { expectRoot, leaf, linkOf, record, reference, type AdminNode, type Fields } from './xml.ts';

type CsqRow = Snapshot['csqs'][number];

export function csqNode(request: FastifyRequest, c: CsqRow, snap: Snapshot, people: readonly Person[]): AdminNode {
  const pool = c.poolType === 'SKILL_GROUP'
    ? record('skillGroup', [
      ...snap.csqSkills.filter((s) => s.csqId === c.id).map((s) => record('skillCompetency', [
        leaf('competencelevel', s.minimumCompetence),
        reference('skillNameUriPair', snap.skills.find((k) => k.id === s.skillId)?.name ?? '', urlOf(request, 'skill', s.skillId)),
        leaf('weight', s.weight), leaf('order', s.skillOrder),
      ])),
      leaf('selectionCriteria', c.selectionCriteria),
    ])
    : record('resourceGroup', [
      reference('resourceGroupNameUriPair', snap.resourceGroups.find((g) => g.id === c.resourceGroupId)?.name ?? '',
        urlOf(request, 'resourceGroup', c.resourceGroupId ?? 0)),
      leaf('selectionCriteria', c.selectionCriteria),
      ...snap.resources.filter((r) => r.resourceGroupId !== null && r.resourceGroupId === c.resourceGroupId)
        .sort((a, b) => (a.groupOrder ?? 0) - (b.groupOrder ?? 0))
        .map((r) => {
          const person = people.find((p) => p.userId === r.userId);
          return record('resourceAndOrder', [
            reference('resource', person ? fullName(person) : r.userId, urlOf(request, 'resource', r.userId)),
            leaf('order', r.groupOrder ?? 1),
          ]);
        }),
    ]);
  return record('csq', [
    leaf('self', urlOf(request, 'csq', c.id)), leaf('id', c.id), leaf('name', c.name), leaf('queueType', c.queueType),
    leaf('queueAlgorithm', 'FIFO'), leaf('autoWork', c.autoWork), leaf('wrapupTime', c.wrapupTime),
    leaf('resourcePoolType', c.poolType), leaf('serviceLevel', c.serviceLevel),
    leaf('serviceLevelPercentage', c.serviceLevelPercentage), record('poolSpecificInfo', [pool]),
    leaf('ronaTimeout', c.ronaTimeoutSec), leaf('ronaRequeue', c.ronaRequeue),
  ]);
}

interface CsqInput {
  row: Omit<CsqRow, 'id' | 'ronaTimeoutSec' | 'ronaRequeue'> & { ronaTimeoutSec?: number; ronaRequeue?: 'HEAD' | 'TAIL' };
  skills: { skillId: number; minimumCompetence: number; weight: number; skillOrder: number }[];
  order: { userId: string; groupOrder: number }[];
}

const CSQ_FIELDS = ['self', 'id', 'name', 'queueType', 'queueAlgorithm', 'autoWork', 'wrapupTime', 'resourcePoolType',
  'serviceLevel', 'serviceLevelPercentage', 'poolSpecificInfo', 'ronaTimeout', 'ronaRequeue'];

function readCsq(body: unknown, snap: Snapshot, people: readonly Person[]): CsqInput {
  const f = expectRoot(body, 'csq').allow(CSQ_FIELDS);
  const name = f.requiredText('name', 50);
  const queueType = f.oneOf('queueType', ['VOICE', 'EMAIL', 'CHAT'] as const);
  if (queueType === undefined) throw invalidInput('queueType', 'queueType is required');
  if (queueType !== 'VOICE') throw invalidInput('queueType', 'Poise serves VOICE queues only');
  if (f.oneOf('queueAlgorithm', ['FIFO'] as const) === undefined) throw invalidInput('queueAlgorithm', 'queueAlgorithm is required');
  const poolType = poolTypeOf(f.text('resourcePoolType'));
  const info = f.child('poolSpecificInfo')?.allow(['skillGroup', 'resourceGroup']);
  const row = {
    name, queueType, poolType, autoWork: f.bool('autoWork') ?? false, wrapupTime: f.int('wrapupTime', 0, 7200) ?? 0,
    serviceLevel: f.int('serviceLevel', 0, 86_400) ?? 5, serviceLevelPercentage: f.int('serviceLevelPercentage', 1, 100) ?? 70,
    resourceGroupId: null as number | null, selectionCriteria: 'Longest Available' as SelectionCriterion,
    ...rona(f),
  };
  const input: CsqInput = { row, skills: [], order: [] };
  if (poolType === 'SKILL_GROUP') {
    const group = info?.child('skillGroup')?.allow(['skillCompetency', 'selectionCriteria']);
    row.selectionCriteria = criterion(group, SKILL_GROUP_CRITERIA);
    const competencies = group?.children('skillCompetency') ?? [];
    if (competencies.length > 50) throw invalidInput('skillCompetency', 'a CSQ has at most 50 skills');
    for (const c of competencies) {
      c.allow(['competencelevel', 'skillNameUriPair', 'weight', 'order']);
      const pair = c.child('skillNameUriPair');
      if (!pair) throw invalidInput('skillNameUriPair', 'skillNameUriPair is required');
      const link = linkOf(pair, 'skill');
      const skill = snap.skills.find((s) => String(s.id) === link.key);
      if (!skill) throw invalidLink(link.path, link.key);
      if (input.skills.some((s) => s.skillId === skill.id)) throw invalidInput(link.path, 'a skill may appear once per CSQ');
      input.skills.push({
        skillId: skill.id, minimumCompetence: c.int('competencelevel', 1, 10) ?? 1, weight: c.int('weight', 1, 1000) ?? 1,
        skillOrder: c.int('order', 1, 1000) ?? 1,
      });
    }
  } else {
    const group = info?.child('resourceGroup')?.allow(['resourceGroupNameUriPair', 'selectionCriteria', 'resourceAndOrder']);
    const pair = group?.child('resourceGroupNameUriPair');
    if (!group || !pair) throw invalidInput('resourceGroupNameUriPair', 'resourceGroupNameUriPair is required');
    const link = linkOf(pair, 'resourceGroup');
    const rg = snap.resourceGroups.find((g) => String(g.id) === link.key);
    if (!rg) throw invalidLink(link.path, link.key);
    row.resourceGroupId = rg.id;
    row.selectionCriteria = criterion(group, RESOURCE_GROUP_CRITERIA);
    for (const entry of group.children('resourceAndOrder')) {
      entry.allow(['resource', 'order']);
      const resource = entry.child('resource');
      if (!resource) throw invalidInput('resource', 'resource is required');
      const r = linkOf(resource, 'resource');
      const member = snap.resources.find((x) => x.userId === r.key && x.resourceGroupId === rg.id);
      if (!member || !people.some((p) => p.userId === r.key)) throw invalidLink(r.path, r.key);
      input.order.push({ userId: member.userId, groupOrder: entry.int('order', 1, 100_000) ?? 1 });
    }
  }
  return input;
}

/** Servers write SKILL_GROUP; one sample page writes skillGroup and ResourceGroup (§2.4): read all of them. */
function poolTypeOf(raw: string | undefined): 'SKILL_GROUP' | 'RESOURCE_GROUP' {
  if (raw === undefined || raw === '') throw invalidInput('resourcePoolType', 'resourcePoolType is required');
  const folded = raw.replaceAll('_', '').toUpperCase();
  const type = (['SKILL_GROUP', 'RESOURCE_GROUP'] as const).find((t) => t.replace('_', '') === folded);
  if (!type) throw invalidInput('resourcePoolType', 'resourcePoolType must be one of SKILL_GROUP, RESOURCE_GROUP');
  return type;
}

function rona(f: Fields): { ronaTimeoutSec?: number; ronaRequeue?: 'HEAD' | 'TAIL' } {
  const timeout = f.int('ronaTimeout', 0, 3600);
  const requeue = f.oneOf('ronaRequeue', ['HEAD', 'TAIL'] as const);
  return { ...(timeout !== undefined ? { ronaTimeoutSec: timeout } : {}), ...(requeue ? { ronaRequeue: requeue } : {}) };
}

function criterion(group: Fields | undefined, allowed: readonly SelectionCriterion[]): SelectionCriterion {
  return group?.oneOf('selectionCriteria', allowed) ?? 'Longest Available';
}

export const csqPlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = (snap: Snapshot, id: number) => {
    const found = snap.csqs.find((c) => c.id === id);
    if (!found) throw instanceNotFound(String(id));
    return found;
  };
  /** Administrators see every CSQ; supervisors those of their teams (adminapi.md §1.3 [Poise]). */
  const visible = (request: FastifyRequest, snap: Snapshot): ((c: CsqRow) => boolean) => {
    const principal = principalOf(request);
    if (principal.administrator) return () => true;
    const teams = new Set(supervisedTeams(snap, principal.id));
    const ids = new Set(snap.teamCsqs.filter((t) => teams.has(t.teamId)).map((t) => t.csqId));
    return (c) => ids.has(c.id);
  };
  const store = async (input: CsqInput, id?: number) => ctx.write(async (tx) => {
    if ((await tx.select().from(csqs)).some((c) => c.id !== id && sameName(c.name, input.row.name))) {
      throw duplicateName('csq', input.row.name);
    }
    let csqId = id;
    if (csqId === undefined) csqId = (await tx.insert(csqs).values(input.row).returning({ id: csqs.id }))[0]!.id;
    else await tx.update(csqs).set(input.row).where(eq(csqs.id, csqId));
    await tx.delete(csqSkills).where(eq(csqSkills.csqId, csqId));
    if (input.skills.length > 0) await tx.insert(csqSkills).values(input.skills.map((s) => ({ ...s, csqId: csqId! })));
    for (const o of input.order) await tx.update(resources).set({ groupOrder: o.groupOrder }).where(eq(resources.userId, o.userId));
    return csqId;
  });

  app.get('/csq', async (request, reply) => {
    const [snap, people] = [await ctx.snapshot(), await ctx.people()];
    const show = visible(request, snap);
    return sendXml(reply, record('csqs', snap.csqs.filter(show).map((c) => csqNode(request, c, snap, people))));
  });
  app.get('/csq/:id', async (request, reply) => {
    const [snap, people] = [await ctx.snapshot(), await ctx.people()];
    const csq = find(snap, numericKey(request));
    if (!visible(request, snap)(csq)) throw forbidden(principalOf(request).id);
    return sendXml(reply, csqNode(request, csq, snap, people));
  });
  app.post('/csq', async (request, reply) => {
    requireAdministrator(request);
    const id = await store(readCsq(request.body, await ctx.snapshot(), await ctx.people()));
    return sendCreated(reply, urlOf(request, 'csq', id));
  });
  app.put('/csq/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    const id = find(snap, numericKey(request)).id;
    await store(readCsq(request.body, snap, await ctx.people()), id);
    return sendOk(reply);
  });
  app.delete('/csq/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    const csq = find(snap, numericKey(request));
    const users = snap.applications.filter((a) => a.parameters.CSQ === csq.name || a.parameters.CSQ === String(csq.id))
      .map((a) => `application/${a.name}`);
    if (users.length > 0) throw instanceInUse('csq', users);
    await ctx.write(async (tx) => { await tx.delete(csqs).where(eq(csqs.id, csq.id)); });
    return sendOk(reply);
  });
};
