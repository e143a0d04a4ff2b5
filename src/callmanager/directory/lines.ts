// Lines (directory numbers), keyed by pattern + partition (axl.md §5.4).
import { and, count, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { lines } from '../schema.ts';
import { duplicate, notFound, requiredField, sqlState, UNIQUE_VIOLATION } from './errors.ts';
import { blank, normalizeUuid, optionalText } from './keys.ts';
import { resolvePartition } from './references.ts';
import { byKey, criteria, pageBounds } from './search.ts';
import type { Line, LineCriteria, LineIdentity, LineInput, LineKey, LineUpdate, Page } from './types.ts';

type LineRow = typeof lines.$inferSelect;

const toLine = (row: LineRow): Line => ({
  uuid: row.uuid, pattern: row.pattern, routePartitionName: row.routePartitionName, usage: row.usage,
  description: row.description, alertingName: row.alertingName,
});

const describe = (key: LineKey): string => (key.routePartitionName ? `${key.pattern} in ${key.routePartitionName}` : key.pattern);

function identityWhere(id: LineIdentity): SQL | undefined {
  if ('uuid' in id) {
    const uuid = normalizeUuid(id.uuid);
    return uuid === undefined ? undefined : eq(lines.uuid, uuid);
  }
  return and(eq(lines.pattern, id.pattern), eq(lines.routePartitionName, id.routePartitionName ?? ''));
}

export async function findLine(db: Database, id: LineIdentity): Promise<LineRow | undefined> {
  const where = identityWhere(id);
  if (!where) return undefined;
  const [row] = await db.select().from(lines).where(where).limit(1);
  return row;
}

async function mustFindLine(db: Database, id: LineIdentity): Promise<LineRow> {
  const row = await findLine(db, id);
  if (!row) throw notFound('Line', 'uuid' in id ? id.uuid : describe({ pattern: id.pattern, routePartitionName: id.routePartitionName ?? '' }));
  return row;
}

/** Inserts, turning the unique-index race into the same DUPLICATE a pre-check gives. */
async function insertLine(db: Database, values: typeof lines.$inferInsert, key: LineKey): Promise<LineRow> {
  try {
    const [row] = await db.insert(lines).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate('Line', describe(key));
    throw err;
  }
}

export async function addLine(db: Database, input: LineInput): Promise<string> {
  if (blank(input.pattern)) throw requiredField('Line', 'numplan.dnorpattern');
  const routePartitionName = await resolvePartition(db, 'Line', input.routePartitionName ?? '');
  const key = { pattern: input.pattern, routePartitionName };
  if (await findLine(db, key)) throw duplicate('Line', describe(key));
  const row = await insertLine(db, {
    pattern: input.pattern, routePartitionName, usage: blank(input.usage) ? 'Device' : input.usage,
    description: optionalText(input.description) ?? null, alertingName: optionalText(input.alertingName) ?? null,
  }, key);
  return row.uuid;
}

/** The line a device names, created with usage Device when it does not exist yet (axl.md §5.3). */
export async function ensureLine(
  db: Database, pattern: string, partition: string | undefined,
): Promise<{ row: LineRow; created: boolean }> {
  if (blank(pattern)) throw requiredField('Line', 'numplan.dnorpattern');
  const routePartitionName = await resolvePartition(db, 'Line', partition ?? '');
  const existing = await findLine(db, { pattern, routePartitionName });
  if (existing) return { row: existing, created: false };
  return { row: await insertLine(db, { pattern, routePartitionName, usage: 'Device' }, { pattern, routePartitionName }), created: true };
}

export async function getLine(db: Database, id: LineIdentity): Promise<Line> {
  return toLine(await mustFindLine(db, id));
}

function listWhere(c: LineCriteria): SQL | undefined {
  return criteria([
    [lines.pattern, c.pattern], [lines.description, c.description], [lines.usage, c.usage],
    [lines.routePartitionName, c.routePartitionName],
  ]);
}

export async function listLines(db: Database, c: LineCriteria, page?: Page): Promise<Line[]> {
  const { limit, offset } = pageBounds('Line', page);
  const query = db.select().from(lines).where(listWhere(c))
    .orderBy(...byKey(lines.pattern), ...byKey(lines.routePartitionName)).offset(offset);
  return (await (limit === undefined ? query : query.limit(limit))).map(toLine);
}

export async function countLines(db: Database, c: LineCriteria): Promise<number> {
  const [row] = await db.select({ n: count() }).from(lines).where(listWhere(c));
  return row?.n ?? 0;
}

export async function updateLine(db: Database, id: LineIdentity, update: LineUpdate): Promise<string> {
  const row = await mustFindLine(db, id);
  const pattern = update.newPattern ?? row.pattern;
  if (blank(pattern)) throw requiredField('Line', 'numplan.dnorpattern');
  const routePartitionName = update.newRoutePartitionName === undefined
    ? row.routePartitionName
    : await resolvePartition(db, 'Line', update.newRoutePartitionName);
  const key = { pattern, routePartitionName };
  if (pattern !== row.pattern || routePartitionName !== row.routePartitionName) {
    if (await findLine(db, key)) throw duplicate('Line', describe(key));
  }
  try {
    await db.update(lines).set({
      pattern, routePartitionName,
      usage: blank(update.usage) ? undefined : update.usage,
      description: optionalText(update.description), alertingName: optionalText(update.alertingName),
    }).where(eq(lines.uuid, row.uuid));
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate('Line', describe(key));
    throw err;
  }
  return row.uuid;
}

/** Removing a line also takes it off every device that had it. */
export async function removeLine(db: Database, id: LineIdentity): Promise<string> {
  const row = await mustFindLine(db, id);
  await db.delete(lines).where(eq(lines.uuid, row.uuid));
  return row.uuid;
}
