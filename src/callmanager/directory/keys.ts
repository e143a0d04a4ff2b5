import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const UUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/**
 * The stored form of a uuid. Requests may send either case, with or without braces (axl.md §4); anything
 * else is no uuid at all, and so names no object.
 */
export function normalizeUuid(value: string): string | undefined {
  const m = UUID.exec(value.trim());
  return m?.[1]?.toLowerCase();
}

/** Names (userid, device name, pool, partition) compare without case, as the unique indexes do. */
export function sameName(column: AnyPgColumn, value: string): SQL {
  return sql`lower(${column}) = lower(${value})`;
}

/** Text that is empty or only spaces counts as absent. */
export function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/** `''` and `null` clear an optional field; `undefined` leaves it alone. */
export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === null || value === '' ? null : value;
}

/** Drizzle refuses an UPDATE with nothing to set; updates that change only related rows skip it. */
export function hasValues(set: object): boolean {
  return Object.values(set).some((v) => v !== undefined);
}
