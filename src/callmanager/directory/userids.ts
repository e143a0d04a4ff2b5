import { and, ne } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { appUsers, endUsers } from '../schema.ts';
import { sameName } from './keys.ts';

/**
 * CUCM keeps one space of user IDs for end users and application users, so a sign-in name always names one
 * account. `exceptUuid` is the account being renamed.
 */
export async function useridTaken(db: Database, userid: string, exceptUuid?: string): Promise<boolean> {
  const [endUser] = await db.select({ uuid: endUsers.uuid }).from(endUsers)
    .where(and(sameName(endUsers.userid, userid), exceptUuid ? ne(endUsers.uuid, exceptUuid) : undefined)).limit(1);
  if (endUser) return true;
  const [appUser] = await db.select({ uuid: appUsers.uuid }).from(appUsers)
    .where(and(sameName(appUsers.userid, userid), exceptUuid ? ne(appUsers.uuid, exceptUuid) : undefined)).limit(1);
  return appUser !== undefined;
}

/** Roles without blanks or repeats, in the order given. */
export function cleanRoles(roles: readonly string[]): string[] {
  return [...new Set(roles.map((r) => r.trim()).filter((r) => r !== ''))];
}

/** Hashes computed before the transaction opens: `undefined` keeps the stored one, `null` clears it. */
export interface SecretHashes {
  passwordHash?: string | null | undefined;
  pinHash?: string | null | undefined;
}
