import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { teamWrapUpReasons, wrapUpReasons } from '../schema.ts';

export type WrapUpReason = typeof wrapUpReasons.$inferSelect;
export type NewWrapUpReason = Omit<typeof wrapUpReasons.$inferInsert, 'id'>;

export class WrapUpReasonRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<WrapUpReason[]> {
    return this.db.select().from(wrapUpReasons).orderBy(asc(wrapUpReasons.id));
  }

  async get(id: number): Promise<WrapUpReason | undefined> {
    return (await this.db.select().from(wrapUpReasons).where(eq(wrapUpReasons.id, id)))[0];
  }

  async create(input: NewWrapUpReason): Promise<WrapUpReason> {
    return (await this.db.insert(wrapUpReasons).values(input).returning())[0]!;
  }

  /** A reason made global leaves the teams it was assigned to. */
  async update(id: number, change: Partial<NewWrapUpReason>): Promise<WrapUpReason | undefined> {
    return this.db.transaction(async (tx) => {
      const row = (await tx.update(wrapUpReasons).set(change).where(eq(wrapUpReasons.id, id)).returning())[0];
      if (row?.forAll) await tx.delete(teamWrapUpReasons).where(eq(teamWrapUpReasons.wrapUpReasonId, id));
      return row;
    });
  }

  async remove(id: number): Promise<boolean> {
    return (await this.db.delete(wrapUpReasons).where(eq(wrapUpReasons.id, id)).returning({ id: wrapUpReasons.id })).length > 0;
  }
}
