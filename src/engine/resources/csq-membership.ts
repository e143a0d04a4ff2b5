// Who belongs to a CSQ's resource pool (telephony-and-routing.md §2.3): a skills pool takes every agent holding
// each CSQ skill at or above its minimum competence; a group pool takes the members of its resource group.
import type { Csq, Resource } from './types.ts';

export function inPool(csq: Csq, resource: Resource): boolean {
  if (resource.type !== 'AGENT' && resource.type !== 'SUPERVISOR') return false;
  const pool = csq.pool;
  switch (pool.type) {
    case 'SKILL_GROUP':
      return pool.skills.every((s) => (resource.skills.get(s.skillId) ?? 0) >= s.minimumCompetence);
    case 'RESOURCE_GROUP':
      return resource.resourceGroupId === pool.resourceGroupId;
  }
}
