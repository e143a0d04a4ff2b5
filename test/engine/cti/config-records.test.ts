// The configuration records and messages of cti.md §8.1, pure: records built from the engine's configuration,
// keys that follow the records, differences as add/change/delete, at most 10 records a message, update blocks cut
// to what a session's ConfigMsgMask allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineConfig } from '../../../src/engine/config/engine-config.ts';
import { DEFAULT_SETTINGS, type Csq } from '../../../src/engine/resources/types.ts';
import { configSnapshot, configKey, recordChanges, type ConfigAgent } from '../../../src/engine/cti/config-records.ts';
import {
  configChanges, configKeyEvent, configUpdateBlock, initialConfigEvents,
} from '../../../src/engine/cti/config-messages.ts';
import { encode, FrameDecoder, type CtiMessage } from '../../../src/engine/cti/codec/index.ts';

const csq = (id: number, name: string, autoWork = false): Csq => ({
  id, name, queueType: 'VOICE', autoWork, wrapupTime: 0, pool: { type: 'SKILL_GROUP', skills: [] },
  selectionCriteria: 'Longest Available', serviceLevel: 5, serviceLevelPercentage: 70, ronaTimeoutSec: 0, ronaRequeue: 'HEAD',
});

const config = (csqs: Csq[]): EngineConfig => ({
  skills: [], resourceGroups: [], teams: [], resources: [], csqs, callControlGroups: [], settings: DEFAULT_SETTINGS,
  applications: [{ id: 7, name: 'Sales', maxSessions: 20, script: 'icd', parameters: { CSQ: 'Sales' } }],
  triggers: [{
    directoryNumber: '7001', routePartitionName: '', deviceName: 'RP_Sales', applicationId: 7, enabled: true,
    maxSessions: 20, idleTimeoutMs: 5000,
  }],
});

const agent = (userId: string, extension: string, csqIds: number[], type: 'AGENT' | 'SUPERVISOR' = 'AGENT'): ConfigAgent => ({
  resource: { userId, extension, type, skills: new Map(), automaticAvailable: true },
  devices: [`SEP${extension}`], firstName: 'Ana', lastName: 'Silva', csqIds,
});

/** Every message encodes and decodes back whole: the records fit the codec's layouts and limits. */
function roundTrip(messages: CtiMessage[]): CtiMessage[] {
  const decoder = new FrameDecoder({ role: 'client' });
  const { messages: out, error } = decoder.push(Buffer.concat(messages.map((m) => encode(m))));
  assert.equal(error, undefined);
  return out;
}

test('records: application, CSQ, agent (type, names, extension, CSQs) and devices (route point, agent line)', () => {
  const snapshot = configSnapshot(config([csq(3, 'Sales', true)]), [agent('asilva', '1001', [3]), agent('sam', '1101', [], 'SUPERVISOR')]);
  assert.deepEqual([...snapshot.APPLICATION.values()], [{ applicationId: 7, maxQueued: 20, name: 'Sales' }]);
  assert.deepEqual([...snapshot.CSQ.values()], [{ csqId: 3, autoWork: true, name: 'Sales', mrDomainId: 0 }]);
  assert.deepEqual(snapshot.AGENT.get('asilva'), {
    agentType: 1, loginId: 'asilva', lastName: 'Silva', firstName: 'Ana', extension: '1001', numCsq: 1, csqIds: [3],
  });
  assert.equal(snapshot.AGENT.get('sam')?.agentType, 2);
  assert.deepEqual([...snapshot.DEVICE.values()].map((d) => [d.deviceType, d.deviceField2, d.deviceField4, d.description]), [
    [5, '7001', '7001', 'RP_Sales'], [3, 'asilva', '1001', 'SEP1001'], [3, 'sam', '1101', 'SEP1101'],
  ]);
});

test('keys: equal records give equal keys, any change a different one, never zero', () => {
  const a = configSnapshot(config([csq(3, 'Sales')]), []);
  const b = configSnapshot(config([csq(3, 'Sales')]), []);
  const c = configSnapshot(config([csq(3, 'Sales2')]), []);
  assert.deepEqual(configKey(a.CSQ), configKey(b.CSQ));
  assert.notDeepEqual(configKey(a.CSQ), configKey(c.CSQ));
  assert.equal(configKey(a.CSQ).length, 8);
  assert.ok(configKey(new Map()).some((byte) => byte !== 0));
});

test('differences: added, changed and deleted records; none when equal', () => {
  const before = configSnapshot(config([csq(1, 'A'), csq(2, 'B')]), []).CSQ;
  const after = configSnapshot(config([csq(1, 'A', true), csq(3, 'C')]), []).CSQ;
  assert.deepEqual(recordChanges(before, after).map((r) => [r.recordType, r.csqId, r.name]), [[1, 1, 'A'], [0, 3, 'C'], [2, 2, 'B']]);
  assert.deepEqual(recordChanges(after, after), []);
});

test('initial upload: per requested kind BEGIN, records ten to a message, END; a kind outside ConfigMsgMask is not requested', () => {
  const csqs = Array.from({ length: 23 }, (_, i) => csq(i + 1, `Q${i + 1}`));
  const snapshot = configSnapshot(config(csqs), [agent('asilva', '1001', [1, 2])]);
  const events = roundTrip(initialConfigEvents(snapshot, 0x2 | 0x4, 0x2));
  assert.deepEqual(events.map((e) => e.type), [
    'CONFIG_BEGIN_EVENT', 'CONFIG_CSQ_EVENT', 'CONFIG_CSQ_EVENT', 'CONFIG_CSQ_EVENT', 'CONFIG_END_EVENT',
    'CONFIG_BEGIN_EVENT', 'CONFIG_END_EVENT',
  ]);
  const [begin, first, , third, end, , refused] = events;
  assert.equal(begin?.type === 'CONFIG_BEGIN_EVENT' && begin.configType, 1);
  assert.equal(begin?.type === 'CONFIG_BEGIN_EVENT' && begin.csqConfigKey?.length, 8);
  assert.equal(begin?.type === 'CONFIG_BEGIN_EVENT' && begin.agentConfigKey, undefined, 'agents are outside ConfigMsgMask');
  assert.equal(first?.type === 'CONFIG_CSQ_EVENT' && first.records?.length, 10);
  assert.deepEqual(third?.type === 'CONFIG_CSQ_EVENT' && third.records?.map((r) => [r.recordType, r.csqId, r.name, r.autoWork]),
    [[0, 21, 'Q21', false], [0, 22, 'Q22', false], [0, 23, 'Q23', false]]);
  assert.equal(end?.type === 'CONFIG_END_EVENT' && end.status, 0);
  assert.equal(refused?.type === 'CONFIG_END_EVENT' && refused.status, 1);
});

test('agent records carry their CSQ ids through the codec; an empty kind ends with Status 4', () => {
  const snapshot = configSnapshot(config([]), [agent('asilva', '1001', [4, 2]), agent('bcosta', '1002', [])]);
  const events = roundTrip(initialConfigEvents(snapshot, 0x6, 0xf));
  const agents = events.find((e) => e.type === 'CONFIG_AGENT_EVENT');
  assert.deepEqual(agents?.type === 'CONFIG_AGENT_EVENT' && agents.records?.map((r) => [r.loginId, r.numCsq, r.csqIds ?? []]),
    [['asilva', 2, [2, 4]], ['bcosta', 0, []]]);
  const ends = events.filter((e) => e.type === 'CONFIG_END_EVENT').map((e) => e.type === 'CONFIG_END_EVENT' && e.status);
  assert.deepEqual(ends, [4, 0]); // no CSQs, then the agents
});

test('update block: BEGIN type 2 with the changed kinds a session may see, the records, END; nothing for the others', () => {
  const before = configSnapshot(config([csq(1, 'A')]), [agent('asilva', '1001', [1])]);
  const after = configSnapshot(config([csq(1, 'A'), csq(2, 'B')]), [agent('asilva', '1001', [1, 2])]);
  const changes = configChanges(before, after);
  assert.deepEqual([...changes.keys()], ['CSQ', 'AGENT']);
  const block = roundTrip(configUpdateBlock(changes, after, 0xf));
  assert.deepEqual(block.map((e) => e.type), ['CONFIG_BEGIN_EVENT', 'CONFIG_CSQ_EVENT', 'CONFIG_AGENT_EVENT', 'CONFIG_END_EVENT']);
  const begin = block[0];
  assert.ok(begin?.type === 'CONFIG_BEGIN_EVENT');
  assert.equal(begin.configType, 2);
  assert.equal(begin.configurationMask, 0x6);
  assert.deepEqual(begin.csqConfigKey, configKey(after.CSQ));
  assert.deepEqual(configUpdateBlock(changes, after, 0x1 | 0x8), []);
  assert.deepEqual(configUpdateBlock(configChanges(after, after), after, 0xf), []);
});

test('CONFIG_KEY_EVENT: the allowed kinds\' keys; Status 1 when ConfigMsgMask asks for none', () => {
  const snapshot = configSnapshot(config([csq(1, 'A')]), []);
  const keys = configKeyEvent(snapshot, 0x3);
  assert.ok(keys.type === 'CONFIG_KEY_EVENT');
  assert.equal(keys.status, 0);
  assert.deepEqual(keys.csqConfigKey, configKey(snapshot.CSQ));
  assert.equal(keys.agentConfigKey, undefined);
  const none = configKeyEvent(snapshot, 0);
  assert.equal(none.type === 'CONFIG_KEY_EVENT' && none.status, 1);
});
