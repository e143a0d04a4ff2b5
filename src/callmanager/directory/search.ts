import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { invalid, type DirectoryEntity } from './errors.ts';
import type { Page } from './types.ts';

/**
 * One list criterion: `%` matches any run of characters and is the only wildcard; case is ignored; a
 * missing value matches as the empty string, so `%` finds every row (axl.md §4).
 */
export function criterion(column: AnyPgColumn, value: string): SQL {
  const pattern = value.replace(/[\\_]/g, (c) => `\\${c}`); // `_` and `\` are literal in AXL
  return sql`coalesce(${column}, '') ilike ${pattern}`;
}

/** Criteria are ANDed; `undefined` values are skipped. */
export function criteria(pairs: ReadonlyArray<readonly [AnyPgColumn, string | undefined]>): SQL | undefined {
  const parts = pairs.flatMap(([column, value]) => (value === undefined ? [] : [criterion(column, value)]));
  return parts.length === 0 ? undefined : and(...parts);
}

/** Sort by the key the same way on every backend: without case, then byte order. */
export function byKey(column: AnyPgColumn): SQL[] {
  return [sql`lower(${column}) collate "C"`, sql`${column} collate "C"`];
}

/** LIMIT/OFFSET for a page; `skip` counts only with `first` (axl.md §4). */
export function pageBounds(entity: DirectoryEntity, page: Page | undefined): { limit?: number; offset: number } {
  const first = page?.first;
  if (first === undefined) return { offset: 0 };
  const skip = page?.skip ?? 0;
  if (!Number.isSafeInteger(first) || first < 0) throw invalid(entity, `first must be a non-negative integer`);
  if (!Number.isSafeInteger(skip) || skip < 0) throw invalid(entity, `skip must be a non-negative integer`);
  return { limit: first, offset: skip };
}
