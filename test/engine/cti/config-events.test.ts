// The UCCX configuration messages on a real engine over TCP (cti.md §8.1): CONFIG_REQUEST_KEY_EVENT and
// CONFIG_REQUEST_EVENT from a CONFIG_EVENTS session, a CSQ created through the Configuration API arriving as an
// update block, a session without CONFIG_EVENTS refused in the CTI error form and still served, and the web
// service's CSQ names following the same events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { CtiStatus, Service, type CtiMessage, type CtiMessageOf } from '../../../src/engine/cti/codec/index.ts';
import type { WebService } from '../../../src/web/index.ts';
import { createdKey, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

const CONFIG_SERVICES = Service.ALL_EVENTS | Service.CONFIG_EVENTS;
const ALL_KINDS = 0xf;

const csqRecords = (events: readonly CtiMessage[]) => events.flatMap((e) => e.type === 'CONFIG_CSQ_EVENT' ? e.records ?? [] : []);

describe('configuration messages on a real engine', () => {
  let fx: AdminFixture;
  let client: CtiClient;

  before(async () => {
    fx = await startAdminNode();
    const opened = await CtiClient.open({
      host: '127.0.0.1', port: fx.engine.ctiPort, clientId: 'config-probe',
      servicesRequested: CONFIG_SERVICES, configMsgMask: ALL_KINDS, agentStateMask: 0, callMsgMask: 0,
    });
    assert.equal(opened.reply.type, 'OPEN_CONF');
    assert.equal(opened.reply.type === 'OPEN_CONF' && opened.reply.servicesGranted & Service.CONFIG_EVENTS, Service.CONFIG_EVENTS);
    client = opened.client;
    await client.waitFor('SYSTEM_EVENT');
  });
  after(async () => {
    await client?.close();
    await fx.close();
  });

  test('without CONFIG_EVENTS: FAILURE_EVENT 12 for both requests, and the session is still served', async () => {
    const { client: plain } = await CtiClient.open({ host: '127.0.0.1', port: fx.engine.ctiPort, clientId: 'plain-probe', configMsgMask: ALL_KINDS });
    await plain.waitFor('SYSTEM_EVENT');
    plain.post({ type: 'CONFIG_REQUEST_KEY_EVENT', reserved: 0 });
    const refused = await plain.waitFor('FAILURE_EVENT');
    assert.equal(refused.event.status, CtiStatus.FUNCTION_NOT_AVAILABLE);
    plain.post({ type: 'CONFIG_REQUEST_EVENT', configurationMask: ALL_KINDS, reserved: 0 });
    assert.equal((await plain.waitFor('FAILURE_EVENT')).event.status, CtiStatus.FUNCTION_NOT_AVAILABLE);
    assert.equal((await plain.heartbeat()).type, 'HEARTBEAT_CONF');
    assert.deepEqual(plain.queued.filter((m) => m.type.startsWith('CONFIG_')), []);
    await plain.close();
  });

  test('keys, then the initial upload per kind, then a CSQ created through /adminapi/ as an update block', async () => {
    client.post({ type: 'CONFIG_REQUEST_KEY_EVENT', reserved: 0 });
    const keys = (await client.waitFor('CONFIG_KEY_EVENT')).event;
    assert.equal(keys.status, 0);
    for (const key of [keys.applicationConfigKey, keys.csqConfigKey, keys.agentConfigKey, keys.deviceConfigKey]) {
      assert.equal(key?.length, 8);
      assert.ok(key.some((b) => b !== 0), 'a zero key would ask for an upload');
    }

    client.post({ type: 'CONFIG_REQUEST_EVENT', configurationMask: ALL_KINDS, reserved: 0 });
    const upload: CtiMessage[] = [];
    for (let ends = 0; ends < 4;) {
      const m = await client.nextEvent();
      upload.push(m);
      if (m.type === 'CONFIG_END_EVENT') ends++;
    }
    const begins = upload.filter((m): m is CtiMessageOf<'CONFIG_BEGIN_EVENT'> => m.type === 'CONFIG_BEGIN_EVENT');
    assert.deepEqual(begins.map((b) => [b.configType, b.configurationMask]), [[1, 0x1], [1, 0x2], [1, 0x4], [1, 0x8]]);
    assert.deepEqual(begins[0]?.csqConfigKey, keys.csqConfigKey);
    assert.deepEqual(upload.filter((m) => m.type === 'CONFIG_END_EVENT').map((m) => m.type === 'CONFIG_END_EVENT' && m.status), [0, 0, 0, 0]);
    const csqs = csqRecords(upload);
    assert.deepEqual(csqs.map((r) => r.name).filter((n) => n === 'Sales' || n === 'Support'), ['Sales', 'Support']);
    assert.ok(csqs.every((r) => r.recordType === 0 && r.autoWork === true));
    const sales = csqs.find((r) => r.name === 'Sales');
    const agents = upload.flatMap((e) => e.type === 'CONFIG_AGENT_EVENT' ? e.records ?? [] : []);
    const agent1 = agents.find((r) => r.loginId === 'agent1');
    assert.equal(agent1?.agentType, 1);
    assert.equal(agent1?.extension, '1001');
    assert.ok(agent1?.lastName, 'names come from the call manager\'s directory');
    assert.deepEqual(agent1?.csqIds, [sales?.csqId]);
    assert.equal(agents.find((r) => r.loginId === 'supervisor1')?.agentType, 2);
    const devices = upload.flatMap((e) => e.type === 'CONFIG_DEVICE_EVENT' ? e.records ?? [] : []);
    assert.ok(devices.some((d) => d.deviceType === 5 && d.deviceField2 === '7001'), 'the Sales route point');
    assert.ok(devices.some((d) => d.deviceType === 3 && d.deviceField4 === '1001'), 'agent1\'s line');
    assert.ok(upload.every((m) => !('records' in m) || (m.records?.length ?? 0) <= 10));

    const web = fx.node.services.find((s): s is WebService => s.name === 'web');
    assert.ok(web);
    await web.csqs.whenBuilt();
    assert.equal(web.csqs.nameOf(sales?.csqId ?? -1), 'Sales');

    const skill = createdKey(await fx.call('POST', '/skill', { body: '<skill><skillName>Loans</skillName></skill>' }));
    const created = await fx.call('POST', '/csq', { body: `<csq><name>CSQ_Loans</name><queueType>VOICE</queueType>
      <queueAlgorithm>FIFO</queueAlgorithm><autoWork>true</autoWork><resourcePoolType>SKILL_GROUP</resourcePoolType>
      <poolSpecificInfo><skillGroup><skillCompetency><competencelevel>3</competencelevel>
      <skillNameUriPair name="Loans"><refURL>/adminapi/skill/${skill}</refURL></skillNameUriPair></skillCompetency>
      <selectionCriteria>Longest Available</selectionCriteria></skillGroup></poolSpecificInfo></csq>` });
    assert.equal(created.status, 201, created.text);
    const id = Number(createdKey(created));
    const added = await client.waitFor('CONFIG_CSQ_EVENT', (e) => (e.records ?? []).some((r) => r.csqId === id));
    const begin = [...added.before].reverse().find((m): m is CtiMessageOf<'CONFIG_BEGIN_EVENT'> => m.type === 'CONFIG_BEGIN_EVENT');
    assert.equal(begin?.configType, 2);
    assert.equal((begin?.configurationMask ?? 0) & 0x2, 0x2);
    assert.notDeepEqual(begin?.csqConfigKey, keys.csqConfigKey, 'the CSQ key follows the change');
    assert.deepEqual(added.event.records?.map((r) => [r.recordType, r.csqId, r.name]), [[0, id, 'CSQ_Loans']]);
    await client.waitFor('CONFIG_END_EVENT');
    assert.equal((await fx.call('DELETE', `/csq/${id}`)).status, 200);
    const deleted = await client.waitFor('CONFIG_CSQ_EVENT', (e) => (e.records ?? []).some((r) => r.csqId === id));
    assert.deepEqual(deleted.event.records?.map((r) => [r.recordType, r.csqId]), [[2, id]]);
  });
});
