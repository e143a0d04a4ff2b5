// The engine's statistics reach a Socket.IO client through Live Data, for every statistics broker (in-process
// always, RabbitMQ and Redis when their test servers are given): an agent signed in over CTI appears in its
// supervisor's Agent State Detail, with no built-in delay; a lab call queued and abandoned moves the CSQ Summary;
// the CSQ Summary equals the engine's own statistics; a configuration reload and a new day reset the reports.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { CtiClient } from '../../src/engine/cti/client.ts';
import { Service } from '../../src/engine/cti/codec/index.ts';
import type { EngineService } from '../../src/engine/index.ts';
import { isLivedataService, type LivedataService } from '../../src/livedata/index.ts';
import { basicAuth, startTestNode, type TestNode } from '../support/test-node.ts';
import { connectLivedata, type LivedataClient } from '../support/livedata.ts';
import { brokersUnderTest } from '../support/livedata-brokers.ts';

type Row = { key: string; state?: string; callsWaiting?: number; csqName?: string; agents?: { ready: number; loggedIn: number }; today?: { abandoned: number; presented: number } };

for (const broker of brokersUnderTest()) describe(`engine to Live Data, statistics via ${broker.name}`, () => {
  let node: TestNode;
  let engine: EngineService;
  let livedata: LivedataService;
  let cti: CtiClient;
  let supervisor: LivedataClient;

  before(async () => {
    node = await startTestNode({ POISE_ONLY: 'callmanager,engine,livedata', POISE_STATISTICS_BROKER_URL: broker.url });
    engine = node.node.services.find((s): s is EngineService => s.name === 'engine')!;
    const service = node.node.services.find((s) => s.name === 'livedata');
    assert.ok(isLivedataService(service));
    livedata = service;
    assert.equal(livedata.broker.kind, broker.kind);
    const opened = await CtiClient.open({ host: '127.0.0.1', port: engine.ctiPort, clientId: 'livedata-e2e', servicesRequested: Service.ALL_EVENTS | Service.CLIENT_CONTROL });
    cti = opened.client;
    const deadline = Date.now() + 10_000;
    while (livedata.server.state !== 'live' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    supervisor = await connectLivedata(livedata.port, 'supervisor1');
  });
  after(async () => {
    supervisor?.close();
    await cti?.close();
    await node.close();
  });

  const setState = (agentState: 'LOGIN' | 'READY' | 'NOT_READY', agentId: string, agentInstrument: string) => cti.request({
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0,
    eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument, agentId,
  });
  const lab = (path: string, body: unknown) => fetch(`${node.cmUrl}/lab${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') }, body: JSON.stringify(body),
  });

  test('an agent going Ready appears in its supervisor\'s Agent State Detail; another team\'s does not', async () => {
    const team = await supervisor.subscribe({ report: 'teamState' });
    const rows = team.rows as Row[];
    assert.ok(rows.some((r) => r.key === 'agent1' && r.state === 'LOGOUT'), JSON.stringify(rows.map((r) => r.key)));
    assert.ok(!rows.some((r) => r.key === 'agent6'), 'Support agents are not supervisor1\'s');
    assert.equal((await setState('LOGIN', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
    assert.equal((await setState('READY', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
    await supervisor.nextRows((r) => r.subscriptionId === team.subscriptionId
      && r.upsert.some((row) => row.key === 'agent1' && (row as Row).state === 'READY'));
    assert.equal((await setState('LOGIN', 'agent6', '1006')).type, 'SET_AGENT_STATE_CONF');
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!supervisor.rows.some((r) => r.upsert.some((row) => row.key === 'agent6')));
  });

  test('an agent going Ready reaches the Agent State Detail with no built-in delay (best of 5 under 250 ms)', async (t) => {
    // From the engine's own state change (its listener, in this process) to the row's arrival at the client.
    const readyAt: number[] = [];
    const arrivedAt: number[] = [];
    engine.engine.agents.onChange((session) => { if (session.userId === 'agent1' && session.state === 'READY') readyAt.push(performance.now()); });
    const team = await supervisor.subscribe({ report: 'teamState' });
    supervisor.socket.on('rows', (event: { subscriptionId: string; upsert: Row[] }) => {
      if (event.subscriptionId === team.subscriptionId && event.upsert.some((row) => row.key === 'agent1' && row.state === 'READY')) arrivedAt.push(performance.now());
    });
    const seenBefore = new Set(supervisor.rows);
    const markSeen = () => { for (const r of supervisor.rows) seenBefore.add(r); };
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      assert.equal((await setState('NOT_READY', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
      await supervisor.nextRows((r) => r.subscriptionId === team.subscriptionId
        && r.upsert.some((row) => row.key === 'agent1' && (row as Row).state === 'NOT_READY') && !seenBefore.has(r));
      markSeen();
      assert.equal((await setState('READY', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
      await supervisor.nextRows((r) => r.subscriptionId === team.subscriptionId
        && r.upsert.some((row) => row.key === 'agent1' && (row as Row).state === 'READY') && !seenBefore.has(r));
      markSeen();
    }
    assert.equal(readyAt.length, rounds);
    assert.equal(arrivedAt.length, rounds);
    const latencies = readyAt.map((at, i) => Math.round(arrivedAt[i]! - at));
    t.diagnostic(`${broker.name}: engine Ready to Agent State Detail row, ms: ${latencies.join(', ')}`);
    assert.ok(Math.min(...latencies) < 250, `best of ${rounds}: ${Math.min(...latencies)} ms`);
  });

  test('a queued and abandoned call moves the CSQ Summary, which matches the engine\'s statistics', async () => {
    const agent6 = await connectLivedata(livedata.port, 'agent6');
    after(() => agent6.close());
    const summary = await agent6.subscribe({ report: 'voiceCsqSummary' });
    const initial = summary.rows as Row[];
    assert.deepEqual(initial.map((r) => r.csqName), ['Support']);
    const support = initial[0]!.key;
    // agent6 is NOT_READY: a call to Support waits.
    const placed = await lab('/calls', { from: '+14155550100', to: '7002' });
    assert.equal(placed.status, 201);
    const { callId } = await placed.json() as { callId: string };
    await agent6.nextRows((r) => r.upsert.some((row) => row.key === support && (row as Row).callsWaiting === 1));
    assert.equal((await lab(`/calls/${callId}/abandon`, {})).status, 200);
    const after1 = await agent6.nextRows((r) => r.upsert.some((row) => row.key === support && (row as Row).today?.abandoned === 1));
    const row = after1.upsert.find((r) => r.key === support) as Row;
    const figures = engine.engine.statistics.csq(Number(support))!;
    assert.equal(row.callsWaiting, figures.callsWaiting);
    assert.equal(row.today?.abandoned, figures.today.abandoned);
    assert.equal(row.today?.presented, figures.today.presented);
    assert.equal(row.agents?.loggedIn, figures.agents.loggedOn);
    // A supervisor of Sales does not see Support; an agent cannot ask for it either way round.
    assert.ok((await agent6.subscribe({ report: 'teamState', filter: { agentIds: ['agent1'] } })).error);
  });

  test('under the seeded lab load, each CSQ Summary row equals the engine\'s figures once the stream is quiet', async () => {
    for (const [agent, extension] of [['agent2', '1002'], ['agent3', '1003']] as const) {
      assert.equal((await setState('LOGIN', agent, extension)).type, 'SET_AGENT_STATE_CONF');
      assert.equal((await setState('READY', agent, extension)).type, 'SET_AGENT_STATE_CONF');
    }
    const admin = await connectLivedata(livedata.port, 'admin');
    after(() => admin.close());
    const summary = await admin.subscribe({ report: 'voiceCsqSummary' });
    const latest = new Map((summary.rows as Row[]).map((r) => [r.key, r]));
    admin.socket.on('rows', (event: { upsert: Row[] }) => { for (const row of event.upsert) latest.set(row.key, row); });
    assert.equal((await lab('/clock', { mode: 'virtual' })).status, 200);
    const run = await lab('/load', {
      seed: 42, callsPerSecond: 2, durationSec: 20, routePoints: [{ dn: '7001', weight: 3 }, { dn: '7002', weight: 1 }],
      ahtSec: 4, answerDelaySec: 1, abandonProbability: 0.3, patienceMeanSec: 3,
    });
    assert.equal(run.status, 201);
    const quiet = async () => {          // no rows for 400 ms: Live Data has caught up with the engine
      let last = admin.rows.length;
      for (;;) {
        await new Promise((r) => setTimeout(r, 400));
        if (admin.rows.length === last) return;
        last = admin.rows.length;
      }
    };
    for (let step = 0; step < 6; step++) {
      assert.equal((await lab('/clock/advance', { ms: 3000 })).status, 200);
      await quiet();
      for (const csq of engine.engine.router.csqs()) {
        const figures = engine.engine.statistics.csq(csq.id)!;
        const row = latest.get(String(csq.id));
        assert.ok(row, `no row for ${csq.name}`);
        const got = { waiting: row.callsWaiting, presented: row.today?.presented, abandoned: row.today?.abandoned, loggedIn: row.agents?.loggedIn, ready: row.agents?.ready };
        const want = { waiting: figures.callsWaiting, presented: figures.today.presented, abandoned: figures.today.abandoned, loggedIn: figures.agents.loggedOn, ready: figures.agents.ready };
        assert.deepEqual(got, want, `${csq.name} after ${step + 1} steps`);
      }
    }
    const presented = [...latest.values()].reduce((n, r) => n + (r.today?.presented ?? 0), 0);
    assert.ok(presented > 5, `the load reached the CSQs (${presented} presented)`);
    await lab('/reset', {});
    await lab('/clock', { mode: 'real' });
  });

  test('the engine reloading its configuration resets the reports', async () => {
    const team = await supervisor.subscribe({ report: 'teamState' });
    const seen = supervisor.resets.length;
    await engine.engine.reload();
    const deadline = Date.now() + 5000;
    while (supervisor.resets.length === seen && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    assert.deepEqual(supervisor.resets.slice(seen).filter((r) => r.subscriptionId === team.subscriptionId),
      [{ subscriptionId: team.subscriptionId, reason: 'config' }]);
  });

  test('the engine\'s new day resets the reports; the fresh CSQ Summary equals the engine\'s zeroed figures', async () => {
    const team = await supervisor.subscribe({ report: 'teamState' });
    const before = engine.engine.statistics.dayStartsAt;
    const seen = supervisor.resets.length;
    // A day later on the node's clock; the next agent change makes the engine notice the day rolled.
    assert.equal((await lab('/clock', { mode: 'virtual', now: Date.now() + 86_400_000 })).status, 200);
    assert.equal((await setState('NOT_READY', 'agent1', '1001')).type, 'SET_AGENT_STATE_CONF');
    const deadline = Date.now() + 5000;
    while (!supervisor.resets.slice(seen).some((r) => r.subscriptionId === team.subscriptionId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    assert.notEqual(engine.engine.statistics.dayStartsAt, before);
    assert.deepEqual(supervisor.resets.slice(seen).filter((r) => r.subscriptionId === team.subscriptionId), [{ subscriptionId: team.subscriptionId, reason: 'midnight' }]);
    const summary = await supervisor.subscribe({ report: 'voiceCsqSummary' });
    for (const row of summary.rows as Row[]) {
      const figures = engine.engine.statistics.csq(Number(row.key))!;
      assert.deepEqual({ presented: row.today?.presented, abandoned: row.today?.abandoned }, { presented: 0, abandoned: 0 }, row.key);
      assert.deepEqual({ presented: row.today?.presented, abandoned: row.today?.abandoned },
        { presented: figures.today.presented, abandoned: figures.today.abandoned }, row.key);
    }
    await lab('/clock', { mode: 'real' });
  });
});
