import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { teamLayoutConfigs } from '../schema.ts';

/** A team's layout choice (rest-api.md §7 TeamLayoutConfig). */
export interface TeamLayoutChoice {
  useDefault: boolean;
  /** The team's own layout XML; absent when none was ever stored. */
  layoutXml?: string;
}

export class TeamLayoutConfigRepository {
  constructor(private readonly db: Database) {}

  /** The team's choice; a team with nothing stored uses the default. */
  async get(teamId: number): Promise<TeamLayoutChoice> {
    const row = (await this.db.select().from(teamLayoutConfigs).where(eq(teamLayoutConfigs.teamId, teamId)))[0];
    if (!row) return { useDefault: true };
    return row.layoutXml === null ? { useDefault: row.useDefault } : { useDefault: row.useDefault, layoutXml: row.layoutXml };
  }

  async put(teamId: number, choice: TeamLayoutChoice): Promise<void> {
    const values = { useDefault: choice.useDefault, layoutXml: choice.layoutXml ?? null };
    await this.db.insert(teamLayoutConfigs).values({ teamId, ...values })
      .onConflictDoUpdate({ target: teamLayoutConfigs.teamId, set: values });
  }
}
