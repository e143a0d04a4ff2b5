// The engine's configuration as the records of the UCCX configuration messages (cti.md §8.1): applications,
// CSQs, agents and devices, each kind keyed so that two snapshots can be compared, with a key (X[8]) per kind
// that changes whenever one of its records does. Pure: the CTI server builds a snapshot after each reload.
import { createHash } from 'node:crypto';
import type { EngineConfig } from '../config/engine-config.ts';
import type { Csq, Resource } from '../resources/types.ts';
import type { CtiMessageOf } from './codec/index.ts';

type RecordOf<T extends 'CONFIG_APPLICATION_EVENT' | 'CONFIG_CSQ_EVENT' | 'CONFIG_AGENT_EVENT' | 'CONFIG_DEVICE_EVENT'> =
  Omit<NonNullable<CtiMessageOf<T>['records']>[number], 'recordType'>;
export type ApplicationRecord = RecordOf<'CONFIG_APPLICATION_EVENT'>;
export type CsqRecord = RecordOf<'CONFIG_CSQ_EVENT'>;
export type AgentRecord = RecordOf<'CONFIG_AGENT_EVENT'>;
export type DeviceRecord = RecordOf<'CONFIG_DEVICE_EVENT'>;

/** ConfigMsgMask and ConfigurationMask bits (cti.md §4.6, §8.1). */
export const ConfigMask = { APPLICATION: 0x1, CSQ: 0x2, AGENT: 0x4, DEVICE: 0x8 } as const;
export type ConfigKind = keyof typeof ConfigMask;
export const CONFIG_KINDS: readonly ConfigKind[] = ['APPLICATION', 'CSQ', 'AGENT', 'DEVICE'];

/** AgentType (§8.1): 1 agent, 2 supervisor. */
const AgentType = { AGENT: 1, SUPERVISOR: 2 } as const;
/** DeviceType (§8.1): 3 agent device, 5 route point. */
export const DeviceType = { AGENT: 3, ROUTE_POINT: 5 } as const;
/** NumCSQ ≤ 25 per agent record (§8.1). */
const MAX_AGENT_CSQS = 25;

/** Each kind's records by a key that names the same record before and after a change. */
export interface ConfigSnapshot {
  readonly APPLICATION: ReadonlyMap<string, ApplicationRecord>;
  readonly CSQ: ReadonlyMap<string, CsqRecord>;
  readonly AGENT: ReadonlyMap<string, AgentRecord>;
  readonly DEVICE: ReadonlyMap<string, DeviceRecord>;
}

export type AnyConfigRecord = ApplicationRecord | CsqRecord | AgentRecord | DeviceRecord;

/** An agent as the engine knows it: the resource, the names the directory gives, and the CSQs it belongs to. */
export interface ConfigAgent {
  readonly resource: Resource;
  readonly devices: readonly string[];
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly csqIds: readonly number[];
}

export function configSnapshot(config: EngineConfig, agents: Iterable<ConfigAgent>): ConfigSnapshot {
  const people = [...agents].sort((a, b) => a.resource.userId.localeCompare(b.resource.userId));
  return {
    APPLICATION: keyed(config.applications.map((a) => [String(a.id), {
      // MaxQueued: the application's session limit, the calls it can hold at once (inference)
      applicationId: a.id, maxQueued: a.maxSessions, name: a.name.slice(0, 63),
    }])),
    CSQ: keyed(config.csqs.map((c) => [String(c.id), {
      csqId: c.id, autoWork: c.autoWork, name: c.name.slice(0, 63), mrDomainId: mrDomainOf(c),
    }])),
    AGENT: keyed(people.map((p) => {
      const csqIds = [...p.csqIds].sort((a, b) => a - b).slice(0, MAX_AGENT_CSQS);
      return [p.resource.userId, {
        agentType: p.resource.type === 'SUPERVISOR' ? AgentType.SUPERVISOR : AgentType.AGENT,
        loginId: p.resource.userId.slice(0, 128),
        ...(p.lastName ? { lastName: p.lastName.slice(0, 31) } : {}),
        ...(p.firstName ? { firstName: p.firstName.slice(0, 31) } : {}),
        extension: p.resource.extension.slice(0, 15), numCsq: csqIds.length, csqIds,
      }];
    })),
    DEVICE: keyed([
      // A trigger's route point: DeviceField0 its application, DeviceField2 its directory number (inference:
      // UCCX does not publish the device fields' meaning per type), Description the CTI route point's name.
      ...config.triggers.map((t): [string, DeviceRecord] => [`rp:${t.directoryNumber}`, {
        deviceField0: t.applicationId, deviceType: DeviceType.ROUTE_POINT, maxQueued: t.maxSessions,
        deviceField2: t.directoryNumber.slice(0, 128), deviceField4: t.directoryNumber.slice(0, 15),
        description: t.deviceName.slice(0, 127),
      }]),
      // An agent's line: DeviceField2 the agent's LoginID, DeviceField4 its extension, Description its phone (inference).
      ...people.map((p): [string, DeviceRecord] => [`agent:${p.resource.extension}`, {
        deviceType: DeviceType.AGENT, deviceField2: p.resource.userId.slice(0, 128),
        deviceField4: p.resource.extension.slice(0, 15), description: (p.devices[0] ?? '').slice(0, 127),
      }]),
    ]),
  };
}

/** MRDomainID: 0 voice (§8.1); the other media get 1 chat and 2 email (inference). */
function mrDomainOf(csq: Csq): number {
  return csq.queueType === 'VOICE' ? 0 : csq.queueType === 'CHAT' ? 1 : 2;
}

function keyed<R>(entries: readonly (readonly [string, R])[]): ReadonlyMap<string, R> {
  return new Map(entries);
}

/**
 * A kind's key (X[8], §8.1): the first 8 bytes of a SHA-256 over its records in key order, so equal configurations
 * have equal keys on every engine. A zero key means "upload needed", so a hash of zero is made non-zero.
 */
export function configKey(records: ReadonlyMap<string, AnyConfigRecord>): Uint8Array {
  const known = keys.get(records);
  if (known) return known;
  const hash = createHash('sha256');
  for (const key of [...records.keys()].sort()) hash.update(`${key}\u0000${canonical(records.get(key))}\u0001`);
  const bytes = new Uint8Array(hash.digest().subarray(0, 8));
  if (bytes.every((b) => b === 0)) bytes[7] = 1;
  keys.set(records, bytes);
  return bytes;
}

/** Snapshots are never changed once built, so each kind's key is computed once, however many sessions ask. */
const keys = new WeakMap<ReadonlyMap<string, AnyConfigRecord>, Uint8Array>();

/** RecordType (§8.1): 0 add, 1 change, 2 delete. */
export const RecordType = { ADD: 0, CHANGE: 1, DELETE: 2 } as const;
export type RecordChange<R> = R & { readonly recordType: number };

/** What changed in one kind: added, changed, then deleted records (a deleted record carries its last fields). */
export function recordChanges<R extends AnyConfigRecord>(
  before: ReadonlyMap<string, R>, after: ReadonlyMap<string, R>,
): RecordChange<R>[] {
  const changes: RecordChange<R>[] = [];
  for (const [key, record] of after) {
    const previous = before.get(key);
    if (!previous) changes.push({ ...record, recordType: RecordType.ADD });
    else if (canonical(previous) !== canonical(record)) changes.push({ ...record, recordType: RecordType.CHANGE });
  }
  for (const [key, record] of before) if (!after.has(key)) changes.push({ ...record, recordType: RecordType.DELETE });
  return changes;
}

/** Field order is fixed by the builders above, so JSON compares records; lists are arrays of numbers. */
const canonical = (record: unknown): string => JSON.stringify(record);
