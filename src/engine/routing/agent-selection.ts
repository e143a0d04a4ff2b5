// Selection criteria (telephony-and-routing.md §2.3, §3.5): each turns an agent into a key vector, compared
// element by element, smaller first; the key ends with the tie-break (Longest Available) and then userId, so
// the choice is deterministic. Keys are computed when an agent enters a CSQ's READY index and stay valid
// while the agent is READY: nothing in them changes until the agent leaves READY.
import { assertNever } from '../../shared/assert-never.ts';
import { averageHandleTimeMs, type AgentSession } from '../resources/agent-states.ts';
import type { Csq, Resource, SkillCompetency } from '../resources/types.ts';

export interface Candidate {
  readonly userId: string;
  /** Criterion key, then tie-break; compared element by element, ascending. */
  readonly key: readonly number[];
  /** Resource-group order, for Circular's search. */
  readonly groupOrder: number;
}

export function candidateKey(csq: Csq, resource: Resource, session: AgentSession): readonly number[] {
  const longestAvailable = session.readySince;
  const criterion = csq.selectionCriteria;
  switch (criterion) {
    case 'Longest Available': return [longestAvailable];
    case 'Most Handled Contacts': return [-session.handledToday, longestAvailable];
    case 'Shortest Average Handle Time': return [averageHandleTimeMs(session), longestAvailable];
    case 'Most Skilled': return [-skillSum(csq, resource, () => 1), longestAvailable];
    case 'Least Skilled': return [skillSum(csq, resource, () => 1), longestAvailable];
    case 'Most Skilled by Weight': return [-skillSum(csq, resource, (s) => s.weight), longestAvailable];
    case 'Least Skilled by Weight': return [skillSum(csq, resource, (s) => s.weight), longestAvailable];
    case 'Most Skilled by Order': return [...skillsInOrder(csq, resource).map((c) => -c), longestAvailable];
    case 'Least Skilled by Order': return [...skillsInOrder(csq, resource), longestAvailable];
    // Linear and Circular: group order only (§3.5 gives them no tie-break)
    case 'Linear': case 'Circular': return [resource.groupOrder ?? Number.MAX_SAFE_INTEGER];
    default: return assertNever(criterion, 'selection criterion');
  }
}

function csqSkills(csq: Csq): readonly SkillCompetency[] {
  return csq.pool.type === 'SKILL_GROUP' ? csq.pool.skills : [];
}

/** Σ competence (× weight) over the CSQ's skills; other skills are ignored (§2.3). */
function skillSum(csq: Csq, resource: Resource, factor: (s: SkillCompetency) => number): number {
  let sum = 0;
  for (const s of csqSkills(csq)) sum += (resource.skills.get(s.skillId) ?? 0) * factor(s);
  return sum;
}

/** Competences in the CSQ's skill order (§3.5 "by Order"). */
function skillsInOrder(csq: Csq, resource: Resource): number[] {
  return [...csqSkills(csq)].sort((a, b) => a.order - b.order || a.skillId - b.skillId)
    .map((s) => resource.skills.get(s.skillId) ?? 0);
}

export function compareCandidates(a: Candidate, b: Candidate): number {
  const n = Math.min(a.key.length, b.key.length);
  for (let i = 0; i < n; i++) {
    const d = a.key[i]! - b.key[i]!;
    if (d !== 0) return d;
  }
  return a.key.length - b.key.length || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}
