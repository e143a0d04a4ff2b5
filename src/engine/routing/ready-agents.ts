// One CSQ's eligible agents (READY, no pending state, in its pool), ordered by its selection criterion.
// Picking is O(1), or O(log n) for Circular; an agent entering or leaving READY costs O(log n) comparisons.
import type { AgentSession } from '../resources/agent-states.ts';
import type { Csq, Resource } from '../resources/types.ts';
import { candidateKey, compareCandidates, type Candidate } from './agent-selection.ts';
import { SortedIndex } from './sorted-index.ts';

export class ReadyAgents {
  readonly #index = new SortedIndex<Candidate>(compareCandidates);
  readonly #byUser = new Map<string, Candidate>();
  /** Circular: the group order of the agent last selected (§3.5). */
  #lastSelectedOrder = -Infinity;

  constructor(readonly csq: Csq) {}

  get size(): number { return this.#index.size; }

  has(userId: string): boolean { return this.#byUser.has(userId); }

  add(resource: Resource, session: AgentSession): void {
    if (this.#byUser.has(resource.userId)) return;
    const candidate: Candidate = {
      userId: resource.userId,
      key: candidateKey(this.csq, resource, session),
      groupOrder: resource.groupOrder ?? Number.MAX_SAFE_INTEGER,
    };
    this.#byUser.set(resource.userId, candidate);
    this.#index.insert(candidate);
  }

  remove(userId: string): void {
    const candidate = this.#byUser.get(userId);
    if (!candidate) return;
    this.#byUser.delete(userId);
    this.#index.remove(candidate);
  }

  /** The agent the criterion picks now, without removing it. */
  peek(): string | undefined {
    if (this.csq.selectionCriteria !== 'Circular') return this.#index.first()?.userId;
    // the first member after the one last selected, wrapping round (§3.5)
    const last = this.#lastSelectedOrder;
    const i = this.#index.partitionPoint((c) => c.groupOrder <= last);
    return (this.#index.at(i) ?? this.#index.first())?.userId;
  }

  /** Records a selection (Circular remembers it per CSQ, our choice where UCCX is silent, §3.5). */
  selected(userId: string): void {
    const candidate = this.#byUser.get(userId);
    if (candidate) this.#lastSelectedOrder = candidate.groupOrder;
  }
}
