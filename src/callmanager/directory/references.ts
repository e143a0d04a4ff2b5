// Lookups of the objects other objects name. An unknown name is the -691 "missing key in referenced table"
// case of axl.md §3, so each lookup says which constraint it checked.
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { devicePools, devices, endUsers, routePartitions } from '../schema.ts';
import { missingReference, type DirectoryEntity } from './errors.ts';
import { sameName } from './keys.ts';

export async function resolveDevicePool(
  db: Database, entity: DirectoryEntity, name: string,
): Promise<{ uuid: string; name: string }> {
  const [pool] = await db.select({ uuid: devicePools.uuid, name: devicePools.name }).from(devicePools)
    .where(sameName(devicePools.name, name)).limit(1);
  if (!pool) throw missingReference(entity, 'device.fkdevicepool', `device pool ${name}`);
  return pool;
}

/** The stored spelling of a partition name; `''` (no partition) always resolves. */
export async function resolvePartition(db: Database, entity: DirectoryEntity, name: string): Promise<string> {
  if (name === '') return '';
  const [partition] = await db.select({ name: routePartitions.name }).from(routePartitions)
    .where(sameName(routePartitions.name, name)).limit(1);
  if (!partition) throw missingReference(entity, 'numplan.fkroutepartition', `route partition ${name}`);
  return partition.name;
}

/** The stored spelling of an end user's userid, for a device's owner. */
export async function resolveOwner(db: Database, entity: DirectoryEntity, userid: string): Promise<string> {
  const [user] = await db.select({ userid: endUsers.userid }).from(endUsers).where(sameName(endUsers.userid, userid)).limit(1);
  if (!user) throw missingReference(entity, 'device.fkenduser', `user ${userid}`);
  return user.userid;
}

/** Device uuids for device names, in the order given, duplicates dropped. */
export async function resolveDevices(
  db: Database, entity: DirectoryEntity, constraint: string, names: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(names.map((n) => n.toLowerCase()))];
  if (wanted.length === 0) return [];
  const rows = await db.select({ uuid: devices.uuid, name: devices.name }).from(devices)
    .where(inArray(sql`lower(${devices.name})`, wanted));
  const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r.uuid]));
  return wanted.map((name) => {
    const uuid = byName.get(name);
    if (!uuid) throw missingReference(entity, constraint, `device ${name}`);
    return uuid;
  });
}
