// The call manager's directory: users, application users, devices and lines over the store. Every write runs
// in one transaction, so a failure part-way changes nothing, and listeners hear of it only after commit.
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../../store/database.ts';
import { queryRows, type Row } from '../../store/rows.ts';
import { devicePools, routePartitions } from '../schema.ts';
import * as appUsers from './app-users.ts';
import { authenticate } from './authenticate.ts';
import * as devices from './devices.ts';
import { listDialPlan } from './dial-plan.ts';
import * as endUsers from './end-users.ts';
import { duplicate, requiredField } from './errors.ts';
import { blank, sameName } from './keys.ts';
import * as lines from './lines.ts';
import { DEFAULT_SCRYPT_LOG2_COST, hashSecret } from './secrets.ts';
import type {
  AppUser, AppUserCriteria, AppUserInput, AppUserUpdate, CtiRoutePoint, CtiRoutePointInput, Device, DeviceCriteria,
  DeviceIdentity, DeviceUpdate, DialPlanDevice, DirectoryChange, EndUser, EndUserCriteria, EndUserInput,
  EndUserUpdate, Line, LineCriteria, LineIdentity, LineInput, LineUpdate, Page, Phone, PhoneInput, Principal, Secret,
  UserIdentity,
} from './types.ts';
import type { SecretHashes } from './userids.ts';

export interface DirectoryOptions {
  log?: Logger | undefined;
  /** log2 of scrypt's N for new hashes; tests lower it, production keeps the default (2^14). */
  scryptLog2Cost?: number | undefined;
  /**
   * A secret shared by many accounts on purpose (the demo password): hashed once and the hash reused, so
   * seeding thousands of load agents does not cost a key derivation each.
   */
  sharedSecret?: string | undefined;
}

export type DirectoryListener = (change: DirectoryChange) => void;

export const DEFAULT_DEVICE_POOL = 'Default';
const QUERY_TIMEOUT_MS = 10_000; // executeSQLQuery

export class Directory {
  readonly #db: Database;
  readonly #log: Logger | undefined;
  readonly #cost: number;
  readonly #listeners = new Set<DirectoryListener>();
  readonly #sharedSecret: string | undefined;
  #sharedHash: Promise<string> | undefined;

  constructor(db: Database, options: DirectoryOptions = {}) {
    this.#db = db;
    this.#log = options.log;
    this.#cost = options.scryptLog2Cost ?? DEFAULT_SCRYPT_LOG2_COST;
    this.#sharedSecret = options.sharedSecret;
  }

  /** Seeds what the migrations also seed (device pool `Default`), for stores created some other way. */
  async ensureDefaults(): Promise<void> {
    await this.#db.insert(devicePools).values({ name: DEFAULT_DEVICE_POOL }).onConflictDoNothing();
  }

  /** Calls `listener` after each committed change; returns the unsubscribe function. */
  onChange(listener: DirectoryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // End users

  async addEndUser(input: EndUserInput): Promise<string> {
    const secrets = await this.#hashes(input);
    return this.#write((tx) => endUsers.addEndUser(tx, input, secrets), (uuid) => [{ entity: 'endUser', action: 'added', uuid }]);
  }
  getEndUser(id: UserIdentity): Promise<EndUser> { return endUsers.getEndUser(this.#db, id); }
  listEndUsers(criteria: EndUserCriteria, page?: Page): Promise<EndUser[]> { return endUsers.listEndUsers(this.#db, criteria, page); }
  countEndUsers(criteria: EndUserCriteria): Promise<number> { return endUsers.countEndUsers(this.#db, criteria); }
  async updateEndUser(id: UserIdentity, update: EndUserUpdate): Promise<string> {
    const secrets = await this.#hashes(update);
    return this.#write((tx) => endUsers.updateEndUser(tx, id, update, secrets), (uuid) => [{ entity: 'endUser', action: 'updated', uuid }]);
  }
  removeEndUser(id: UserIdentity): Promise<string> {
    return this.#write((tx) => endUsers.removeEndUser(tx, id), (uuid) => [{ entity: 'endUser', action: 'removed', uuid }]);
  }

  // Application users

  async addAppUser(input: AppUserInput): Promise<string> {
    const secrets = await this.#hashes(input);
    return this.#write((tx) => appUsers.addAppUser(tx, input, secrets), (uuid) => [{ entity: 'appUser', action: 'added', uuid }]);
  }
  getAppUser(id: UserIdentity): Promise<AppUser> { return appUsers.getAppUser(this.#db, id); }
  listAppUsers(criteria: AppUserCriteria, page?: Page): Promise<AppUser[]> { return appUsers.listAppUsers(this.#db, criteria, page); }
  countAppUsers(criteria: AppUserCriteria): Promise<number> { return appUsers.countAppUsers(this.#db, criteria); }
  async updateAppUser(id: UserIdentity, update: AppUserUpdate): Promise<string> {
    const secrets = await this.#hashes(update);
    return this.#write((tx) => appUsers.updateAppUser(tx, id, update, secrets), (uuid) => [{ entity: 'appUser', action: 'updated', uuid }]);
  }
  removeAppUser(id: UserIdentity): Promise<string> {
    return this.#write((tx) => appUsers.removeAppUser(tx, id), (uuid) => [{ entity: 'appUser', action: 'removed', uuid }]);
  }

  // Phones (and CTI ports) and CTI route points

  addPhone(input: PhoneInput): Promise<string> { return this.#addDevice('Phone', input); }
  async getPhone(id: DeviceIdentity): Promise<Phone> { return asPhone(await devices.getDevice(this.#db, 'Phone', id)); }
  async listPhones(criteria: DeviceCriteria, page?: Page): Promise<Phone[]> {
    return (await devices.listDevices(this.#db, 'Phone', criteria, page)).map(asPhone);
  }
  countPhones(criteria: DeviceCriteria): Promise<number> { return devices.countDevices(this.#db, 'Phone', criteria); }
  updatePhone(id: DeviceIdentity, update: DeviceUpdate): Promise<string> { return this.#updateDevice('Phone', id, update); }
  removePhone(id: DeviceIdentity): Promise<string> { return this.#removeDevice('Phone', id); }

  addCtiRoutePoint(input: CtiRoutePointInput): Promise<string> { return this.#addDevice('CtiRoutePoint', input); }
  async getCtiRoutePoint(id: DeviceIdentity): Promise<CtiRoutePoint> {
    return asRoutePoint(await devices.getDevice(this.#db, 'CtiRoutePoint', id));
  }
  async listCtiRoutePoints(criteria: DeviceCriteria, page?: Page): Promise<CtiRoutePoint[]> {
    return (await devices.listDevices(this.#db, 'CtiRoutePoint', criteria, page)).map(asRoutePoint);
  }
  countCtiRoutePoints(criteria: DeviceCriteria): Promise<number> { return devices.countDevices(this.#db, 'CtiRoutePoint', criteria); }
  updateCtiRoutePoint(id: DeviceIdentity, update: DeviceUpdate): Promise<string> { return this.#updateDevice('CtiRoutePoint', id, update); }
  removeCtiRoutePoint(id: DeviceIdentity): Promise<string> { return this.#removeDevice('CtiRoutePoint', id); }

  // Lines

  addLine(input: LineInput): Promise<string> {
    return this.#write((tx) => lines.addLine(tx, input), (uuid) => [{ entity: 'line', action: 'added', uuid }]);
  }
  getLine(id: LineIdentity): Promise<Line> { return lines.getLine(this.#db, id); }
  listLines(criteria: LineCriteria, page?: Page): Promise<Line[]> { return lines.listLines(this.#db, criteria, page); }
  countLines(criteria: LineCriteria): Promise<number> { return lines.countLines(this.#db, criteria); }
  updateLine(id: LineIdentity, update: LineUpdate): Promise<string> {
    return this.#write((tx) => lines.updateLine(tx, id, update), (uuid) => [{ entity: 'line', action: 'updated', uuid }]);
  }
  removeLine(id: LineIdentity): Promise<string> {
    return this.#write((tx) => lines.removeLine(tx, id), (uuid) => [{ entity: 'line', action: 'removed', uuid }]);
  }

  // Reference data AXL does not manage in Poise

  addDevicePool(name: string): Promise<string> { return this.#addNamed('DevicePool', name); }
  addRoutePartition(name: string): Promise<string> { return this.#addNamed('RoutePartition', name); }

  // Sign-in and the dial plan

  authenticate(userid: string, secret: Secret): Promise<Principal | null> {
    return authenticate(this.#db, userid, secret, this.#cost);
  }
  listDialPlan(): Promise<DialPlanDevice[]> { return listDialPlan(this.#db); }

  /**
   * Runs one SELECT over the AXL views (executeSQLQuery) in a READ ONLY transaction: even a statement the
   * AXL parser should never have let through cannot write.
   */
  readOnlyQuery(query: SQL): Promise<Row[]> {
    return this.#db.transaction(async (tx) => {
      // a cross product of views can be made arbitrarily large; PostgreSQL cancels it past the timeout
      await tx.execute(sql.raw(`set local statement_timeout = ${QUERY_TIMEOUT_MS}`));
      return queryRows(tx, query);
    }, { accessMode: 'read only' });
  }

  async #addNamed(entity: 'DevicePool' | 'RoutePartition', name: string): Promise<string> {
    const table = entity === 'DevicePool' ? devicePools : routePartitions;
    if (blank(name)) throw requiredField(entity, entity === 'DevicePool' ? 'devicepool.name' : 'routepartition.name');
    return this.#write(async (tx) => {
      const [existing] = await tx.select({ uuid: table.uuid }).from(table).where(sameName(table.name, name)).limit(1);
      if (existing) throw duplicate(entity, name);
      const [row] = await tx.insert(table).values({ name }).returning({ uuid: table.uuid });
      if (!row) throw new Error('insert returned no row');
      return row.uuid;
    }, () => []);
  }

  #addDevice(family: devices.DeviceFamily, input: CtiRoutePointInput): Promise<string> {
    return this.#write((tx) => devices.addDevice(tx, family, input), deviceChanges('added'));
  }
  #updateDevice(family: devices.DeviceFamily, id: DeviceIdentity, update: DeviceUpdate): Promise<string> {
    return this.#write((tx) => devices.updateDevice(tx, family, id, update), deviceChanges('updated'));
  }
  #removeDevice(family: devices.DeviceFamily, id: DeviceIdentity): Promise<string> {
    return this.#write(async (tx) => ({ uuid: await devices.removeDevice(tx, family, id), createdLines: [] }), deviceChanges('removed'));
  }

  async #hashes(input: { password?: string | null | undefined; pin?: string | null | undefined }): Promise<SecretHashes> {
    if (input.pin) endUsers.checkPin(input.pin);
    const hash = async (secret: string | null | undefined) => {
      if (secret === undefined) return undefined;
      if (secret === null || secret === '') return null;
      if (secret !== this.#sharedSecret) return hashSecret(secret, this.#cost);
      this.#sharedHash ??= hashSecret(secret, this.#cost);
      return this.#sharedHash;
    };
    return { passwordHash: await hash(input.password), pinHash: await hash(input.pin) };
  }

  async #write<T extends string | devices.DeviceWrite>(
    run: (tx: Database) => Promise<T>, changes: (result: T) => DirectoryChange[],
  ): Promise<string> {
    const result = await this.#db.transaction((tx) => run(tx));
    for (const change of changes(result)) this.#emit(change);
    return typeof result === 'string' ? result : result.uuid;
  }

  #emit(change: DirectoryChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (err) {
        this.#log?.error({ err, change }, 'directory change listener failed');
      }
    }
  }
}

function deviceChanges(action: DirectoryChange['action']) {
  return (write: devices.DeviceWrite): DirectoryChange[] => [
    ...write.createdLines.map((uuid): DirectoryChange => ({ entity: 'line', action: 'added', uuid })),
    { entity: 'device', action, uuid: write.uuid },
  ];
}

function asPhone(device: Device): Phone {
  if (device.kind === 'CTI_ROUTE_POINT') throw new Error(`device ${device.name} is not a phone`);
  return { ...device, kind: device.kind };
}

function asRoutePoint(device: Device): CtiRoutePoint {
  if (device.kind !== 'CTI_ROUTE_POINT') throw new Error(`device ${device.name} is not a CTI route point`);
  return { ...device, kind: device.kind };
}
