// What a supervisor may do to other users (rest-api.md §1.3, §3.4): its teams' agents only; outside them 403
// Invalid Supervisor [Poise] (Finesse answers 401). Agents act on themselves alone (401), administrators act on
// nobody but read everybody.
import { FinesseApiError, wrongUser } from '../errors.ts';
import type { TeamDirectory } from '../teams/team-directory.ts';
import { isAdministrator, type Principal } from './principal.ts';

export const invalidSupervisor = (userid: string) =>
  new FinesseApiError(403, 'Invalid Supervisor', userid, 'The user is not an agent of the supervisor\'s teams.');

const isSelf = (p: Principal, userid: string): boolean => p.id.toLowerCase() === userid.toLowerCase();
const isSupervisor = (p: Principal): boolean => p.roles.has('Supervisor');

/** GET /User/{id}: self, an administrator, or a supervisor of the user's team (§3.2). */
export function requireUserReader(p: Principal, userid: string, teams: TeamDirectory): void {
  if (isSelf(p, userid) || isAdministrator(p)) return;
  if (!isSupervisor(p)) throw wrongUser(p.id);
  if (!teams.supervises(p.id, userid)) throw invalidSupervisor(p.id);
}

/** PUT /User/{id}: the user itself, or a supervisor of its team acting on it (§3.4). */
export function actingAs(p: Principal, userid: string, teams: TeamDirectory): 'self' | 'supervisor' {
  if (isAdministrator(p)) throw wrongUser(p.id);
  if (isSelf(p, userid)) return 'self';
  if (!isSupervisor(p)) throw wrongUser(p.id);
  if (!teams.supervises(p.id, userid)) throw invalidSupervisor(p.id);
  return 'supervisor';
}

/** GET /Team/{id}: an administrator, or one of the team's supervisors (§5.1). */
export function requireTeamReader(p: Principal, teamId: number, teams: TeamDirectory): void {
  if (isAdministrator(p)) return;
  if (!isSupervisor(p)) throw wrongUser(p.id);
  if (!teams.supervisedBy(p.id).some((t) => t.id === teamId)) throw invalidSupervisor(p.id);
}

/**
 * What a team's members share (TeamResource §5.2, TeamMessages §5.3): the team's agents, its supervisors and
 * administrators; another team's supervisor 403, anybody else 401.
 */
export function requireTeamMember(p: Principal, teamId: number, teams: TeamDirectory): void {
  if (isAdministrator(p)) return;
  if (teams.teamOfUser(p.id)?.id === teamId) return;
  if (!isSupervisor(p)) throw wrongUser(p.id);
  if (!teams.supervisedBy(p.id).some((t) => t.id === teamId)) throw invalidSupervisor(p.id);
}

/** Sending or deleting a TeamMessage (§5.3): an administrator, or a supervisor of every team it is for. */
export function requireTeamSender(p: Principal, teamIds: readonly number[], teams: TeamDirectory): void {
  if (isAdministrator(p)) return;
  if (!isSupervisor(p)) throw wrongUser(p.id);
  const supervised = new Set(teams.supervisedBy(p.id).map((t) => t.id));
  if (!teamIds.every((id) => supervised.has(id))) throw invalidSupervisor(p.id);
}
