import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { postgresSkipReason, storeBackends } from '../support/stores.ts';

if (postgresSkipReason) test('store on PostgreSQL', { skip: postgresSkipReason }, () => {});

for (const backend of storeBackends) {
  test(`${backend.name}: migrations apply once and are recorded per service`, async () => {
    const store = await backend.open();
    try {
      await store.migrate('callmanager');
      await store.migrate('callmanager'); // second run is a no-op
      const tables = await store.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_name like 'cm_%' order by 1`,
      );
      assert.ok(tables.rows.length >= 10);
      const journal = await store.db.execute(sql`select count(*)::int as n from public.__migrations_callmanager`);
      assert.ok(Number(journal.rows[0]?.n) >= 1);
    } finally {
      await store.close();
    }
  });
}
