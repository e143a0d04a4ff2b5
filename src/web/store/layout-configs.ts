import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { layoutConfigs } from '../schema.ts';

export const DEFAULT_LAYOUT_KEY = 'default';

export class LayoutConfigRepository {
  constructor(private readonly db: Database) {}

  async get(key = DEFAULT_LAYOUT_KEY): Promise<string | undefined> {
    return (await this.db.select().from(layoutConfigs).where(eq(layoutConfigs.key, key)))[0]?.layoutXml;
  }

  async put(layoutXml: string, key = DEFAULT_LAYOUT_KEY): Promise<void> {
    await this.db.insert(layoutConfigs).values({ key, layoutXml })
      .onConflictDoUpdate({ target: layoutConfigs.key, set: { layoutXml } });
  }
}
