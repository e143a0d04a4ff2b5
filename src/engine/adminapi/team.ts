// team (adminapi.md §2.3), all five operations. Naming a resource moves it here; a PUT list is complete and the
// resources left out go to team 1. Team 1 cannot be deleted.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { and, eq, notInArray } from 'drizzle-orm';
import { resources, teamCsqs, teams } from '../schema.ts';
import { fullName, sendCreated, sendOk, sendXml, urlOf, type AdminContext, type Person } from './context.ts';
import { duplicateName, forbidden, instanceInUse, instanceNotFound, invalidInput, invalidLink } from './errors.ts';
import { numericKey } from './keys.ts';
import { principalOf, requireAdministrator } from './principal.ts';
import { sameName, type Snapshot } from './store.ts';
import { expectRoot, leaf, linkOf, record, reference, type AdminNode, type Fields } from './xml.ts';

type TeamRow = Snapshot['teams'][number];

/** Team 1 is always present; it takes the resources and CSQs of teams deleted or left (adminapi.md §1.4, §2.3). */
const DEFAULT_TEAM_ID = 1;

/** Ids of the teams a user supervises, first or second. */
export const supervisedTeams = (snap: Snapshot, userId: string): number[] =>
  snap.teams.filter((t) => t.primarySupervisor === userId || t.secondarySupervisors.includes(userId)).map((t) => t.id);

export function teamNode(request: FastifyRequest, t: TeamRow, snap: Snapshot, people: readonly Person[]): AdminNode {
  const person = (userId: string) => {
    const p = people.find((x) => x.userId === userId);
    return reference('resource', p ? fullName(p) : userId, urlOf(request, 'resource', userId));
  };
  const sup = (element: string, userId: string) => ({ ...person(userId), name: element });
  return record('team', [
    leaf('self', urlOf(request, 'team', t.id)), leaf('teamId', t.id), leaf('teamname', t.name),
    ...(t.primarySupervisor ? [sup('primarySupervisor', t.primarySupervisor)] : []),
    record('secondarySupervisors', t.secondarySupervisors.map((s) => sup('secondrySupervisor', s))),
    record('resources', snap.resources.filter((r) => r.teamId === t.id).map((r) => person(r.userId))),
    record('csqs', snap.teamCsqs.filter((c) => c.teamId === t.id).map((c) =>
      reference('csq', snap.csqs.find((q) => q.id === c.csqId)?.name ?? '', urlOf(request, 'csq', c.csqId)))),
    leaf('acdBusyOnNonAcdBusy', t.acdBusyOnNonAcdBusy), leaf('nonAcdBusyOverride', t.nonAcdBusyOverride),
  ]);
}

interface TeamInput {
  name: string; primarySupervisor: string | null; secondarySupervisors: string[]; members: string[]; csqIds: number[];
  acdBusyOnNonAcdBusy: boolean; nonAcdBusyOverride: boolean;
}

function readTeam(body: unknown, snap: Snapshot, people: readonly Person[]): TeamInput {
  const f = expectRoot(body, 'team').allow(['self', 'teamId', 'teamname', 'primarySupervisor', 'secondarySupervisors',
    'resources', 'csqs', 'acdBusyOnNonAcdBusy', 'nonAcdBusyOverride']);
  const supervisor = (pair: Fields) => {
    const link = linkOf(pair, 'resource');
    const p = people.find((x) => x.userId === link.key);
    if (!p) throw invalidLink(link.path, link.key);
    if (p.type !== 'SUPERVISOR') throw invalidInput(link.path, `${p.userId} is not a supervisor`);
    return p.userId;
  };
  const primary = f.child('primarySupervisor');
  const seconds = f.child('secondarySupervisors')?.allow(['secondrySupervisor', 'secondarySupervisor']);
  const members = (f.child('resources')?.allow(['resource']).children('resource') ?? []).map((pair) => {
    const link = linkOf(pair, 'resource');
    if (!people.some((p) => p.userId === link.key)) throw invalidLink(link.path, link.key);
    return link.key;
  });
  const csqIds = (f.child('csqs')?.allow(['csq']).children('csq') ?? []).map((pair) => {
    const link = linkOf(pair, 'csq');
    const csq = snap.csqs.find((c) => String(c.id) === link.key);
    if (!csq) throw invalidLink(link.path, link.key);
    return csq.id;
  });
  return {
    name: f.requiredText('teamname', 49), primarySupervisor: primary ? supervisor(primary) : null,
    secondarySupervisors: [...(seconds?.children('secondrySupervisor') ?? []), ...(seconds?.children('secondarySupervisor') ?? [])]
      .map(supervisor),
    members: [...new Set(members)], csqIds: [...new Set(csqIds)],
    acdBusyOnNonAcdBusy: f.bool('acdBusyOnNonAcdBusy') ?? false, nonAcdBusyOverride: f.bool('nonAcdBusyOverride') ?? false,
  };
}

export const teamPlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = (snap: Snapshot, id: number) => {
    const found = snap.teams.find((t) => t.id === id);
    if (!found) throw instanceNotFound(String(id));
    return found;
  };
  const visible = (request: FastifyRequest, snap: Snapshot): ((t: TeamRow) => boolean) => {
    const principal = principalOf(request);
    if (principal.administrator) return () => true;
    const mine = new Set(supervisedTeams(snap, principal.id));
    return (t) => mine.has(t.id);
  };
  const store = (input: TeamInput, id?: number) => ctx.write(async (tx) => {
    if ((await tx.select().from(teams)).some((t) => t.id !== id && sameName(t.name, input.name))) {
      throw duplicateName('team', input.name);
    }
    const { members, csqIds, ...row } = input;
    let teamId = id;
    if (teamId === undefined) teamId = (await tx.insert(teams).values(row).returning({ id: teams.id }))[0]!.id;
    else await tx.update(teams).set(row).where(eq(teams.id, teamId));
    // Every resource has exactly one team: those left out go to team 1 (adminapi.md §2.3).
    const left = members.length > 0 ? notInArray(resources.userId, members) : undefined;
    await tx.update(resources).set({ teamId: DEFAULT_TEAM_ID })
      .where(left ? and(eq(resources.teamId, teamId), left) : eq(resources.teamId, teamId));
    for (const userId of members) {
      await tx.insert(resources).values({ userId, teamId }).onConflictDoUpdate({ target: resources.userId, set: { teamId } });
    }
    await tx.delete(teamCsqs).where(eq(teamCsqs.teamId, teamId));
    if (csqIds.length > 0) await tx.insert(teamCsqs).values(csqIds.map((csqId) => ({ teamId: teamId!, csqId })));
    return teamId;
  });

  app.get('/team', async (request, reply) => {
    const [snap, people] = [await ctx.snapshot(), await ctx.people()];
    return sendXml(reply, record('teams', snap.teams.filter(visible(request, snap)).map((t) => teamNode(request, t, snap, people))));
  });
  app.get('/team/:id', async (request, reply) => {
    const [snap, people] = [await ctx.snapshot(), await ctx.people()];
    const team = find(snap, numericKey(request));
    if (!visible(request, snap)(team)) throw forbidden(principalOf(request).id);
    return sendXml(reply, teamNode(request, team, snap, people));
  });
  app.post('/team', async (request, reply) => {
    requireAdministrator(request);
    const id = await store(readTeam(request.body, await ctx.snapshot(), await ctx.people()));
    return sendCreated(reply, urlOf(request, 'team', id));
  });
  app.put('/team/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    const id = find(snap, numericKey(request)).id;
    await store(readTeam(request.body, snap, await ctx.people()), id);
    return sendOk(reply);
  });
  app.delete('/team/:id', async (request, reply) => {
    requireAdministrator(request);
    const team = find(await ctx.snapshot(), numericKey(request));
    if (team.id === DEFAULT_TEAM_ID) throw instanceInUse('team', [`team/${DEFAULT_TEAM_ID}`]);
    await ctx.write(async (tx) => {
      await tx.update(resources).set({ teamId: DEFAULT_TEAM_ID }).where(eq(resources.teamId, team.id));
      const handed = (await tx.select().from(teamCsqs).where(eq(teamCsqs.teamId, team.id)))
        .map((c) => ({ teamId: DEFAULT_TEAM_ID, csqId: c.csqId }));
      if (handed.length > 0) await tx.insert(teamCsqs).values(handed).onConflictDoNothing();
      await tx.delete(teams).where(eq(teams.id, team.id));
    });
    return sendOk(reply);
  });
};
