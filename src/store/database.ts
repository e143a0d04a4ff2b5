import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';

/** The Drizzle handle every service uses; the same code runs on PGlite and on node-postgres. */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export const MEMORY_URL = 'memory://';

export interface Store {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Applies one service's generated migrations (folder `drizzle/<service>`), each service in its own journal. */
  migrate(service: string): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Opens the store: PostgreSQL through node-postgres when `databaseUrl` is a postgres URL, PGlite in memory for
 * `memory://`, otherwise PGlite in `<dataDir>/pglite`.
 */
export async function openStore(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** An idle server connection failed (server restart, connection killed); the pool replaces it on next use. */
  onConnectionError?: (err: Error) => void;
}): Promise<Store> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options.onConnectionError);
  if (url && url !== MEMORY_URL) throw new Error(`DATABASE_URL must be a postgres:// URL or ${MEMORY_URL}`);
  let client: PGlite;
  if (url === MEMORY_URL) client = new PGlite();
  else {
    const dir = path.resolve(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  return pgliteStore(client);
}

/** A Store over an open PGlite client (tests start clients from a prepared data directory). */
export function pgliteStore(client: PGlite): Store {
  const db = drizzlePglite(client) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: (service) =>
      migratePglite(drizzlePglite(client), migrationOptions(service)),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, onConnectionError: (err: Error) => void = () => {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // node-postgres emits errors of idle clients on the pool; unhandled, one dropped connection would end the process.
  pool.on('error', onConnectionError);
  await pool.query('select 1'); // fail at startup, not on the first request
  const db = drizzlePg(pool) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: (service) => migratePg(drizzlePg(pool), migrationOptions(service)),
    close: () => pool.end(),
  };
}

function migrationOptions(service: string) {
  return {
    migrationsFolder: path.join(MIGRATIONS_ROOT, service),
    migrationsTable: `__migrations_${service}`,
    migrationsSchema: 'public',
  };
}

