// What a team's members get (rest-api.md §3.2 user lists, §5.2 TeamResource): the global items plus those assigned
// to their team. A user on no team gets the global ones alone.
import type { ReasonCodeCategory } from '../schema.ts';
import type { WebConfigStore } from './index.ts';
import type { PhoneBook } from './phone-books.ts';
import type { ReasonCode } from './reason-codes.ts';
import type { Workflow } from './workflows.ts';
import type { WrapUpReason } from './wrap-up-reasons.ts';

const assigned = async (teamId: number | undefined, ids: (teamId: number) => Promise<number[]>): Promise<Set<number>> =>
  new Set(teamId === undefined ? [] : await ids(teamId));

/** §6.1: `forAll` codes and the team's own; system codes are never offered. */
export async function reasonCodesForTeam(store: WebConfigStore, teamId: number | undefined,
                                         category?: ReasonCodeCategory): Promise<ReasonCode[]> {
  const own = await assigned(teamId, (id) => store.teamAssignments.reasonCodeIds(id, category));
  return (await store.reasonCodes.list(category)).filter((rc) => !rc.systemCode && (rc.forAll || own.has(rc.id)));
}

/** §6.2: as reason codes. */
export async function wrapUpReasonsForTeam(store: WebConfigStore, teamId: number | undefined): Promise<WrapUpReason[]> {
  const own = await assigned(teamId, (id) => store.teamAssignments.wrapUpReasonIds(id));
  return (await store.wrapUpReasons.list()).filter((w) => w.forAll || own.has(w.id));
}

/** §7: GLOBAL books and the TEAM books assigned to the team. */
export async function phoneBooksForTeam(store: WebConfigStore, teamId: number | undefined): Promise<PhoneBook[]> {
  const own = await assigned(teamId, (id) => store.teamAssignments.phoneBookIds(id));
  return (await store.phoneBooks.list()).filter((b) => b.type === 'GLOBAL' || own.has(b.id));
}

/**
 * §7: workflows have no global flag; as in Finesse, where an administrator assigns each workflow to teams
 * (inference: the spec lists only the team list), a member gets the workflows assigned to its team.
 */
export async function workflowsForTeam(store: WebConfigStore, teamId: number | undefined): Promise<Workflow[]> {
  const own = await assigned(teamId, (id) => store.teamAssignments.workflowIds(id));
  return (await store.workflows.list()).filter((w) => own.has(w.id));
}
