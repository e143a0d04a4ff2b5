// The Live Data Socket.IO service over real sockets, with the npm socket.io-client, signing in through the call
// manager's AXL; the statistics stream is played by FakeStatisticsSource on the node's broker, for every broker
// (in-process always, RabbitMQ and Redis when their test servers are given).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { isLivedataService, openBroker, type LivedataService, type StatisticsBroker } from '../../src/livedata/index.ts';
import { brokersUnderTest } from '../support/livedata-brokers.ts';
import { startTestNode, basicAuth, type TestNode } from '../support/test-node.ts';
import { agentRecord, connectLivedata, csqRecord, FakeStatisticsSource, type LivedataClient } from '../support/livedata.ts';

const quiet = { warn: () => undefined, info: () => undefined };
const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

for (const broker of brokersUnderTest()) describe(`Live Data over Socket.IO, statistics via ${broker.name}`, () => {
  let node: TestNode;
  let engineSide: StatisticsBroker | undefined;
  let livedata: LivedataService;
  let source: FakeStatisticsSource;
  const clients: LivedataClient[] = [];
  const connect = async (userid: string, password?: string) => {
    const c = await connectLivedata(livedata.port, userid, password);
    clients.push(c);
    return c;
  };

  before(async () => {
    node = await startTestNode({ POISE_ONLY: 'callmanager,livedata', POISE_STATISTICS_BROKER_URL: broker.url });
    const service = node.node.services.find((s) => s.name === 'livedata');
    assert.ok(isLivedataService(service));
    livedata = service;
    assert.equal(livedata.broker.kind, broker.kind);
    // In-process, the engine's side is Live Data's own broker; otherwise a connection of its own, as the engine's is.
    if (broker.kind !== 'memory') engineSide = await openBroker(broker.url, quiet);
    source = new FakeStatisticsSource(engineSide ?? livedata.broker);
    await source.start();
    source.teams.set('T1', { teamId: 'T1', teamName: 'Sales', supervisorIds: ['supervisor1'] });
    source.teams.set('T2', { teamId: 'T2', teamName: 'Support', supervisorIds: ['supervisor2'] });
    source.agents.set('agent1', agentRecord('agent1', 'T1', ['10']));
    source.agents.set('agent2', agentRecord('agent2', 'T1', ['10', '11'], { state: 'READY' }));
    source.agents.set('agent3', agentRecord('agent3', 'T2', ['12']));
    source.csqs.set('10', csqRecord('10', { callsWaiting: 2 }));
    source.csqs.set('11', csqRecord('11'));
    source.csqs.set('12', csqRecord('12'));
    source.publishAll();
    const deadline = Date.now() + 5000;
    while (livedata.server.state !== 'live' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(livedata.server.state, 'live');
  });
  after(async () => {
    for (const c of clients) c.close();
    await node.close();
    await engineSide?.close();
  });

  test('a wrong password or no credentials are refused at the handshake', async () => {
    await assert.rejects(connect('agent1', 'wrong-password'), /not authorized/);
    const anonymous = io(`http://127.0.0.1:${livedata.port}/livedata`, { transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => anonymous.once('connect_error', resolve));
    anonymous.close();
    assert.match(error.message, /not authorized/);
    await assert.rejects(connect('poise_axl', 'x'), /not authorized/);         // an application user is no viewer
  });

  test('an agent sees its own row and its CSQs, and is refused another team', async () => {
    const agent = await connect('agent1');
    assert.deepEqual(agent.statuses[0], { state: 'live', activeNode: '127.0.0.1' });
    const own = await agent.subscribe({ report: 'teamState' });
    assert.deepEqual((own.rows as { agentId: string }[]).map((r) => r.agentId), ['agent1']);
    const csqs = await agent.subscribe({ report: 'voiceCsqSummary' });
    assert.deepEqual((csqs.rows as { csqId: string; callsWaiting: number }[]).map((r) => [r.csqId, r.callsWaiting]), [['10', 2]]);
    const summary = await agent.subscribe({ report: 'teamSummary' });
    assert.deepEqual((summary.rows as { teamId: string }[]).map((r) => r.teamId), ['T1']);
    assert.deepEqual(await agent.subscribe({ report: 'teamState', filter: { teamIds: ['T2'] } }),
      { error: { code: 'forbidden', message: 'not allowed to see team T2' } });
    assert.equal((await agent.subscribe({ report: 'teamState', filter: { agentIds: ['agent2'] } })).error !== undefined, true);
    assert.equal((await agent.subscribe({ report: 'voiceCsqSummary', filter: { csqIds: ['12'] } })).error !== undefined, true);
  });

  test('a supervisor sees its team live: a state change arrives as a rows delta', async () => {
    const supervisor = await connect('supervisor1');
    const team = await supervisor.subscribe({ report: 'teamState', filter: { teamIds: ['T1'] } });
    assert.deepEqual((team.rows as { agentId: string }[]).map((r) => r.agentId).sort(), ['agent1', 'agent2']);
    assert.ok((await supervisor.subscribe({ report: 'teamState', filter: { teamIds: ['T2'] } })).error);
    const csqs = await supervisor.subscribe({ report: 'voiceCsqSummary' });
    assert.deepEqual((csqs.rows as { csqId: string }[]).map((r) => r.csqId).sort(), ['10', '11']);
    source.setAgent(agentRecord('agent1', 'T1', ['10'], { state: 'READY', stateSince: Date.now() }));
    source.setAgent(agentRecord('agent3', 'T2', ['12'], { state: 'READY', stateSince: Date.now() }));   // not its team
    const delta = await supervisor.nextRows((r) => r.subscriptionId === team.subscriptionId);
    assert.deepEqual(delta.upsert.map((r) => [r.key, (r as unknown as { state: string }).state]), [['agent1', 'READY']]);
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!supervisor.rows.some((r) => r.upsert.some((row) => row.key === 'agent3')), 'another team\'s agent leaked');
  });

  test('CSQ summary carries today\'s counts and the windows; service level from within-SL over handled', async () => {
    const supervisor = await connect('supervisor1');
    const sub = await supervisor.subscribe({ report: 'voiceCsqSummary', view: 'shortLong', filter: { csqIds: ['10'] } });
    source.setCsq(csqRecord('10', {
      callsWaiting: 1,
      today: { presented: 4, handled: 4, abandoned: 0, dequeued: 4, handledWithinSl: 3, abandonedWithinSl: 0,
        queueMsTotal: 8000, handleMsTotal: 400_000, longestWaitMs: 4000, longestHandleMs: 150_000 },
    }));
    const delta = await supervisor.nextRows((r) => r.subscriptionId === sub.subscriptionId);
    const row = delta.upsert[0] as unknown as { callsWaiting: number; long: { serviceLevelPct: number; avgHandleMs: number; dequeued: number } };
    assert.equal(row.callsWaiting, 1);
    assert.equal(row.long.serviceLevelPct, 75);
    assert.equal(row.long.avgHandleMs, 100_000);
    assert.equal(row.long.dequeued, 4);
  });

  test('bad subscribe requests get an error and the connection keeps working', async () => {
    const agent = await connect('agent1');
    assert.equal(((await agent.subscribe({ report: 'noSuchReport' })).error as { code: string }).code, 'badRequest');
    assert.equal(((await agent.subscribe('garbage')).error as { code: string }).code, 'badRequest');
    assert.equal(((await agent.subscribe({ report: 'teamState', filter: { teamIds: 'T1' } })).error as { code: string }).code, 'badRequest');
    agent.socket.emit('subscribe', { report: 'teamState' });                      // no ack: ignored, not a crash
    agent.socket.emit('unsubscribe', null);
    const ok = await agent.subscribe({ report: 'teamState' });
    assert.equal(typeof ok.subscriptionId, 'string');
  });

  test('after unsubscribe no more rows arrive for that subscription', async () => {
    const agent = await connect('agent1');
    const sub = await agent.subscribe({ report: 'teamState' });
    assert.deepEqual(await agent.socket.timeout(5000).emitWithAck('unsubscribe', { subscriptionId: sub.subscriptionId }), { ok: true });
    source.setAgent(agentRecord('agent1', 'T1', ['10'], { state: 'NOT_READY', stateSince: Date.now(), reasonCode: 7 }));
    await new Promise((r) => setTimeout(r, 150));
    assert.ok(!agent.rows.some((r) => r.subscriptionId === sub.subscriptionId));
  });

  test('subscriptions with the same report, view and scope share one feed; leaving it stops only that client', async () => {
    const desk1 = await connect('supervisor1');
    const desk2 = await connect('supervisor1');
    const admin = await connect('admin');
    const feedsBefore = livedata.server.feedCount;
    const a = await desk1.subscribe({ report: 'teamState', filter: { teamIds: ['T1'] }, view: 'sinceMidnight' });
    const b = await desk2.subscribe({ report: 'teamState', filter: { teamIds: ['T1'] }, view: 'sinceMidnight' });
    const c = await admin.subscribe({ report: 'teamState', filter: { teamIds: ['T1'] }, view: 'sinceMidnight' });
    assert.equal(a.subscriptionId, b.subscriptionId);
    assert.notEqual(a.subscriptionId, c.subscriptionId);                   // the administrator's scope is another
    assert.equal(livedata.server.feedCount, feedsBefore + 2);
    source.setAgent(agentRecord('agent2', 'T1', ['10', '11'], { state: 'TALKING', stateSince: Date.now() }));
    for (const [client, id] of [[desk1, a.subscriptionId], [desk2, b.subscriptionId], [admin, c.subscriptionId]] as const) {
      const delta = await client.nextRows((r) => r.subscriptionId === id && r.upsert.some((row) => row.key === 'agent2'));
      assert.equal((delta.upsert.find((row) => row.key === 'agent2') as unknown as { state: string }).state, 'TALKING');
    }
    assert.deepEqual(await desk1.socket.timeout(5000).emitWithAck('unsubscribe', { subscriptionId: a.subscriptionId }), { ok: true });
    source.setAgent(agentRecord('agent2', 'T1', ['10', '11'], { state: 'WORK', stateSince: Date.now() }));
    await desk2.nextRows((r) => r.subscriptionId === b.subscriptionId && r.upsert.some((row) => (row as unknown as { state: string }).state === 'WORK'));
    await admin.nextRows((r) => r.subscriptionId === c.subscriptionId && r.upsert.some((row) => (row as unknown as { state: string }).state === 'WORK'));
    assert.ok(!desk1.rows.some((r) => r.subscriptionId === a.subscriptionId && r.upsert.some((row) => (row as unknown as { state: string }).state === 'WORK')));
    desk2.close();
    admin.close();
    const deadline = Date.now() + 5000;
    while (livedata.server.feedCount !== feedsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(livedata.server.feedCount, feedsBefore);                  // the last member gone, the feed with it
  });

  test('the default namespace is closed', async () => {
    const root = io(`http://127.0.0.1:${livedata.port}/`, { auth: { authorization: basicAuth('agent1') }, transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => root.once('connect_error', resolve));
    root.close();
    assert.match(error.message, /livedata namespace/);
  });

  // These two change which engine the source plays, so they come last.
  test('a new day at the engine resets every subscription; subscribing again gives the zeroed counters', async () => {
    const today = Date.now() - 3_600_000;
    source.engine = { node: 'engine-a:42027', role: 'active', dayStartsAt: today, configVersion: 0 };
    source.publishAll();
    const supervisor = await connect('supervisor1');
    await until(() => supervisor.statuses.at(-1)?.activeNode === 'engine-a:42027', 'the active engine named in status');
    const sub = await supervisor.subscribe({ report: 'voiceCsqSummary', filter: { csqIds: ['10'] } });
    assert.ok(((sub.rows as { today: { presented: number } }[])[0]?.today.presented ?? 0) > 0);
    source.publishAll();                                       // the same day again: nothing to reset
    source.engine = { ...source.engine, dayStartsAt: today + 86_400_000 };
    source.csqs.set('10', csqRecord('10'));                    // the engine's counters restart at zero
    source.publishAll();
    await until(() => supervisor.resets.length > 0, 'reset');
    assert.deepEqual(supervisor.resets, [{ subscriptionId: sub.subscriptionId, reason: 'midnight' }]);
    const again = await supervisor.subscribe({ report: 'voiceCsqSummary', filter: { csqIds: ['10'] } });
    assert.equal((again.rows as { today: { presented: number } }[])[0]?.today.presented, 0);
  });

  test('the engine standby: status standby; another engine active: live again, with a failover reset', async () => {
    const supervisor = await connect('supervisor1');
    const sub = await supervisor.subscribe({ report: 'teamState', filter: { teamIds: ['T1'] } });
    // Another node's standby engine does not count while the active one is known.
    source.engine = { node: 'engine-b:42027', role: 'standby', dayStartsAt: source.engine!.dayStartsAt, configVersion: 0 };
    source.publishAll();
    source.engine = { ...source.engine, node: 'engine-a:42027' };
    source.publishAll();
    await until(() => supervisor.statuses.at(-1)?.state === 'standby', 'standby');
    assert.equal(livedata.server.state, 'standby');
    assert.deepEqual(supervisor.statuses.at(-1), { state: 'standby', activeNode: '127.0.0.1' });
    assert.equal(supervisor.statuses.filter((s) => s.state === 'standby').length, 1);
    source.engine = { ...source.engine, node: 'engine-b:42027', role: 'active' };
    source.setAgent(agentRecord('agent1', 'T1', ['10'], { state: 'TALKING', stateSince: Date.now() }));
    source.publishAll();
    await until(() => supervisor.resets.length > 0, 'reset');
    assert.deepEqual(supervisor.statuses.at(-1), { state: 'live', activeNode: 'engine-b:42027' });
    assert.deepEqual(supervisor.resets, [{ subscriptionId: sub.subscriptionId, reason: 'failover' }]);
    const again = await supervisor.subscribe({ report: 'teamState', filter: { teamIds: ['T1'] } });
    assert.equal((again.rows as { agentId: string; state: string }[]).find((r) => r.agentId === 'agent1')?.state, 'TALKING');
  });
});
