// The team directory's two outward faces: the Team Users pubsub nodes, provisioned as teams come and go so a
// supervisor can subscribe before the first change (notifications.md §3.1), and the notification service's
// TeamDirectory (policy.ts: user and team ids as strings, users lower-case).
import type { TeamDirectory as PubsubTeams } from '../../notify/index.ts';
import type { Publisher } from '../publisher/index.ts';
import { teamUsersNode } from '../users/user.ts';
import type { TeamDirectory } from './team-directory.ts';

export function provisionTeamNodes(teams: TeamDirectory, publisher: Publisher): () => void {
  return teams.onChange(({ kind, team }) => {
    if (kind === 'removed') publisher.deleteNode?.(teamUsersNode(team.id));
    else publisher.createNode?.(teamUsersNode(team.id));
  });
}

export function notifyTeamsOf(teams: TeamDirectory): PubsubTeams {
  return {
    teamOf: (userid) => { const team = teams.teamOfUser(userid); return team && String(team.id); },
    supervisedTeams: (userid) => teams.supervisedBy(userid).map((t) => String(t.id)),
  };
}
