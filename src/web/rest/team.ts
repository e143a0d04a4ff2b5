// Team (rest-api.md §5.1): GET /Team/{id} with each agent's state, for the team's supervisors and administrators;
// GET /Teams, every team as id, name and uri (the order of the Team object), for administrators (§5.1, role
// inference); GET /Users, every agent and supervisor of the engine's teams, for administrators (§3.2).
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { isAdministrator, requireAdministrator } from '../auth/principal.ts';
import { requireTeamReader } from '../auth/team-scope.ts';
import { notFound, wrongUser } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { sendFinesse } from '../http/send.ts';
import { leaf, list, record } from '../representation/node.ts';
import type { UserCache } from '../users/user-cache.ts';
import { teamMemberNode, userNode, type FinesseUser } from '../users/user.ts';
import { idParam, uriOf } from './common.ts';
import type { RestContext } from './context.ts';

/** The users behind `ids` in id order; one the directory no longer knows is left out. */
async function loadUsers(users: UserCache, ids: Iterable<string>): Promise<FinesseUser[]> {
  const sorted = [...new Set(ids)].sort((a, b) => a.localeCompare(b));
  const loaded = await Promise.all(sorted.map((id) => users.get(id)));
  return loaded.filter((u): u is FinesseUser => u !== undefined);
}

export const teamPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, users, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  app.get('/Team/:teamId', async (request, reply) => {
    const id = idParam(request, 'teamId', 'Team');
    const principal = principalOf(request);
    const team = teams.team(id);
    // An administrator learns that a team does not exist; a supervisor is told only that it is not theirs.
    if (!team && isAdministrator(principal)) throw notFound(String(id), 'The team was not found.');
    requireTeamReader(principal, id, teams);
    if (!team) throw notFound(String(id), 'The team was not found.');
    const members = await loadUsers(users, team.agents);
    return sendFinesse(request, reply, record('Team', [
      leaf('id', team.id), leaf('name', team.name), leaf('uri', uriOf(`/Team/${team.id}`)),
      list('users', 'User', members.map((u) => teamMemberNode(u))),
    ]));
  });

  // A configuration list (the administrator's team resources): others 403, as the other lists.
  app.get('/Teams', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const all = [...teams.teams()].sort((a, b) => a.id - b.id);
    return sendFinesse(request, reply, list('Teams', 'Team', all.map((t) => record('Team', [
      leaf('id', t.id), leaf('name', t.name), leaf('uri', uriOf(`/Team/${t.id}`)),
    ]))));
  });

  app.get('/Users', async (request, reply) => {
    const principal = principalOf(request);
    if (!isAdministrator(principal)) throw wrongUser(principal.id);
    const ids = teams.teams().flatMap((t) => [...t.agents, ...t.supervisors]);
    const all = await loadUsers(users, ids);
    return sendFinesse(request, reply, list('Users', 'User', all.map((u) => userNode(u, 'User', users.teamsOf(u.loginId)))));
  });
};
