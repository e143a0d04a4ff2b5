// Who may publish to and subscribe to which node (notifications.md §3.1, §11). The engine will tell `web` the
// teams; until then supervisors see only their own nodes, like agents.
import type { Jid } from '../xmpp/jid.ts';

export interface PubsubPolicy {
  mayPublish(jid: Jid): boolean;
  maySubscribe(jid: Jid, node: string): boolean;
}

const USER_NODE = /^\/finesse\/api\/user\/([^/]+)(?:\/.*)?$/i;
const EVERYONE = [/^\/finesse\/api\/systeminfo$/i, /^\/finesse\/api\/queue\/[^/]+$/i];

/** Every user its own User nodes, everyone SystemInfo and Queue nodes; the publisher account everything. */
export function ownNodesPolicy(options: { publisherBareJid: string }): PubsubPolicy {
  const isPublisher = (jid: Jid) => `${jid.local}@${jid.domain}` === options.publisherBareJid;
  return {
    mayPublish: isPublisher,
    maySubscribe(jid, node) {
      if (isPublisher(jid)) return true;
      if (EVERYONE.some((re) => re.test(node))) return true;
      const owner = USER_NODE.exec(node)?.[1];
      return owner !== undefined && owner.toLowerCase() === jid.local;
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
