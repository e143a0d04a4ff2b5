import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/store/rows.ts';
import { postgresSkipReason, storeBackends } from '../support/stores.ts';

if (postgresSkipReason) test('store on PostgreSQL', { skip: postgresSkipReason }, () => {});

for (const backend of storeBackends) {
  test(`${backend.name}: migrations apply once and are recorded per service`, async () => {
    const store = await backend.open();
    try {
      await store.migrate('callmanager');
      await store.migrate('callmanager'); // second run is a no-op
      const tables = await queryRows(store.db, 
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_name like 'cm_%' order by 1`,
      );
      assert.ok(tables.length >= 10);
      const journal = await queryRows(store.db, sql`select count(*)::int as n from public.__migrations_callmanager`);
      assert.ok(Number(journal[0]?.n) >= 1);
    } finally {
      await store.close();
    }
  });
}
