// Team, Users and a supervisor acting on agents (rest-api.md §3.2, §3.4, §5.1) over one node: the teams come from
// the engine over CTI (TEAM_CONFIG_REQ), a supervisor's changes reach the engine and come back as notifications.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineService } from '../../../src/engine/index.ts';
import { ADMIN, AGENT, SUPERVISOR, apiErrorOf, childNames, startWebNode, type WebFixture, demoTeamIds } from '../../support/web.ts';

const TEAM_MEMBER_CHILDREN = [
  'dialogs', 'extension', 'firstName', 'lastName', 'loginId', 'mediaState', 'pendingState', 'state',
  'stateChangeTime', 'uri',
];

describe('Team, Users and supervisor actions', () => {
  let fx: WebFixture;
  let engine: EngineService;
  let sales: number;
  let support: number;
  let seq = 0;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.teams.whenBuilt();
    const found = fx.node.services.find((s): s is EngineService => s.name === 'engine');
    assert.ok(found);
    engine = found;
    ({ sales, support } = demoTeamIds(fx));
    assert.ok(sales > 0 && support > 0, 'the demo teams reached web over CTI');
  });
  after(async () => { await fx.close(); });

  const engineState = (userid: string) => engine.engine.agents.get(userid)?.state ?? 'LOGOUT';

  /** PUTs a state as `as`; expects 202 and returns the User update (and the Team one) carrying its requestId. */
  async function put(userid: string, as: string, body: string): Promise<{ user: string; team: string | undefined }> {
    const requestId = `team-${++seq}`;
    const res = await fx.call('PUT', `/User/${userid}`, { as, body, headers: { requestId } });
    assert.equal(res.status, 202, res.text);
    const carries = (u: { xml: string }) => u.xml.includes(`<requestId>${requestId}</requestId>`);
    const user = await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${userid}` && carries(u));
    const team = fx.web.publisher.updates.find((u) => u.node.startsWith('/finesse/api/Team/') && carries(u));
    return { user: user.xml, team: team?.xml };
  }

  test('GET /Team/{id}: the members with their states, for the team\'s supervisor and the administrator', async () => {
    await put(AGENT, AGENT, '<User><state>LOGIN</state><extension>1001</extension></User>');
    const res = await fx.call('GET', `/Team/${sales}`, { as: SUPERVISOR });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(childNames(res.xml), ['id', 'name', 'uri', 'users']);
    assert.equal(res.xml?.getChildText('name'), 'Sales');
    assert.equal(res.xml?.getChildText('uri'), `/finesse/api/Team/${sales}`);
    const users = res.xml?.getChild('users')?.getChildElements() ?? [];
    assert.deepEqual(users.map((u) => u.getChildText('loginId')), ['agent1', 'agent2', 'agent3', 'agent4', 'agent5', 'supervisor1']);
    const agent1 = users[0];
    assert.deepEqual(childNames(agent1), TEAM_MEMBER_CHILDREN);
    assert.equal(agent1?.getChildText('state'), 'NOT_READY');
    assert.equal(agent1?.getChildText('extension'), '1001');
    assert.equal(users[1]?.getChildText('state'), 'LOGOUT');
    assert.equal((await fx.call('GET', `/Team/${sales}`, { as: ADMIN })).status, 200);
  });

  test('GET /Team/{id}: another team\'s supervisor 403, an agent 401, an unknown team 404', async () => {
    assert.equal(apiErrorOf(await fx.call('GET', `/Team/${support}`, { as: SUPERVISOR })).ErrorType, 'Invalid Supervisor');
    assert.equal((await fx.call('GET', `/Team/${support}`, { as: SUPERVISOR })).status, 403);
    assert.equal((await fx.call('GET', `/Team/${sales}`, { as: AGENT })).status, 401);
    assert.equal((await fx.call('GET', '/Team/999999', { as: ADMIN })).status, 404);
    assert.equal((await fx.call('GET', '/Team/abc', { as: ADMIN })).status, 404);
  });

  test('GET /User/{id}: team fields, the supervised teams, and a supervisor reads its agents only', async () => {
    const agent = await fx.call('GET', `/User/${AGENT}`, { as: AGENT });
    assert.equal(agent.xml?.getChildText('teamId'), String(sales));
    assert.equal(agent.xml?.getChildText('teamName'), 'Sales');
    const supervisor = await fx.call('GET', `/User/${SUPERVISOR}`, { as: SUPERVISOR });
    const teams = supervisor.xml?.getChild('teams')?.getChildElements() ?? [];
    assert.deepEqual(teams.map((t) => [t.getChildText('id'), t.getChildText('name'), t.getChildText('uri')]),
      [[String(sales), 'Sales', `/finesse/api/Team/${sales}`]]);
    assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: SUPERVISOR })).status, 200);
    const other = await fx.call('GET', '/User/agent6', { as: SUPERVISOR });
    assert.equal(other.status, 403);
    assert.equal(apiErrorOf(other).ErrorType, 'Invalid Supervisor');
  });

  test('GET /Users: every agent and supervisor for the administrator; 401 for others', async () => {
    const res = await fx.call('GET', '/Users', { as: ADMIN });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.xml?.getName(), 'Users');
    const ids = res.xml?.getChildElements().map((u) => u.getChildText('loginId')) ?? [];
    for (const id of ['agent1', 'agent6', 'agent10', 'supervisor1', 'supervisor2']) assert.ok(ids.includes(id), id);
    assert.equal(res.xml?.getChildElements().find((u) => u.getChildText('loginId') === 'agent6')?.getChildText('teamName'), 'Support');
    assert.equal((await fx.call('GET', '/Users', { as: SUPERVISOR })).status, 401);
    assert.equal((await fx.call('GET', '/Users', { as: AGENT })).status, 401);
  });

  test('a supervisor makes its agent READY and NOT_READY: reason 33, on the User and Team nodes', async () => {
    const ready = await put(AGENT, SUPERVISOR, '<User><state>READY</state></User>');
    assert.match(ready.user, /<state>READY<\/state>/);
    assert.equal(engineState(AGENT), 'READY');
    const notReady = await put(AGENT, SUPERVISOR, '<User><state>NOT_READY</state></User>');
    assert.match(notReady.user, /<state>NOT_READY<\/state>/);
    assert.match(notReady.user, /<reasonCodeId>33<\/reasonCodeId>/);
    assert.ok(notReady.team, 'the team node carries the change');
    assert.match(notReady.team, /^<Update><data><user>.*<mediaState>IDLE<\/mediaState>.*<state>NOT_READY<\/state>/);
    assert.match(notReady.team, new RegExp(`<source>/finesse/api/User/${AGENT}</source></Update>$`));
    assert.equal(engine.engine.agents.get(AGENT)?.reasonCode, 33);
  });

  test('a supervisor may not give a reason code, nor NOT_READY from NOT_READY, nor LOGIN', async () => {
    const before = fx.web.publisher.updates.length;
    const rejected = [
      ['<User><state>NOT_READY</state><reasonCodeId>1</reasonCodeId></User>', 'Invalid Input'],
      ['<User><state>NOT_READY</state></User>', 'Invalid State'],
      ['<User><state>LOGIN</state><extension>1001</extension></User>', 'Invalid Input'],
    ] as const;
    for (const [body, errorType] of rejected) {
      const res = await fx.call('PUT', `/User/${AGENT}`, { as: SUPERVISOR, body });
      assert.equal(res.status, 400, res.text);
      assert.equal(apiErrorOf(res).ErrorType, errorType);
    }
    assert.equal(fx.web.publisher.updates.length, before, 'nothing published');
    assert.equal(engineState(AGENT), 'NOT_READY');
  });

  test('a supervisor on another team\'s agent: 403 Invalid Supervisor and nothing changes', async () => {
    await put('agent6', 'agent6', '<User><state>LOGIN</state><extension>1006</extension></User>');
    const before = fx.web.publisher.updates.length;
    const res = await fx.call('PUT', '/User/agent6', { as: SUPERVISOR, body: '<User><state>LOGOUT</state></User>' });
    assert.equal(res.status, 403, res.text);
    assert.deepEqual(apiErrorOf(res), {
      order: ['ErrorType', 'ErrorData', 'ErrorMessage'], ErrorType: 'Invalid Supervisor', ErrorData: SUPERVISOR,
      ErrorMessage: 'The user is not an agent of the supervisor\'s teams.',
    });
    assert.equal(fx.web.publisher.updates.length, before);
    assert.equal(engineState('agent6'), 'NOT_READY');
    assert.equal((await fx.call('GET', '/User/agent6', { as: 'agent6' })).xml?.getChildText('state'), 'NOT_READY');
    // an agent on another agent: 401 (rest-api.md §1.3)
    assert.equal((await fx.call('PUT', '/User/agent6', { as: AGENT, body: '<User><state>LOGOUT</state></User>' })).status, 401);
    assert.equal(engineState('agent6'), 'NOT_READY');
  });

  test('a supervisor signs its agent out: LOGOUT with reason 22', async () => {
    const out = await put(AGENT, SUPERVISOR, '<User><state>LOGOUT</state></User>');
    assert.match(out.user, /<state>LOGOUT<\/state>/);
    assert.match(out.user, /<reasonCodeId>22<\/reasonCodeId>/);
    assert.match(out.user, /<extension><\/extension>/);
    assert.equal(engineState(AGENT), 'LOGOUT');
  });
});
