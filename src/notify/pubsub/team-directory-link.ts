// The notification service's view of the teams, for supervisors' subscriptions (notifications.md §3.1, §11: "roles
// and teams from engine via web"). The service starts before web and the engine, so it holds this link, empty
// (NO_TEAMS) until a source is plugged in. In one process `web` plugs in its team directory, which the engine feeds
// over CTI (TEAM_CONFIG_EVENTs). When notify runs alone, the source is the team map the web service in another
// node sends over its publisher link: the link is the one seam either way, and the policy never knows which.
import { NO_TEAMS, type TeamDirectory } from './policy.ts';
import type { TeamMemberships } from './team-memberships.ts';

export class TeamDirectoryLink implements TeamDirectory {
  #source: TeamDirectory = NO_TEAMS;

  use(source: TeamDirectory): void { this.#source = source; }

  teamOf(userid: string): string | undefined { return this.#source.teamOf(userid); }
  supervisedTeams(userid: string): readonly string[] { return this.#source.supervisedTeams(userid); }
}

/** A fixed team map as a TeamDirectory: what a web service in another node last sent (team-memberships.ts). */
export function teamDirectoryOf(teams: TeamMemberships): TeamDirectory {
  const teamOf = new Map<string, string>();
  const supervised = new Map<string, string[]>();
  for (const [id, team] of teams) {
    for (const agent of team.agents) teamOf.set(agent, id);
    for (const supervisor of team.supervisors) supervised.set(supervisor, [...(supervised.get(supervisor) ?? []), id]);
  }
  return {
    teamOf: (userid) => teamOf.get(userid.toLowerCase()),
    supervisedTeams: (userid) => supervised.get(userid.toLowerCase()) ?? [],
  };
}
