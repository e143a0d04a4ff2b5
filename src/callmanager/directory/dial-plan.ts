// What the in-memory call model needs to route: every device and the lines it answers on.
import type { Database } from '../../store/database.ts';
import { devices } from '../schema.ts';
import { loadDeviceLines } from './device-lines.ts';
import { byKey } from './search.ts';
import type { DialPlanDevice } from './types.ts';

export async function listDialPlan(db: Database): Promise<DialPlanDevice[]> {
  const rows = await db.select({ uuid: devices.uuid, name: devices.name, kind: devices.kind }).from(devices)
    .orderBy(...byKey(devices.name));
  const linesByDevice = await loadDeviceLines(db, rows.map((r) => r.uuid));
  return rows.map((row) => ({
    name: row.name,
    kind: row.kind,
    registeredByDefault: row.kind === 'PHONE',
    lines: (linesByDevice.get(row.uuid) ?? []).map(({ pattern, routePartitionName, maxNumCalls, busyTrigger }) =>
      ({ pattern, routePartitionName, maxNumCalls, busyTrigger })),
  }));
}
