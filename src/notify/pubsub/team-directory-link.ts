// The notification service's view of the teams, for supervisors' subscriptions (notifications.md §3.1, §11: "roles
// and teams from engine via web"). The service starts before web and the engine, so it holds this link, empty
// (NO_TEAMS) until a source is plugged in. In one process `web` plugs in its team directory, which the engine feeds
// over CTI (TEAM_CONFIG_EVENTs). When notify runs alone, the same source is a CTI bridge session of its own to
// the engine: the link is the one seam either way, and the policy never knows which.
import { NO_TEAMS, type TeamDirectory } from './policy.ts';

export class TeamDirectoryLink implements TeamDirectory {
  #source: TeamDirectory = NO_TEAMS;

  use(source: TeamDirectory): void { this.#source = source; }

  teamOf(userid: string): string | undefined { return this.#source.teamOf(userid); }
  supervisedTeams(userid: string): readonly string[] { return this.#source.supervisedTeams(userid); }
}
