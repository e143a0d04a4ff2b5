import type { SQL } from 'drizzle-orm';
import type { Database } from './database.ts';

export type Row = Record<string, unknown>;

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`, but Drizzle types a generic
 * `PgDatabase#execute` result as unknown, so it is narrowed here once.
 */
export async function queryRows(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) {
    throw new Error('database driver returned no rows array');
  }
  return result.rows.filter((row): row is Row => typeof row === 'object' && row !== null);
}
