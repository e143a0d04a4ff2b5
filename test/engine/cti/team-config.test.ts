// Teams over CTI (cti.md §8.1): the pure snapshot and difference, then TEAM_CONFIG_REQ against a real engine, and a
// change through the Configuration API reaching a CTI client and the web service's team directory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { CtiStatus, Service, type CtiMessageOf } from '../../../src/engine/cti/codec/index.ts';
import {
  initialTeamEvents, teamChangeEvents, teamSnapshots, type TeamSnapshot,
} from '../../../src/engine/cti/team-config.ts';
import type { WebService } from '../../../src/web/index.ts';
import { createdKey, startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

const team = (id: number, name: string, agents: string[], supervisor?: string): TeamSnapshot =>
  teamSnapshots([{ id, name, agents, csqs: [], primarySupervisor: supervisor, secondarySupervisors: [] }])[0]!;

describe('team-config (pure)', () => {
  test('a team is one add event: agents flag 0, the primary supervisor flag 1, all records added', () => {
    const [event, ...rest] = initialTeamEvents([team(12, 'Billing', ['asilva'], 'rcosta')]);
    assert.equal(rest.length, 0);
    assert.deepEqual({ ...event, reserved: undefined }, {
      type: 'TEAM_CONFIG_EVENT', teamId: 12, operation: 1, reserved: undefined, teamName: 'Billing',
      members: [{ agentId: 'asilva', agentFlags: 0, recordType: 0 }, { agentId: 'rcosta', agentFlags: 1, recordType: 0 }],
    });
  });

  test('more than 64 members: the rest follows as changes of the team', () => {
    const agents = Array.from({ length: 70 }, (_, i) => `a${i}`);
    const events = initialTeamEvents([team(3, 'Big', agents)]);
    assert.deepEqual(events.map((e) => [e.operation, e.members?.length]), [[1, 64], [3, 6]]);
  });

  test('differences: removed team, added team, members added and deleted, renamed, unchanged left out', () => {
    const before = [team(1, 'A', ['x', 'y']), team(2, 'B', ['z']), team(4, 'D', ['w'])];
    const after = [team(1, 'A', ['y', 'v']), team(3, 'C', []), team(4, 'D2', ['w'])];
    const events = teamChangeEvents(before, after);
    assert.deepEqual(events.map((e) => [e.teamId, e.operation, e.teamName, e.members?.map((m) => `${m.recordType}:${m.agentId}`)]), [
      [2, 2, 'B', []],
      [1, 3, 'A', ['0:v', '2:x']],
      [3, 1, 'C', []],
      [4, 3, 'D2', []],
    ]);
    assert.deepEqual(teamChangeEvents(after, after), []);
  });
});

describe('TEAM_CONFIG_REQ on a real engine', () => {
  let fx: AdminFixture;
  let client: CtiClient;

  before(async () => {
    fx = await startAdminNode();
    const opened = await CtiClient.open({
      host: '127.0.0.1', port: fx.engine.ctiPort, clientId: 'team-probe',
      servicesRequested: Service.ALL_EVENTS | Service.SUPERVISOR, agentStateMask: 0, callMsgMask: 0,
    });
    assert.equal(opened.reply.type, 'OPEN_CONF');
    client = opened.client;
  });
  after(async () => {
    await client?.close();
    await fx.close();
  });

  test('without SUPERVISOR: FAILURE_CONF 12', async () => {
    const { client: plain } = await CtiClient.open({ host: '127.0.0.1', port: fx.engine.ctiPort, clientId: 'plain-probe' });
    const reply = await plain.request({ type: 'TEAM_CONFIG_REQ', configParam: 3, reserved: new Uint8Array(8) });
    assert.equal(reply.type === 'FAILURE_CONF' && reply.status, CtiStatus.FUNCTION_NOT_AVAILABLE);
    await plain.close();
  });

  test('the teams, then TEAM_CONFIG_CONF; a team added through the Configuration API follows as updates', async () => {
    const reply = await client.request({ type: 'TEAM_CONFIG_REQ', configParam: 3, reserved: new Uint8Array(8) });
    assert.deepEqual(reply, { type: 'TEAM_CONFIG_CONF', invokeId: 2, status: 0 }); // OPEN_REQ was 1
    const events = client.queued.filter((m): m is CtiMessageOf<'TEAM_CONFIG_EVENT'> => m.type === 'TEAM_CONFIG_EVENT');
    const sales = events.find((e) => e.teamName === 'Sales');
    assert.ok(sales);
    assert.deepEqual(sales.members?.filter((m) => m.agentFlags === 0).map((m) => m.agentId),
      ['agent1', 'agent2', 'agent3', 'agent4', 'agent5', 'supervisor1']);
    assert.deepEqual(sales.members?.filter((m) => m.agentFlags === 1).map((m) => m.agentId), ['supervisor1']);

    const web = fx.node.services.find((s): s is WebService => s.name === 'web');
    assert.ok(web);
    await web.teams.whenBuilt();
    const webSees = new Promise<void>((resolve) => {
      const off = web.teams.onChange(() => { if (web.teams.teamOfUser('agent6')?.name === 'Escalations') { off(); resolve(); } });
    });
    const ref = (element: string, path: string) => `<${element} name="x"><refURL>/adminapi/${path}</refURL></${element}>`;
    const created = await fx.call('POST', '/team', {
      body: `<team><teamname>Escalations</teamname>${ref('primarySupervisor', 'resource/supervisor2')}<resources>${ref('resource', 'resource/agent6')}</resources></team>`,
    });
    assert.equal(created.status, 201, created.text);
    const id = Number(createdKey(created));
    const added = await client.waitFor('TEAM_CONFIG_EVENT', (e) => e.teamId === id);
    assert.equal(added.event.operation, 1);
    assert.deepEqual(added.event.members?.map((m) => [m.agentId, m.agentFlags]), [['agent6', 0], ['supervisor2', 1]]);
    const support = [...added.before, ...client.queued].find((m): m is CtiMessageOf<'TEAM_CONFIG_EVENT'> =>
      m.type === 'TEAM_CONFIG_EVENT' && m.teamName === 'Support' && m.operation === 3);
    assert.deepEqual(support?.members?.map((m) => [m.agentId, m.recordType]), [['agent6', 2]], 'agent6 left Support');
    await webSees;
    assert.deepEqual(web.teams.supervisedBy('supervisor2').map((t) => t.name).sort(), ['Escalations', 'Support']);
  });
});
