// A migrated store with a Directory on it, per backend, for directory and AXL tests.
import { sql } from 'drizzle-orm';
import { Directory } from '../../src/callmanager/directory/index.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/rows.ts';
import type { StoreBackend } from './stores.ts';

/** scrypt at 2^10 keeps hashing fast in tests; the stored hash records its cost, so checks stay honest. */
export const TEST_SCRYPT_LOG2_COST = 10;

export interface DirectoryFixture {
  store: Store;
  directory: Directory;
  close(): Promise<void>;
}

export async function openDirectory(backend: StoreBackend): Promise<DirectoryFixture> {
  const store = await backend.open();
  await store.migrate('callmanager');
  const directory = new Directory(store.db, { scryptLog2Cost: TEST_SCRYPT_LOG2_COST });
  await directory.ensureDefaults();
  return { store, directory, close: () => store.close() };
}

const TABLES = [
  'cm_device_pool', 'cm_route_partition', 'cm_end_user', 'cm_app_user', 'cm_device', 'cm_line',
  'cm_device_line', 'cm_end_user_device', 'cm_app_user_device', 'cm_setting',
];

/** Every row of every directory table, in a stable order, for before/after comparisons. */
export async function dumpTables(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await queryRows(store.db, sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t`);
    out[table] = rows.map((r) => String(r.j)).sort();
  }
  return out;
}
