// End users (axl.md §5.2; telephony-and-routing.md §3.1).
import { count, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { devices, endUsers } from '../schema.ts';
import { loadAssociatedDevices, replaceAssociatedDevices } from './associations.ts';
import { duplicate, invalid, notFound, requiredField, sqlState, UNIQUE_VIOLATION } from './errors.ts';
import { blank, hasValues, normalizeUuid, optionalText, sameName } from './keys.ts';
import { resolvePartition } from './references.ts';
import { byKey, criteria, pageBounds } from './search.ts';
import type { EndUser, EndUserCriteria, EndUserInput, EndUserUpdate, LineKey, Page, UserIdentity } from './types.ts';
import { cleanRoles, useridTaken, type SecretHashes } from './userids.ts';

type Row = typeof endUsers.$inferSelect;

/** A PIN is four digits or more (axl.md §5.8). */
export function checkPin(pin: string): void {
  if (!/^[0-9]{4,}$/.test(pin)) throw invalid('User', 'pin must be four digits or more');
}

function identityWhere(id: UserIdentity): SQL | undefined {
  if ('userid' in id) return sameName(endUsers.userid, id.userid);
  const uuid = normalizeUuid(id.uuid);
  return uuid === undefined ? undefined : eq(endUsers.uuid, uuid);
}

export async function findEndUser(db: Database, id: UserIdentity): Promise<Row> {
  const where = identityWhere(id);
  const [row] = where ? await db.select().from(endUsers).where(where).limit(1) : [];
  if (!row) throw notFound('User', 'userid' in id ? id.userid : id.uuid);
  return row;
}

async function primaryExtension(
  db: Database, ext: EndUserInput['primaryExtension'],
): Promise<{ pattern: string | null; partition: string } | undefined> {
  if (ext === undefined) return undefined;
  if (ext === null || blank(ext.pattern)) return { pattern: null, partition: '' };
  return { pattern: ext.pattern, partition: await resolvePartition(db, 'User', ext.routePartitionName ?? '') };
}

export async function addEndUser(db: Database, input: EndUserInput, secrets: SecretHashes): Promise<string> {
  if (blank(input.userid)) throw requiredField('User', 'enduser.userid');
  if (blank(input.lastName)) throw requiredField('User', 'enduser.lastname');
  if (await useridTaken(db, input.userid)) throw duplicate('User', input.userid);
  const ext = await primaryExtension(db, input.primaryExtension);
  let uuid: string;
  try {
    const [row] = await db.insert(endUsers).values({
      userid: input.userid, lastName: input.lastName,
      firstName: optionalText(input.firstName) ?? null, displayName: optionalText(input.displayName) ?? null,
      mailid: optionalText(input.mailid) ?? null, department: optionalText(input.department) ?? null,
      telephoneNumber: optionalText(input.telephoneNumber) ?? null,
      passwordHash: secrets.passwordHash ?? null, pinHash: secrets.pinHash ?? null,
      primaryExtensionPattern: ext?.pattern ?? null, primaryExtensionPartition: ext?.partition ?? '',
      enableCti: input.enableCti ?? true, roles: cleanRoles(input.roles ?? []),
      presenceGroupName: blank(input.presenceGroupName) ? undefined : input.presenceGroupName,
    }).returning({ uuid: endUsers.uuid });
    if (!row) throw new Error('insert returned no row');
    uuid = row.uuid;
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate('User', input.userid);
    throw err;
  }
  if (input.associatedDevices) await replaceAssociatedDevices(db, 'endUser', 'User', uuid, input.associatedDevices);
  return uuid;
}

async function toEndUsers(db: Database, rows: readonly Row[]): Promise<EndUser[]> {
  const devicesByUser = await loadAssociatedDevices(db, 'endUser', rows.map((r) => r.uuid));
  return rows.map((row) => {
    const ext: LineKey | null = row.primaryExtensionPattern === null
      ? null : { pattern: row.primaryExtensionPattern, routePartitionName: row.primaryExtensionPartition };
    return {
      uuid: row.uuid, userid: row.userid, firstName: row.firstName, lastName: row.lastName,
      displayName: row.displayName, mailid: row.mailid, department: row.department,
      telephoneNumber: row.telephoneNumber, primaryExtension: ext,
      associatedDevices: devicesByUser.get(row.uuid) ?? [], enableCti: row.enableCti,
      presenceGroupName: row.presenceGroupName, roles: row.roles,
    };
  });
}

export async function getEndUser(db: Database, id: UserIdentity): Promise<EndUser> {
  const [user] = await toEndUsers(db, [await findEndUser(db, id)]);
  if (!user) throw notFound('User', 'userid' in id ? id.userid : id.uuid);
  return user;
}

function listWhere(c: EndUserCriteria): SQL | undefined {
  return criteria([
    [endUsers.userid, c.userid], [endUsers.firstName, c.firstName], [endUsers.lastName, c.lastName],
    [endUsers.department, c.department],
  ]);
}

export async function listEndUsers(db: Database, c: EndUserCriteria, page?: Page): Promise<EndUser[]> {
  const { limit, offset } = pageBounds('User', page);
  const query = db.select().from(endUsers).where(listWhere(c)).orderBy(...byKey(endUsers.userid)).offset(offset);
  return toEndUsers(db, await (limit === undefined ? query : query.limit(limit)));
}

export async function countEndUsers(db: Database, c: EndUserCriteria): Promise<number> {
  const [row] = await db.select({ n: count() }).from(endUsers).where(listWhere(c));
  return row?.n ?? 0;
}

export async function updateEndUser(
  db: Database, id: UserIdentity, update: EndUserUpdate, secrets: SecretHashes,
): Promise<string> {
  const row = await findEndUser(db, id);
  const set: Partial<typeof endUsers.$inferInsert> = {
    firstName: optionalText(update.firstName), displayName: optionalText(update.displayName),
    mailid: optionalText(update.mailid), department: optionalText(update.department),
    telephoneNumber: optionalText(update.telephoneNumber), enableCti: update.enableCti,
    passwordHash: secrets.passwordHash, pinHash: secrets.pinHash,
    roles: update.roles === undefined ? undefined : cleanRoles(update.roles),
    presenceGroupName: blank(update.presenceGroupName) ? undefined : update.presenceGroupName,
  };
  if (update.lastName !== undefined) {
    if (blank(update.lastName)) throw requiredField('User', 'enduser.lastname');
    set.lastName = update.lastName;
  }
  const ext = await primaryExtension(db, update.primaryExtension);
  if (ext) Object.assign(set, { primaryExtensionPattern: ext.pattern, primaryExtensionPartition: ext.partition });
  if (update.newUserid !== undefined) {
    if (blank(update.newUserid)) throw requiredField('User', 'enduser.userid');
    if (await useridTaken(db, update.newUserid, row.uuid)) throw duplicate('User', update.newUserid);
    set.userid = update.newUserid;
    // Devices name their owner by userid; keep them pointing at this user.
    await db.update(devices).set({ ownerUserName: update.newUserid }).where(sameName(devices.ownerUserName, row.userid));
  }
  try {
    if (hasValues(set)) await db.update(endUsers).set(set).where(eq(endUsers.uuid, row.uuid));
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate('User', update.newUserid ?? row.userid);
    throw err;
  }
  if (update.associatedDevices) await replaceAssociatedDevices(db, 'endUser', 'User', row.uuid, update.associatedDevices);
  return row.uuid;
}

/** Removing a user leaves its devices without an owner. */
export async function removeEndUser(db: Database, id: UserIdentity): Promise<string> {
  const row = await findEndUser(db, id);
  await db.update(devices).set({ ownerUserName: null }).where(sameName(devices.ownerUserName, row.userid));
  await db.delete(endUsers).where(eq(endUsers.uuid, row.uuid));
  return row.uuid;
}
