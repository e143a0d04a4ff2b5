// The UCCX configuration flow as messages (cti.md §8.1): CONFIG_KEY_EVENT, the initial upload per requested kind
// (CONFIG_BEGIN_EVENT, record events of at most 10 records, CONFIG_END_EVENT), and one update block per change.
// Pure: config-events.ts decides who gets them.
import type { CtiMessage, CtiMessageOf } from './codec/index.ts';
import {
  CONFIG_KINDS, ConfigMask, RecordType, configKey, recordChanges, type AnyConfigRecord, type ConfigKind,
  type ConfigSnapshot, type RecordChange,
} from './config-records.ts';

/** ConfigType of CONFIG_BEGIN_EVENT (§8.1). */
export const ConfigType = { INITIAL: 1, UPDATE: 2 } as const;
/** Status of CONFIG_KEY_EVENT and CONFIG_END_EVENT (§8.1). */
export const ConfigStatus = { OK: 0, NOT_REQUESTED: 1, EMPTY: 4 } as const;
/** §8.1: NumRecords ≤ 10 per record message. */
const MAX_RECORDS = 10;

type Keys = Pick<CtiMessageOf<'CONFIG_BEGIN_EVENT'>, 'applicationConfigKey' | 'csqConfigKey' | 'agentConfigKey' | 'deviceConfigKey'>;

/** The keys of the kinds in `allowed` (the session's ConfigMsgMask); the others are left out. */
export function configKeys(snapshot: ConfigSnapshot, allowed: number): Keys {
  const key = (kind: ConfigKind) => ((allowed & ConfigMask[kind]) !== 0 ? configKey(snapshot[kind]) : undefined);
  const keys: { -readonly [K in keyof Keys]: Keys[K] } = {};
  const application = key('APPLICATION'); if (application) keys.applicationConfigKey = application;
  const csq = key('CSQ'); if (csq) keys.csqConfigKey = csq;
  const agent = key('AGENT'); if (agent) keys.agentConfigKey = agent;
  const device = key('DEVICE'); if (device) keys.deviceConfigKey = device;
  return keys;
}

/** The answer to CONFIG_REQUEST_KEY_EVENT; Status 1 when the session's ConfigMsgMask asks for no kind (inference). */
export function configKeyEvent(snapshot: ConfigSnapshot, allowed: number): CtiMessage {
  const status = (allowed & ALL_KINDS) === 0 ? ConfigStatus.NOT_REQUESTED : ConfigStatus.OK;
  return { type: 'CONFIG_KEY_EVENT', status, ...configKeys(snapshot, allowed) };
}

const ALL_KINDS = CONFIG_KINDS.reduce((mask, kind) => mask | ConfigMask[kind], 0);

/**
 * The answer to CONFIG_REQUEST_EVENT: per requested kind, BEGIN (initial), its records as added, END. A kind the
 * session's ConfigMsgMask leaves out gets BEGIN and END with Status 1 "not requested" (inference); a kind with no
 * records ends with Status 4 "empty".
 */
export function initialConfigEvents(snapshot: ConfigSnapshot, requested: number, allowed: number): CtiMessage[] {
  const events: CtiMessage[] = [];
  for (const kind of CONFIG_KINDS) {
    const bit = ConfigMask[kind];
    if ((requested & bit) === 0) continue;
    events.push({ type: 'CONFIG_BEGIN_EVENT', configType: ConfigType.INITIAL, configurationMask: bit, ...configKeys(snapshot, allowed) });
    if ((allowed & bit) === 0) {
      events.push({ type: 'CONFIG_END_EVENT', status: ConfigStatus.NOT_REQUESTED, text: 'not in ConfigMsgMask' });
      continue;
    }
    const records = [...snapshot[kind].values()].map((r) => ({ ...r, recordType: RecordType.ADD }));
    events.push(...recordEvents(kind, records));
    events.push({ type: 'CONFIG_END_EVENT', status: records.length === 0 ? ConfigStatus.EMPTY : ConfigStatus.OK });
  }
  return events;
}

/** Each kind's changes from `before` to `after`; kinds without changes are left out. */
export type ConfigChanges = ReadonlyMap<ConfigKind, readonly RecordChange<AnyConfigRecord>[]>;

export function configChanges(before: ConfigSnapshot, after: ConfigSnapshot): ConfigChanges {
  const changes = new Map<ConfigKind, RecordChange<AnyConfigRecord>[]>();
  for (const kind of CONFIG_KINDS) {
    const records = recordChanges<AnyConfigRecord>(before[kind], after[kind]);
    if (records.length > 0) changes.set(kind, records);
  }
  return changes;
}

/**
 * One update block for a session: BEGIN (ConfigType 2, ConfigurationMask the changed kinds it may see, keys after
 * the change), the records of each kind, END. Empty when nothing it may see changed.
 */
export function configUpdateBlock(changes: ConfigChanges, after: ConfigSnapshot, allowed: number): CtiMessage[] {
  const kinds = CONFIG_KINDS.filter((kind) => (allowed & ConfigMask[kind]) !== 0 && changes.has(kind));
  if (kinds.length === 0) return [];
  const mask = kinds.reduce((m, kind) => m | ConfigMask[kind], 0);
  return [
    { type: 'CONFIG_BEGIN_EVENT', configType: ConfigType.UPDATE, configurationMask: mask, ...configKeys(after, allowed) },
    ...kinds.flatMap((kind) => recordEvents(kind, changes.get(kind) ?? [])),
    { type: 'CONFIG_END_EVENT', status: ConfigStatus.OK },
  ];
}

/** A kind's records, ten to a message. */
function recordEvents(kind: ConfigKind, records: readonly RecordChange<AnyConfigRecord>[]): CtiMessage[] {
  const events: CtiMessage[] = [];
  for (let i = 0; i < records.length; i += MAX_RECORDS) {
    const chunk = records.slice(i, i + MAX_RECORDS);
    switch (kind) {
      // each kind's map holds only its own record type (config-records.ts), so the casts narrow what is known
      case 'APPLICATION': events.push({ type: 'CONFIG_APPLICATION_EVENT', records: chunk as CtiMessageOf<'CONFIG_APPLICATION_EVENT'>['records'] }); break;
      case 'CSQ': events.push({ type: 'CONFIG_CSQ_EVENT', records: chunk as CtiMessageOf<'CONFIG_CSQ_EVENT'>['records'] }); break;
      case 'AGENT': events.push({ type: 'CONFIG_AGENT_EVENT', records: chunk as CtiMessageOf<'CONFIG_AGENT_EVENT'>['records'] }); break;
      case 'DEVICE': events.push({ type: 'CONFIG_DEVICE_EVENT', records: chunk as CtiMessageOf<'CONFIG_DEVICE_EVENT'>['records'] }); break;
    }
  }
  return events;
}
