// Which team-only configuration each team is assigned (rest-api.md §6.1, §6.2, §7 team lists). Every PUT replaces
// a team's whole list (for reason codes, the list of one category) in one transaction.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  reasonCodes, teamPhoneBooks, teamReasonCodes, teamWorkflows, teamWrapUpReasons, type ReasonCodeCategory,
} from '../schema.ts';

export class TeamAssignmentRepository {
  constructor(private readonly db: Database) {}

  /** The reason codes assigned to the team, of one category or of both. */
  async reasonCodeIds(teamId: number, category?: ReasonCodeCategory): Promise<number[]> {
    const rows = await this.db.select({ id: teamReasonCodes.reasonCodeId }).from(teamReasonCodes)
      .innerJoin(reasonCodes, eq(reasonCodes.id, teamReasonCodes.reasonCodeId))
      .where(and(eq(teamReasonCodes.teamId, teamId), category ? eq(reasonCodes.category, category) : undefined))
      .orderBy(asc(teamReasonCodes.reasonCodeId));
    return rows.map((r) => r.id);
  }

  /** Replaces the team's codes of `category` with `ids` (all of that category); the other category is kept. */
  async replaceReasonCodes(teamId: number, category: ReasonCodeCategory, ids: readonly number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const ofCategory = tx.select({ id: reasonCodes.id }).from(reasonCodes).where(eq(reasonCodes.category, category));
      await tx.delete(teamReasonCodes)
        .where(and(eq(teamReasonCodes.teamId, teamId), inArray(teamReasonCodes.reasonCodeId, ofCategory)));
      if (ids.length > 0) await tx.insert(teamReasonCodes).values(ids.map((reasonCodeId) => ({ teamId, reasonCodeId })));
    });
  }

  async wrapUpReasonIds(teamId: number): Promise<number[]> {
    const rows = await this.db.select({ id: teamWrapUpReasons.wrapUpReasonId }).from(teamWrapUpReasons)
      .where(eq(teamWrapUpReasons.teamId, teamId)).orderBy(asc(teamWrapUpReasons.wrapUpReasonId));
    return rows.map((r) => r.id);
  }

  async replaceWrapUpReasons(teamId: number, ids: readonly number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(teamWrapUpReasons).where(eq(teamWrapUpReasons.teamId, teamId));
      if (ids.length > 0) await tx.insert(teamWrapUpReasons).values(ids.map((wrapUpReasonId) => ({ teamId, wrapUpReasonId })));
    });
  }

  async phoneBookIds(teamId: number): Promise<number[]> {
    const rows = await this.db.select({ id: teamPhoneBooks.phoneBookId }).from(teamPhoneBooks)
      .where(eq(teamPhoneBooks.teamId, teamId)).orderBy(asc(teamPhoneBooks.phoneBookId));
    return rows.map((r) => r.id);
  }

  async replacePhoneBooks(teamId: number, ids: readonly number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(teamPhoneBooks).where(eq(teamPhoneBooks.teamId, teamId));
      if (ids.length > 0) await tx.insert(teamPhoneBooks).values(ids.map((phoneBookId) => ({ teamId, phoneBookId })));
    });
  }

  async workflowIds(teamId: number): Promise<number[]> {
    const rows = await this.db.select({ id: teamWorkflows.workflowId }).from(teamWorkflows)
      .where(eq(teamWorkflows.teamId, teamId)).orderBy(asc(teamWorkflows.workflowId));
    return rows.map((r) => r.id);
  }

  async replaceWorkflows(teamId: number, ids: readonly number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(teamWorkflows).where(eq(teamWorkflows.teamId, teamId));
      if (ids.length > 0) await tx.insert(teamWorkflows).values(ids.map((workflowId) => ({ teamId, workflowId })));
    });
  }
}
