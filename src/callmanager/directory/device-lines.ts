// The lines on a device, with per-kind call limits (telephony-and-routing.md §3.1).
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { deviceLines, lines, type DeviceKind } from '../schema.ts';
import { invalid, type DirectoryEntity } from './errors.ts';
import { optionalText } from './keys.ts';
import { ensureLine } from './lines.ts';
import type { DeviceLine, DeviceLineInput, DeviceLineRef } from './types.ts';

/** Calls a line takes on each kind of device, and the busy trigger past which the next call fails. */
export const LINE_DEFAULTS: Readonly<Record<DeviceKind, { maxNumCalls: number; busyTrigger: number }>> = {
  PHONE: { maxNumCalls: 4, busyTrigger: 2 },
  CTI_ROUTE_POINT: { maxNumCalls: 5000, busyTrigger: 4500 },
  CTI_PORT: { maxNumCalls: 1, busyTrigger: 1 },
};

const MAX_LINE_INDEX = 200;

/** Loads the lines of many devices at once, each list ordered by index. */
export async function loadDeviceLines(db: Database, deviceUuids: readonly string[]): Promise<Map<string, DeviceLine[]>> {
  const out = new Map<string, DeviceLine[]>(deviceUuids.map((uuid) => [uuid, []]));
  if (deviceUuids.length === 0) return out;
  const rows = await db.select({
    deviceUuid: deviceLines.deviceUuid, index: deviceLines.lineIndex, lineUuid: deviceLines.lineUuid,
    pattern: lines.pattern, routePartitionName: lines.routePartitionName, label: deviceLines.label,
    display: deviceLines.display, maxNumCalls: deviceLines.maxNumCalls, busyTrigger: deviceLines.busyTrigger,
  }).from(deviceLines).innerJoin(lines, eq(lines.uuid, deviceLines.lineUuid))
    .where(inArray(deviceLines.deviceUuid, [...deviceUuids])).orderBy(deviceLines.deviceUuid, deviceLines.lineIndex);
  for (const { deviceUuid, ...line } of rows) out.get(deviceUuid)?.push(line);
  return out;
}

/**
 * Puts lines on a device after the ones it already has (`taken` indexes). A line without an index takes the
 * next free one. Returns the uuids of lines that had to be created.
 */
export async function addDeviceLines(
  db: Database, entity: DirectoryEntity, device: { uuid: string; kind: DeviceKind },
  inputs: readonly DeviceLineInput[], taken: ReadonlySet<number> = new Set(),
): Promise<string[]> {
  const used = new Set(taken);
  const created: string[] = [];
  for (const input of inputs) {
    const index = input.index ?? nextFree(used);
    if (!Number.isInteger(index) || index < 1 || index > MAX_LINE_INDEX) {
      throw invalid(entity, `line index must be an integer from 1 to ${MAX_LINE_INDEX}`);
    }
    if (used.has(index)) throw invalid(entity, `line index ${index} is used twice`);
    used.add(index);
    const defaults = LINE_DEFAULTS[device.kind];
    const maxNumCalls = input.maxNumCalls ?? defaults.maxNumCalls;
    const busyTrigger = input.busyTrigger ?? Math.min(defaults.busyTrigger, maxNumCalls);
    if (!Number.isInteger(maxNumCalls) || maxNumCalls < 1) throw invalid(entity, 'maxNumCalls must be a positive integer');
    if (!Number.isInteger(busyTrigger) || busyTrigger < 1 || busyTrigger > maxNumCalls) {
      throw invalid(entity, 'busyTrigger must be an integer from 1 to maxNumCalls');
    }
    const { row, created: isNew } = await ensureLine(db, input.pattern, input.routePartitionName);
    if (isNew) created.push(row.uuid);
    await db.insert(deviceLines).values({
      deviceUuid: device.uuid, lineUuid: row.uuid, lineIndex: index, maxNumCalls, busyTrigger,
      label: optionalText(input.label) ?? null, display: optionalText(input.display) ?? null,
    });
  }
  return created;
}

/** Replaces every line of a device. */
export async function replaceDeviceLines(
  db: Database, entity: DirectoryEntity, device: { uuid: string; kind: DeviceKind }, inputs: readonly DeviceLineInput[],
): Promise<string[]> {
  await db.delete(deviceLines).where(eq(deviceLines.deviceUuid, device.uuid));
  return addDeviceLines(db, entity, device, inputs);
}

/** Takes lines off a device, each named by index or by pattern (+ partition); naming a line it lacks is an error. */
export async function removeDeviceLines(
  db: Database, entity: DirectoryEntity, deviceUuid: string, refs: readonly DeviceLineRef[],
): Promise<void> {
  const current = (await loadDeviceLines(db, [deviceUuid])).get(deviceUuid) ?? [];
  for (const ref of refs) {
    const line = current.find((l) => ('index' in ref
      ? l.index === ref.index
      : l.pattern === ref.pattern && l.routePartitionName === (ref.routePartitionName ?? '')));
    if (!line) throw invalid(entity, `the device has no line ${'index' in ref ? `at index ${ref.index}` : ref.pattern}`);
    await db.delete(deviceLines).where(and(eq(deviceLines.deviceUuid, deviceUuid), eq(deviceLines.lineIndex, line.index)));
  }
}

function nextFree(used: ReadonlySet<number>): number {
  let index = 1;
  while (used.has(index)) index += 1;
  return index;
}
