// Store back-ends for tests: PGlite in memory always, and a throw-away database on the PostgreSQL server named by
// TEST_DATABASE_URL when it is set.
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore, pgliteStore, type Store } from '../../src/store/database.ts';

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export const storeBackends: StoreBackend[] = [
  { name: 'pglite', open: () => openMemoryPglite() },
  ...(testDatabaseUrl ? [{ name: 'postgres' as const, open: () => openScratchPostgres(testDatabaseUrl) }] : []),
];

export const postgresSkipReason = testDatabaseUrl
  ? false
  : 'TEST_DATABASE_URL is not set: PostgreSQL variant skipped (set it to e.g. postgres://postgres@127.0.0.1:5432/test)';

/** A database of its own per store, dropped on close, so tests never see each other's rows. */
async function openScratchPostgres(url: string): Promise<Store> {
  const scratch = await createScratchDatabase(url);
  const store = await openStore({ databaseUrl: scratch.url, dataDir: '' });
  return {
    ...store,
    async close() {
      await store.close();
      await scratch.drop();
    },
  };
}

/** An empty database on the server of `url`, for whole nodes to share (a restart, a pair); `drop` removes it. */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `poise_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  return {
    url: scratchUrl.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * PGlite in memory, started from an empty cluster saved once per PGlite version in the temp directory:
 * loading it takes a quarter of the time initdb does, and every test file opens its own store.
 */
export async function openMemoryPglite(): Promise<Store> {
  const template = await pgliteTemplatePath();
  const saved = await readFile(template).catch(() => undefined);
  if (saved) {
    try {
      const client = new PGlite({ loadDataDir: new Blob([new Uint8Array(saved)]), ...await pgliteAssets() });
      await client.waitReady;
      return pgliteStore(client);
    } catch {
      // unreadable (an interrupted write, another version): start fresh and save again
    }
  }
  const client = new PGlite();
  await client.waitReady;
  const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
  const partial = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, dump);
  await rename(partial, template); // atomic: concurrent test files never read half a file
  return pgliteStore(client);
}

let compiledAssets: Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined;

/**
 * PGlite's Postgres compiled once per test process: a file that starts several stores (restarts, pairs, both store
 * back-ends) would otherwise compile the same WebAssembly for each, about half a second of CPU every time.
 */
function pgliteAssets(): Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> {
  compiledAssets ??= (async () => {
    const dist = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    const [wasm, bundle] = await Promise.all([readFile(path.join(dist, 'pglite.wasm')), readFile(path.join(dist, 'pglite.data'))]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([new Uint8Array(bundle)]) };
  })();
  return compiledAssets;
}

let templatePath: Promise<string> | undefined;

/** Where the empty cluster of this PGlite version is saved; looked up once per test process. */
function pgliteTemplatePath(): Promise<string> {
  templatePath ??= findPgliteTemplatePath();
  return templatePath;
}

async function findPgliteTemplatePath(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  let version = 'unknown';
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
    const parsed: unknown = manifest === undefined ? undefined : JSON.parse(manifest);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === '@electric-sql/pglite'
      && 'version' in parsed && typeof parsed.version === 'string') {
      version = parsed.version;
      break;
    }
  }
  return path.join(tmpdir(), `poise-test-pglite-${version}.tgz`);
}
