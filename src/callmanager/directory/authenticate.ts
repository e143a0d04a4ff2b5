// Sign-in against the directory, for AXL Basic auth and doAuthenticateUser (axl.md §2, §5.8).
import type { Database } from '../../store/database.ts';
import { appUsers, endUsers } from '../schema.ts';
import { loadAssociatedDevices } from './associations.ts';
import { sameName } from './keys.ts';
import { verifySecret } from './secrets.ts';
import type { Principal, Secret } from './types.ts';

/**
 * The principal whose password (or, for end users, PIN) matches, or null. An unknown userid does the same
 * scrypt work as a wrong secret, so neither answer nor timing tells whether the user exists.
 */
export async function authenticate(db: Database, userid: string, secret: Secret, decoyCost: number): Promise<Principal | null> {
  const [endUser] = await db.select({ uuid: endUsers.uuid, userid: endUsers.userid, roles: endUsers.roles,
    passwordHash: endUsers.passwordHash, pinHash: endUsers.pinHash })
    .from(endUsers).where(sameName(endUsers.userid, userid)).limit(1);
  if (endUser) {
    const ok = 'pin' in secret
      ? await verifySecret(secret.pin, endUser.pinHash, decoyCost)
      : await verifySecret(secret.password, endUser.passwordHash, decoyCost);
    return ok ? principal(db, 'endUser', endUser) : null;
  }
  const [appUser] = 'password' in secret
    ? await db.select({ uuid: appUsers.uuid, userid: appUsers.userid, roles: appUsers.roles, passwordHash: appUsers.passwordHash })
      .from(appUsers).where(sameName(appUsers.userid, userid)).limit(1)
    : [];
  const ok = await verifySecret('password' in secret ? secret.password : secret.pin, appUser?.passwordHash, decoyCost);
  return ok && appUser ? principal(db, 'appUser', appUser) : null;
}

async function principal(
  db: Database, kind: Principal['kind'], row: { uuid: string; userid: string; roles: string[] },
): Promise<Principal> {
  const associated = await loadAssociatedDevices(db, kind, [row.uuid]);
  return { kind, uuid: row.uuid, userid: row.userid, roles: row.roles, associatedDevices: associated.get(row.uuid) ?? [] };
}
