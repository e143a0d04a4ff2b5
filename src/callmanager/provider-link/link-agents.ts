// The agents an engine routes to, from the directory (never its tables): end users with the agent or
// supervisor role and a primary extension (telephony-and-routing.md §3.2), with their phones and names.
import type { Directory } from '../directory/directory.ts';
import type { DirectoryChange } from '../directory/types.ts';
import { AGENT, SUPERVISOR } from '../directory/roles.ts';
import type { LinkAgent } from './messages.ts';

export function linkAgentsOf(directory: Directory): () => Promise<readonly LinkAgent[]> {
  return async () => (await directory.listEndUsers({ userid: '%' })).flatMap((u) => {
    const isSupervisor = u.roles.includes(SUPERVISOR);
    if ((!u.roles.includes(AGENT) && !isSupervisor) || !u.primaryExtension) return [];
    return [{
      userId: u.userid, extension: u.primaryExtension.pattern, type: isSupervisor ? 'SUPERVISOR' as const : 'AGENT' as const,
      devices: u.associatedDevices, firstName: u.firstName ?? undefined, lastName: u.lastName,
    }];
  });
}

/** Changes that can move an agent: every one but an application user's. */
export function onAgentsChange(directory: Directory, listener: () => void): () => void {
  return directory.onChange((change: DirectoryChange) => { if (change.entity !== 'appUser') listener(); });
}
