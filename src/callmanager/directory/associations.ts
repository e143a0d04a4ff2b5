// The devices a user may control: an end user's associated devices, an application user's controlled devices.
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { appUserDevices, devices, endUserDevices } from '../schema.ts';
import type { DirectoryEntity } from './errors.ts';
import { resolveDevices } from './references.ts';
import { byKey } from './search.ts';

export type UserTable = 'endUser' | 'appUser';

const tableOf = (which: UserTable) => (which === 'endUser' ? endUserDevices : appUserDevices);

/** Device names per user, sorted by name. */
export async function loadAssociatedDevices(
  db: Database, which: UserTable, userUuids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(userUuids.map((uuid) => [uuid, []]));
  if (userUuids.length === 0) return out;
  const table = tableOf(which);
  const rows = await db.select({ userUuid: table.userUuid, name: devices.name }).from(table)
    .innerJoin(devices, eq(devices.uuid, table.deviceUuid))
    .where(inArray(table.userUuid, [...userUuids])).orderBy(...byKey(devices.name));
  for (const row of rows) out.get(row.userUuid)?.push(row.name);
  return out;
}

/** Replaces the whole list (axl.md §5.2); an unknown device name is a missing reference. */
export async function replaceAssociatedDevices(
  db: Database, which: UserTable, entity: DirectoryEntity, userUuid: string, names: readonly string[],
): Promise<void> {
  const table = tableOf(which);
  const constraint = which === 'endUser' ? 'enduserdevicemap.fkdevice' : 'applicationuserdevicemap.fkdevice';
  const deviceUuids = await resolveDevices(db, entity, constraint, names);
  await db.delete(table).where(eq(table.userUuid, userUuid));
  if (deviceUuids.length > 0) {
    await db.insert(table).values(deviceUuids.map((deviceUuid) => ({ userUuid, deviceUuid })));
  }
}
