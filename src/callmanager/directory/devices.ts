// Phones (kinds PHONE and CTI_PORT) and CTI route points: one table, two AXL families (axl.md §5.3, §5.5).
import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { deviceLines, devicePools, devices, type DeviceKind } from '../schema.ts';
import { duplicate, invalid, notFound, requiredField, sqlState, UNIQUE_VIOLATION } from './errors.ts';
import { addDeviceLines, loadDeviceLines, removeDeviceLines, replaceDeviceLines } from './device-lines.ts';
import { blank, hasValues, normalizeUuid, optionalText, sameName } from './keys.ts';
import { resolveDevicePool, resolveOwner } from './references.ts';
import { byKey, criteria, pageBounds } from './search.ts';
import type { Device, DeviceCriteria, DeviceIdentity, DeviceInput, DeviceUpdate, Page } from './types.ts';

export type DeviceFamily = 'Phone' | 'CtiRoutePoint';

const FAMILY_KINDS: Readonly<Record<DeviceFamily, readonly DeviceKind[]>> = {
  Phone: ['PHONE', 'CTI_PORT'],
  CtiRoutePoint: ['CTI_ROUTE_POINT'],
};

export const CTI_PORT_PRODUCT = 'CTI Port';
export const CTI_ROUTE_POINT_PRODUCT = 'CTI Route Point';
const PROTOCOLS = ['SIP', 'SCCP'];
const MAX_NAME_LENGTH = 128;

/** A device write's outcome: the device and any lines it created on the way. */
export interface DeviceWrite { uuid: string; createdLines: string[] }

const columns = {
  uuid: devices.uuid, name: devices.name, kind: devices.kind, product: devices.product, class: devices.deviceClass,
  protocol: devices.protocol, protocolSide: devices.protocolSide, devicePoolName: devicePools.name,
  devicePoolUuid: devices.devicePoolUuid, locationName: devices.locationName, description: devices.description,
  ownerUserName: devices.ownerUserName, callingSearchSpaceName: devices.callingSearchSpaceName,
};

function inFamily(family: DeviceFamily): SQL {
  return inArray(devices.kind, [...FAMILY_KINDS[family]]);
}

function identityWhere(id: DeviceIdentity): SQL | undefined {
  if ('name' in id) return sameName(devices.name, id.name);
  const uuid = normalizeUuid(id.uuid);
  return uuid === undefined ? undefined : eq(devices.uuid, uuid);
}

async function find(db: Database, family: DeviceFamily, id: DeviceIdentity) {
  const where = identityWhere(id);
  if (!where) throw notFound(family, 'name' in id ? id.name : id.uuid);
  const [row] = await db.select({ uuid: devices.uuid, kind: devices.kind }).from(devices)
    .where(and(where, inFamily(family))).limit(1);
  if (!row) throw notFound(family, 'name' in id ? id.name : id.uuid);
  return row;
}

async function nameTaken(db: Database, name: string): Promise<boolean> {
  const [row] = await db.select({ uuid: devices.uuid }).from(devices).where(sameName(devices.name, name)).limit(1);
  return row !== undefined;
}

function checkName(family: DeviceFamily, name: string): void {
  if (blank(name)) throw requiredField(family, 'device.name');
  if (name.length > MAX_NAME_LENGTH) throw invalid(family, `device name longer than ${MAX_NAME_LENGTH} characters`);
}

function checkProtocol(family: DeviceFamily, protocol: string): string {
  const upper = protocol.toUpperCase();
  if (!PROTOCOLS.includes(upper)) throw invalid(family, `protocol must be one of ${PROTOCOLS.join(', ')}`);
  return upper;
}

/** Fills a family's defaults and checks the required fields; returns the row to insert and its kind. */
function prepare(family: DeviceFamily, input: DeviceInput): { kind: DeviceKind; product: string; deviceClass: string; protocol: string } {
  checkName(family, input.name);
  if (family === 'CtiRoutePoint') {
    if (!blank(input.product) && input.product !== CTI_ROUTE_POINT_PRODUCT) {
      throw invalid(family, `a CTI route point's product is ${CTI_ROUTE_POINT_PRODUCT}`);
    }
    return {
      kind: 'CTI_ROUTE_POINT', product: input.product || CTI_ROUTE_POINT_PRODUCT,
      deviceClass: input.class || CTI_ROUTE_POINT_PRODUCT, protocol: checkProtocol(family, input.protocol || 'SCCP'),
    };
  }
  if (blank(input.product)) throw requiredField(family, 'device.tkmodel');
  if (blank(input.class)) throw requiredField(family, 'device.tkclass');
  if (blank(input.protocol)) throw requiredField(family, 'device.tkdeviceprotocol');
  const product = input.product ?? '';
  if (product === CTI_ROUTE_POINT_PRODUCT) throw invalid(family, 'a CTI Route Point is added with addCtiRoutePoint');
  return {
    kind: product === CTI_PORT_PRODUCT ? 'CTI_PORT' : 'PHONE', product, deviceClass: input.class ?? '',
    protocol: checkProtocol(family, input.protocol ?? ''),
  };
}

export async function addDevice(db: Database, family: DeviceFamily, input: DeviceInput): Promise<DeviceWrite> {
  const { kind, product, deviceClass, protocol } = prepare(family, input);
  if (blank(input.devicePoolName)) throw requiredField(family, 'device.fkdevicepool');
  if (await nameTaken(db, input.name)) throw duplicate(family, input.name);
  const pool = await resolveDevicePool(db, family, input.devicePoolName);
  const owner = blank(input.ownerUserName) ? null : await resolveOwner(db, family, input.ownerUserName ?? '');
  let uuid: string;
  try {
    const [row] = await db.insert(devices).values({
      name: input.name, kind, product, deviceClass, protocol, devicePoolUuid: pool.uuid,
      protocolSide: blank(input.protocolSide) ? 'User' : input.protocolSide,
      locationName: blank(input.locationName) ? 'Hub_None' : input.locationName,
      description: optionalText(input.description) ?? null, ownerUserName: owner,
      callingSearchSpaceName: optionalText(input.callingSearchSpaceName) ?? null,
    }).returning({ uuid: devices.uuid });
    if (!row) throw new Error('insert returned no row');
    uuid = row.uuid;
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate(family, input.name);
    throw err;
  }
  const createdLines = await addDeviceLines(db, family, { uuid, kind }, input.lines ?? []);
  return { uuid, createdLines };
}

async function load(db: Database, where: SQL | undefined, page?: { limit?: number; offset: number }): Promise<Device[]> {
  const query = db.select(columns).from(devices).innerJoin(devicePools, eq(devicePools.uuid, devices.devicePoolUuid))
    .where(where).orderBy(...byKey(devices.name)).offset(page?.offset ?? 0);
  const rows = await (page?.limit === undefined ? query : query.limit(page.limit));
  const linesByDevice = await loadDeviceLines(db, rows.map((r) => r.uuid));
  return rows.map((row) => ({ ...row, lines: linesByDevice.get(row.uuid) ?? [] }));
}

export async function getDevice(db: Database, family: DeviceFamily, id: DeviceIdentity): Promise<Device> {
  const { uuid } = await find(db, family, id);
  const [device] = await load(db, eq(devices.uuid, uuid));
  if (!device) throw notFound(family, 'name' in id ? id.name : id.uuid);
  return device;
}

function listWhere(family: DeviceFamily, c: DeviceCriteria): SQL | undefined {
  return and(inFamily(family), criteria([
    [devices.name, c.name], [devices.description, c.description], [devices.protocol, c.protocol],
    [devices.callingSearchSpaceName, c.callingSearchSpaceName], [devicePools.name, c.devicePoolName],
  ]));
}

export async function listDevices(db: Database, family: DeviceFamily, c: DeviceCriteria, page?: Page): Promise<Device[]> {
  return load(db, listWhere(family, c), pageBounds(family, page));
}

export async function countDevices(db: Database, family: DeviceFamily, c: DeviceCriteria): Promise<number> {
  const [row] = await db.select({ n: count() }).from(devices)
    .innerJoin(devicePools, eq(devicePools.uuid, devices.devicePoolUuid)).where(listWhere(family, c));
  return row?.n ?? 0;
}

export async function updateDevice(
  db: Database, family: DeviceFamily, id: DeviceIdentity, update: DeviceUpdate,
): Promise<DeviceWrite> {
  const device = await find(db, family, id);
  const set: Partial<typeof devices.$inferInsert> = {
    description: optionalText(update.description),
    callingSearchSpaceName: optionalText(update.callingSearchSpaceName),
    protocolSide: blank(update.protocolSide) ? undefined : update.protocolSide,
    locationName: blank(update.locationName) ? undefined : update.locationName,
    protocol: blank(update.protocol) ? undefined : checkProtocol(family, update.protocol ?? ''),
  };
  if (update.newName !== undefined) {
    checkName(family, update.newName);
    const [same] = await db.select({ uuid: devices.uuid }).from(devices).where(sameName(devices.name, update.newName)).limit(1);
    if (same && same.uuid !== device.uuid) throw duplicate(family, update.newName);
    set.name = update.newName;
  }
  if (update.devicePoolName !== undefined) {
    if (blank(update.devicePoolName)) throw requiredField(family, 'device.fkdevicepool');
    set.devicePoolUuid = (await resolveDevicePool(db, family, update.devicePoolName)).uuid;
  }
  if (update.ownerUserName !== undefined) {
    set.ownerUserName = blank(update.ownerUserName) ? null : await resolveOwner(db, family, update.ownerUserName ?? '');
  }
  try {
    if (hasValues(set)) await db.update(devices).set(set).where(eq(devices.uuid, device.uuid));
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate(family, update.newName ?? '');
    throw err;
  }
  const createdLines: string[] = [];
  if (update.lines !== undefined) createdLines.push(...await replaceDeviceLines(db, family, device, update.lines));
  if (update.removeLines !== undefined) await removeDeviceLines(db, family, device.uuid, update.removeLines);
  if (update.addLines !== undefined) {
    const taken = await db.select({ index: deviceLines.lineIndex }).from(deviceLines).where(eq(deviceLines.deviceUuid, device.uuid));
    createdLines.push(...await addDeviceLines(db, family, device, update.addLines, new Set(taken.map((t) => t.index))));
  }
  return { uuid: device.uuid, createdLines };
}

export async function removeDevice(db: Database, family: DeviceFamily, id: DeviceIdentity): Promise<string> {
  const { uuid } = await find(db, family, id);
  await db.delete(devices).where(eq(devices.uuid, uuid));
  return uuid;
}
