import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { teamMessages } from '../schema.ts';

export type TeamMessage = typeof teamMessages.$inferSelect;

export class TeamMessageRepository {
  constructor(private readonly db: Database) {}

  async create(message: TeamMessage): Promise<TeamMessage> {
    return (await this.db.insert(teamMessages).values(message).returning())[0]!;
  }

  /** The message while it is active at `now`; an expired one is as good as gone. */
  async getActive(id: string, now: Date): Promise<TeamMessage | undefined> {
    return (await this.db.select().from(teamMessages)
      .where(and(eq(teamMessages.id, id), gt(teamMessages.expiresAt, now))))[0];
  }

  /** Active messages sent to `teamId`, oldest first. */
  listActive(teamId: number, now: Date): Promise<TeamMessage[]> {
    return this.db.select().from(teamMessages)
      .where(and(gt(teamMessages.expiresAt, now), sql`${teamMessages.teams} @> ${JSON.stringify([teamId])}::jsonb`))
      .orderBy(asc(teamMessages.createdAt), asc(teamMessages.id));
  }

  async remove(id: string): Promise<TeamMessage | undefined> {
    return (await this.db.delete(teamMessages).where(eq(teamMessages.id, id)).returning())[0];
  }

  /** Removes and returns every message expired at `now`. */
  removeExpired(now: Date): Promise<TeamMessage[]> {
    return this.db.delete(teamMessages).where(lte(teamMessages.expiresAt, now)).returning();
  }

  /** When the next message expires, if any is stored. */
  async nextExpiry(): Promise<Date | undefined> {
    const [row] = await this.db.select({ at: teamMessages.expiresAt }).from(teamMessages)
      .orderBy(asc(teamMessages.expiresAt)).limit(1);
    return row?.at;
  }
}
