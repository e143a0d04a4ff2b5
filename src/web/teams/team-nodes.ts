// The team directory's two outward faces: the pubsub nodes, provisioned as teams and their members come and go so
// a supervisor (and, for a team's TeamMessages, its agents) can subscribe before the first change (notifications.md
// §3.1: a node exists iff its user or team does), and the notification service's TeamDirectory (policy.ts: user and
// team ids as strings, users lower-case).
import type { TeamDirectory as PubsubTeams } from '../../notify/index.ts';
import type { TeamMemberships } from '../../notify/pubsub/team-memberships.ts';
import type { Publisher } from '../publisher/index.ts';
import { clientLogNode, teamUsersNode, userUri } from '../users/user.ts';
import type { TeamDirectory } from './team-directory.ts';
import { teamMessagesNode } from './team-message-node.ts';

export function provisionTeamNodes(teams: TeamDirectory, publisher: Publisher): () => void {
  return teams.onChange(({ kind, team }) => {
    if (kind === 'removed') {
      publisher.deleteNode?.(teamUsersNode(team.id));
      return publisher.deleteNode?.(teamMessagesNode(team.id));
    }
    publisher.createNode?.(teamUsersNode(team.id));
    publisher.createNode?.(teamMessagesNode(team.id));
    // Members' nodes stay when a team goes: the users still exist, perhaps in another team.
    for (const userid of [...team.agents, ...team.supervisors]) {
      publisher.createNode?.(userUri(userid));
      publisher.createNode?.(`${userUri(userid)}/Dialogs`);
      publisher.createNode?.(clientLogNode(userid)); // finesse.js subscribes before its first upload
    }
  });
}

export function notifyTeamsOf(teams: TeamDirectory): PubsubTeams {
  return {
    teamOf: (userid) => { const team = teams.teamOfUser(userid); return team && String(team.id); },
    supervisedTeams: (userid) => teams.supervisedBy(userid).map((t) => String(t.id)),
  };
}

/** The teams as the notification service in another node is sent them (team-memberships.ts). */
export function teamMembershipsOf(teams: TeamDirectory): TeamMemberships {
  return new Map(teams.teams().map((team) => [String(team.id), { agents: [...team.agents], supervisors: [...team.supervisors] }]));
}
