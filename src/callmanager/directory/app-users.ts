// Application users (axl.md §5.6): the accounts applications sign in with, and the devices they may control.
import { count, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { appUsers } from '../schema.ts';
import { loadAssociatedDevices, replaceAssociatedDevices } from './associations.ts';
import { duplicate, notFound, requiredField, sqlState, UNIQUE_VIOLATION } from './errors.ts';
import { blank, hasValues, normalizeUuid, sameName } from './keys.ts';
import { byKey, criteria, pageBounds } from './search.ts';
import type { AppUser, AppUserCriteria, AppUserInput, AppUserUpdate, Page, UserIdentity } from './types.ts';
import { cleanRoles, useridTaken, type SecretHashes } from './userids.ts';

type Row = typeof appUsers.$inferSelect;

function identityWhere(id: UserIdentity): SQL | undefined {
  if ('userid' in id) return sameName(appUsers.userid, id.userid);
  const uuid = normalizeUuid(id.uuid);
  return uuid === undefined ? undefined : eq(appUsers.uuid, uuid);
}

export async function findAppUser(db: Database, id: UserIdentity): Promise<Row> {
  const where = identityWhere(id);
  const [row] = where ? await db.select().from(appUsers).where(where).limit(1) : [];
  if (!row) throw notFound('AppUser', 'userid' in id ? id.userid : id.uuid);
  return row;
}

export async function addAppUser(db: Database, input: AppUserInput, secrets: SecretHashes): Promise<string> {
  if (blank(input.userid)) throw requiredField('AppUser', 'applicationuser.name');
  if (await useridTaken(db, input.userid)) throw duplicate('AppUser', input.userid);
  let uuid: string;
  try {
    const [row] = await db.insert(appUsers).values({
      userid: input.userid, passwordHash: secrets.passwordHash ?? null, roles: cleanRoles(input.roles ?? []),
      presenceGroupName: blank(input.presenceGroupName) ? undefined : input.presenceGroupName,
    }).returning({ uuid: appUsers.uuid });
    if (!row) throw new Error('insert returned no row');
    uuid = row.uuid;
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate('AppUser', input.userid);
    throw err;
  }
  if (input.associatedDevices) await replaceAssociatedDevices(db, 'appUser', 'AppUser', uuid, input.associatedDevices);
  return uuid;
}

async function toAppUsers(db: Database, rows: readonly Row[]): Promise<AppUser[]> {
  const devicesByUser = await loadAssociatedDevices(db, 'appUser', rows.map((r) => r.uuid));
  return rows.map((row) => ({
    uuid: row.uuid, userid: row.userid, presenceGroupName: row.presenceGroupName,
    associatedDevices: devicesByUser.get(row.uuid) ?? [], roles: row.roles,
  }));
}

export async function getAppUser(db: Database, id: UserIdentity): Promise<AppUser> {
  const [user] = await toAppUsers(db, [await findAppUser(db, id)]);
  if (!user) throw notFound('AppUser', 'userid' in id ? id.userid : id.uuid);
  return user;
}

const listWhere = (c: AppUserCriteria): SQL | undefined => criteria([[appUsers.userid, c.userid]]);

export async function listAppUsers(db: Database, c: AppUserCriteria, page?: Page): Promise<AppUser[]> {
  const { limit, offset } = pageBounds('AppUser', page);
  const query = db.select().from(appUsers).where(listWhere(c)).orderBy(...byKey(appUsers.userid)).offset(offset);
  return toAppUsers(db, await (limit === undefined ? query : query.limit(limit)));
}

export async function countAppUsers(db: Database, c: AppUserCriteria): Promise<number> {
  const [row] = await db.select({ n: count() }).from(appUsers).where(listWhere(c));
  return row?.n ?? 0;
}

export async function updateAppUser(
  db: Database, id: UserIdentity, update: AppUserUpdate, secrets: SecretHashes,
): Promise<string> {
  const row = await findAppUser(db, id);
  const set: Partial<typeof appUsers.$inferInsert> = {
    passwordHash: secrets.passwordHash,
    roles: update.roles === undefined ? undefined : cleanRoles(update.roles),
    presenceGroupName: blank(update.presenceGroupName) ? undefined : update.presenceGroupName,
  };
  if (update.newUserid !== undefined) {
    if (blank(update.newUserid)) throw requiredField('AppUser', 'applicationuser.name');
    if (await useridTaken(db, update.newUserid, row.uuid)) throw duplicate('AppUser', update.newUserid);
    set.userid = update.newUserid;
  }
  try {
    if (hasValues(set)) await db.update(appUsers).set(set).where(eq(appUsers.uuid, row.uuid));
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate('AppUser', update.newUserid ?? row.userid);
    throw err;
  }
  if (update.associatedDevices) await replaceAssociatedDevices(db, 'appUser', 'AppUser', row.uuid, update.associatedDevices);
  return row.uuid;
}

export async function removeAppUser(db: Database, id: UserIdentity): Promise<string> {
  const row = await findAppUser(db, id);
  await db.delete(appUsers).where(eq(appUsers.uuid, row.uuid));
  return row.uuid;
}
