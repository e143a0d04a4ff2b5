// Who may publish to and subscribe to which node (notifications.md §3.1, §11; a team's TeamMessages node, reserved
// there, goes to the team's agents and supervisors). The engine will tell `web` the teams; until then (NO_TEAMS)
// supervisors see only their own nodes, like agents.
import type { Jid } from '../xmpp/jid.ts';

export interface PubsubPolicy {
  mayPublish(jid: Jid): boolean;
  maySubscribe(jid: Jid, node: string): boolean;
}

const USER_NODE = /^\/finesse\/api\/user\/([^/]+)(?:\/.*)?$/i;
const TEAM_NODE = /^\/finesse\/api\/team\/([^/]+)\/users$/i;
const TEAM_MESSAGES_NODE = /^\/finesse\/api\/team\/([^/]+)\/teammessages$/i;
const EVERYONE = [/^\/finesse\/api\/systeminfo$/i, /^\/finesse\/api\/queue\/[^/]+$/i];

/** Team membership as the engine knows it (through `web`); user ids lower-case, team ids as in the REST API. */
export interface TeamDirectory {
  teamOf(userid: string): string | undefined;
  supervisedTeams(userid: string): readonly string[];
}

/** Until the engine tells: nobody supervises anybody. */
export const NO_TEAMS: TeamDirectory = { teamOf: () => undefined, supervisedTeams: () => [] };

/**
 * Every user its own User nodes, everyone SystemInfo and Queue nodes, an agent its own team's TeamMessages node, a
 * supervisor also its teams' Users and TeamMessages nodes and their members' User nodes (§3.1), the publisher
 * account everything. `otherPublishers` are bare JIDs of directory users given the publisher's rights
 * (POISE_NOTIFY_PUBLISHER), so a c2s client such as a load driver can publish.
 */
export function ownNodesPolicy(options: {
  publisherBareJid: string; otherPublishers?: readonly string[]; teams?: TeamDirectory;
}): PubsubPolicy {
  const teams = options.teams ?? NO_TEAMS;
  const publishers = new Set([options.publisherBareJid, ...(options.otherPublishers ?? [])]);
  const isPublisher = (jid: Jid) => publishers.has(`${jid.local}@${jid.domain}`);
  return {
    mayPublish: isPublisher,
    maySubscribe(jid, node) {
      if (isPublisher(jid)) return true;
      if (EVERYONE.some((re) => re.test(node))) return true;
      const owner = USER_NODE.exec(node)?.[1]?.toLowerCase();
      if (owner !== undefined && owner === jid.local) return true;
      const messagesOf = TEAM_MESSAGES_NODE.exec(node)?.[1];
      if (messagesOf !== undefined) {
        return teams.teamOf(jid.local) === messagesOf || teams.supervisedTeams(jid.local).includes(messagesOf);
      }
      const supervised = teams.supervisedTeams(jid.local);
      if (supervised.length === 0) return false;
      const team = TEAM_NODE.exec(node)?.[1] ?? (owner === undefined ? undefined : teams.teamOf(owner));
      return team !== undefined && supervised.includes(team);
    },
  };
}

/** Nodes whose audience is computed, not stored (§3.1 "implicit"): a user's own User and Dialogs, SystemInfo. */
export type ImplicitAudience = { kind: 'user'; local: string } | { kind: 'everyone' } | { kind: 'none' };

const IMPLICIT_USER_NODE = /^\/finesse\/api\/user\/([^/]+)(?:\/dialogs(?:\/media)?|\/media\/[^/]+)?$/i;

export function implicitAudience(node: string): ImplicitAudience {
  if (/^\/finesse\/api\/systeminfo$/i.test(node)) return { kind: 'everyone' };
  const user = IMPLICIT_USER_NODE.exec(node)?.[1];
  return user === undefined ? { kind: 'none' } : { kind: 'user', local: user.toLowerCase() };
}
