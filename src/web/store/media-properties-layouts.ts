import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { mediaPropertiesLayouts } from '../schema.ts';

export type MediaPropertiesLayout = typeof mediaPropertiesLayouts.$inferSelect;
export type NewMediaPropertiesLayout = Omit<typeof mediaPropertiesLayouts.$inferInsert, 'id'>;

export class MediaPropertiesLayoutRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<MediaPropertiesLayout[]> {
    return this.db.select().from(mediaPropertiesLayouts).orderBy(asc(mediaPropertiesLayouts.id));
  }

  async get(id: number): Promise<MediaPropertiesLayout | undefined> {
    return (await this.db.select().from(mediaPropertiesLayouts).where(eq(mediaPropertiesLayouts.id, id)))[0];
  }

  async getDefault(): Promise<MediaPropertiesLayout | undefined> {
    return (await this.db.select().from(mediaPropertiesLayouts).where(eq(mediaPropertiesLayouts.type, 'DEFAULT')))[0];
  }

  async create(input: NewMediaPropertiesLayout): Promise<MediaPropertiesLayout> {
    return (await this.db.insert(mediaPropertiesLayouts).values(input).returning())[0]!;
  }

  async update(id: number, change: Partial<Omit<NewMediaPropertiesLayout, 'type'>>): Promise<MediaPropertiesLayout | undefined> {
    return (await this.db.update(mediaPropertiesLayouts).set(change).where(eq(mediaPropertiesLayouts.id, id)).returning())[0];
  }

  async remove(id: number): Promise<boolean> {
    return (await this.db.delete(mediaPropertiesLayouts).where(eq(mediaPropertiesLayouts.id, id))
      .returning({ id: mediaPropertiesLayouts.id })).length > 0;
  }
}
