// resource (adminapi.md §2.2): list, read, modify, delete. Resources are the call manager's agents and
// supervisors, so POST is 405; a PUT sets what the engine adds to one: group, skills, team, Automatic Available.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { resourceSkills, resources } from '../schema.ts';
import { sendOk, sendXml, urlOf, type AdminContext, type Person } from './context.ts';
import { forbidden, instanceInUse, instanceNotFound, invalidInput, invalidLink, methodNotAllowed } from './errors.ts';
import { stringKey } from './keys.ts';
import { principalOf, requireAdministrator } from './principal.ts';
import type { Snapshot } from './store.ts';
import { supervisedTeams } from './team.ts';
import { expectRoot, leaf, linkOf, record, reference, type AdminNode } from './xml.ts';

export function resourceNode(request: FastifyRequest, p: Person, snap: Snapshot): AdminNode {
  const row = snap.resources.find((r) => r.userId === p.userId);
  const group = snap.resourceGroups.find((g) => g.id === row?.resourceGroupId);
  const team = snap.teams.find((t) => t.id === row?.teamId);
  const teamRef = (element: string, t: { id: number; name: string }) => reference(element, t.name, urlOf(request, 'team', t.id));
  return record('resource', [
    leaf('self', urlOf(request, 'resource', p.userId)), leaf('userID', p.userId), leaf('firstName', p.firstName),
    leaf('lastName', p.lastName), leaf('extension', p.extension), leaf('alias', row?.alias ?? ''),
    ...(group ? [reference('resourceGroup', group.name, urlOf(request, 'resourceGroup', group.id))] : []),
    record('skillMap', snap.resourceSkills.filter((s) => s.userId === p.userId).map((s) => record('skillCompetency', [
      leaf('competencelevel', s.competence),
      reference('skillNameUriPair', snap.skills.find((k) => k.id === s.skillId)?.name ?? '', urlOf(request, 'skill', s.skillId)),
    ]))),
    leaf('autoAvailable', row?.automaticAvailable ?? true), leaf('type', p.type === 'SUPERVISOR' ? 2 : 1),
    ...(team ? [teamRef('team', team)] : []),
    record('primarySupervisorOf', snap.teams.filter((t) => t.primarySupervisor === p.userId).map((t) => teamRef('supervisorOfTeamName', t))),
    record('secondarySupervisorOf', snap.teams.filter((t) => t.secondarySupervisors.includes(p.userId))
      .map((t) => teamRef('supervisorOfTeamName', t))),
  ]);
}

const RESOURCE_FIELDS = ['self', 'userID', 'firstName', 'lastName', 'extension', 'alias', 'resourceGroup', 'skillMap',
  'autoAvailable', 'type', 'team', 'primarySupervisorOf', 'secondarySupervisorOf'];

export const resourcePlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = async (request: FastifyRequest) => {
    const userId = stringKey(request);
    const person = (await ctx.people()).find((p) => p.userId.toLowerCase() === userId.toLowerCase());
    if (!person) throw instanceNotFound(userId);
    return person;
  };
  const visible = (request: FastifyRequest, snap: Snapshot): ((p: Person) => boolean) => {
    const principal = principalOf(request);
    if (principal.administrator) return () => true;
    const teams = new Set(supervisedTeams(snap, principal.id));
    return (p) => snap.resources.some((r) => r.userId === p.userId && r.teamId !== null && teams.has(r.teamId));
  };

  app.get('/resource', async (request, reply) => {
    const snap = await ctx.snapshot();
    let people = (await ctx.people()).filter(visible(request, snap));
    const csqid = (request.query as Record<string, string | undefined>).csqid;
    if (csqid !== undefined) {
      const csq = snap.csqs.find((c) => String(c.id) === csqid);
      if (!csq) throw instanceNotFound(csqid);
      const needs = snap.csqSkills.filter((s) => s.csqId === csq.id);
      people = people.filter((p) => {
        const row = snap.resources.find((r) => r.userId === p.userId);
        if (csq.poolType === 'RESOURCE_GROUP') return row !== undefined && row.resourceGroupId === csq.resourceGroupId;
        const have = snap.resourceSkills.filter((s) => s.userId === p.userId);
        return needs.length > 0 && needs.every((n) => have.some((h) => h.skillId === n.skillId && h.competence >= n.minimumCompetence));
      });
    }
    return sendXml(reply, record('resources', people.map((p) => resourceNode(request, p, snap))));
  });
  app.get('/resource/:id', async (request, reply) => {
    const [snap, person] = [await ctx.snapshot(), await find(request)];
    if (!visible(request, snap)(person)) throw forbidden(principalOf(request).id);
    return sendXml(reply, resourceNode(request, person, snap));
  });
  app.post('/resource', async (request) => { throw methodNotAllowed(request.method); });

  app.put('/resource/:id', async (request, reply) => {
    requireAdministrator(request);
    const person = await find(request);
    const snap = await ctx.snapshot();
    const f = expectRoot(request.body, 'resource').allow(RESOURCE_FIELDS);
    const current = snap.resources.find((r) => r.userId === person.userId);
    const alias = f.text('alias');
    if (alias !== undefined && alias.length > 31) throw invalidInput('alias', 'alias must have at most 31 characters');
    let resourceGroupId = current?.resourceGroupId ?? null;
    const groupPair = f.child('resourceGroup');
    if (groupPair) {
      const link = linkOf(groupPair, 'resourceGroup');
      const group = snap.resourceGroups.find((g) => String(g.id) === link.key);
      if (!group) throw invalidLink(link.path, link.key);
      resourceGroupId = group.id;
    }
    let teamId = current?.teamId ?? null;
    const teamPair = f.child('team');
    if (teamPair) {
      const link = linkOf(teamPair, 'team');
      const team = snap.teams.find((t) => String(t.id) === link.key);
      if (!team) throw invalidLink(link.path, link.key);
      teamId = team.id;
    }
    const map = f.child('skillMap')?.allow(['skillCompetency']);
    const competencies = map?.children('skillCompetency') ?? [];
    if (competencies.length > 50) throw invalidInput('skillMap', 'a resource has at most 50 skills');
    const skills = new Map<number, number>();
    for (const c of competencies) {
      c.allow(['competencelevel', 'skillNameUriPair']);
      const pair = c.child('skillNameUriPair');
      if (!pair) throw invalidInput('skillNameUriPair', 'skillNameUriPair is required');
      const link = linkOf(pair, 'skill');
      const skill = snap.skills.find((s) => String(s.id) === link.key);
      if (!skill) throw invalidLink(link.path, link.key);
      const level = c.int('competencelevel', 1, 10);
      if (level === undefined) throw invalidInput('competencelevel', 'competencelevel is required');
      skills.set(skill.id, level);
    }
    const values = {
      resourceGroupId, teamId, alias: alias ?? current?.alias ?? '',
      automaticAvailable: f.bool('autoAvailable') ?? current?.automaticAvailable ?? true,
    };
    await ctx.write(async (tx) => {
      await tx.insert(resources).values({ userId: person.userId, ...values })
        .onConflictDoUpdate({ target: resources.userId, set: values });
      if (map) {
        await tx.delete(resourceSkills).where(eq(resourceSkills.userId, person.userId));
        const rows = [...skills].map(([skillId, competence]) => ({ userId: person.userId, skillId, competence }));
        if (rows.length > 0) await tx.insert(resourceSkills).values(rows);
      }
    });
    return sendOk(reply);
  });

  // The EndUser itself belongs to the call manager (adminapi.md §1.4): while it is still an agent there, refuse.
  app.delete('/resource/:id', async (request) => {
    requireAdministrator(request);
    const person = await find(request);
    throw instanceInUse('resource', [`callmanager/${person.userId}`]);
  });
};
