import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { reasonCodes, teamReasonCodes, type ReasonCodeCategory } from '../schema.ts';

export type ReasonCode = typeof reasonCodes.$inferSelect;
export type NewReasonCode = Omit<typeof reasonCodes.$inferInsert, 'id'>;
export type ReasonCodeChange = Partial<Pick<ReasonCode, 'code' | 'label' | 'forAll'>>;

export class ReasonCodeRepository {
  constructor(private readonly db: Database) {}

  async list(category?: ReasonCodeCategory): Promise<ReasonCode[]> {
    const where = category ? eq(reasonCodes.category, category) : undefined;
    return this.db.select().from(reasonCodes).where(where).orderBy(asc(reasonCodes.category), asc(reasonCodes.code));
  }

  async get(id: number): Promise<ReasonCode | undefined> {
    return (await this.db.select().from(reasonCodes).where(eq(reasonCodes.id, id)))[0];
  }

  async create(input: NewReasonCode): Promise<ReasonCode> {
    const [row] = await this.db.insert(reasonCodes).values(input).returning();
    return row!;
  }

  /** undefined when no such code. A code made global leaves the teams it was assigned to. */
  async update(id: number, change: ReasonCodeChange): Promise<ReasonCode | undefined> {
    return this.db.transaction(async (tx) => {
      const row = (await tx.update(reasonCodes).set(change).where(eq(reasonCodes.id, id)).returning())[0];
      if (row?.forAll) await tx.delete(teamReasonCodes).where(eq(teamReasonCodes.reasonCodeId, id));
      return row;
    });
  }

  async remove(id: number): Promise<boolean> {
    return (await this.db.delete(reasonCodes).where(and(eq(reasonCodes.id, id))).returning({ id: reasonCodes.id })).length > 0;
  }
}
