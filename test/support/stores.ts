// Store back-ends for tests: PGlite in memory always, and a throw-away database on the PostgreSQL server named by
// TEST_DATABASE_URL when it is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MEMORY_URL, openStore, type Store } from '../../src/store/database.ts';

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export const storeBackends: StoreBackend[] = [
  { name: 'pglite', open: () => openStore({ databaseUrl: MEMORY_URL, dataDir: '' }) },
  ...(testDatabaseUrl ? [{ name: 'postgres' as const, open: () => openScratchPostgres(testDatabaseUrl) }] : []),
];

export const postgresSkipReason = testDatabaseUrl
  ? false
  : 'TEST_DATABASE_URL is not set: PostgreSQL variant skipped (set it to e.g. postgres://postgres@127.0.0.1:5432/test)';

/** A database of its own per store, dropped on close, so tests never see each other's rows. */
async function openScratchPostgres(url: string): Promise<Store> {
  const name = `poise_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: scratchUrl.toString(), dataDir: '' });
  return {
    ...store,
    async close() {
      await store.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
