// Live Data on a real broker (RabbitMQ when TEST_AMQP_URL is set, Redis when TEST_REDIS_URL is set): the broker
// goes away mid-stream (a loopback proxy between Live Data and the broker is cut), clients are told "degraded";
// when it returns they are told "live" and get a fresh snapshot with what changed meanwhile.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isLivedataService } from '../../src/livedata/index.ts';
import { openBroker } from '../../src/livedata/broker/open-broker.ts';
import { startTestNode } from '../support/test-node.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { brokersUnderTest } from '../support/livedata-brokers.ts';
import { agentRecord, connectLivedata, csqRecord, FakeStatisticsSource } from '../support/livedata.ts';

const quiet = { warn: () => undefined, info: () => undefined };
const brokers = brokersUnderTest().filter((b) => b.kind !== 'memory')
  .map((b) => ({ ...b, defaultPort: b.kind === 'redis' ? 6379 : 5672 }));

const until = async (check: () => boolean, what: string, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

for (const broker of brokers) {
  describe(`Live Data through ${broker.name}`, () => {
    test('broker lost: degraded; broker back: live with a fresh snapshot', async () => {
      const target = new URL(broker.url);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || broker.defaultPort) });
      const viaProxy = new URL(broker.url); viaProxy.port = String(proxy.port);
      const node = await startTestNode({ POISE_ONLY: 'callmanager,livedata', POISE_STATISTICS_BROKER_URL: viaProxy.toString() });
      const engineSide = await openBroker(broker.url, quiet);
      after(async () => { await node.close(); await engineSide.close(); await proxy.close(); });
      const livedata = node.node.services.find((s) => s.name === 'livedata');
      assert.ok(isLivedataService(livedata));
      assert.equal(livedata.broker.kind, broker.name === 'Redis' ? 'redis' : 'amqp');

      // A team of its own per run besides the exchange of its own, so nothing else can disturb the assertions.
      const team = `T${process.pid}${Date.now().toString(36)}`;
      const source = new FakeStatisticsSource(engineSide);
      await source.start();
      source.teams.set(team, { teamId: team, teamName: 'Lab', supervisorIds: ['supervisor1'] });
      source.agents.set('agent1', agentRecord('agent1', team, ['10'], { state: 'READY' }));
      source.csqs.set('10', csqRecord('10'));
      source.publishAll();
      await until(() => livedata.server.state === 'live', 'live');

      const client = await connectLivedata(livedata.port, 'supervisor1');
      after(() => client.close());
      const sub = await client.subscribe({ report: 'teamState', filter: { teamIds: [team] } });
      assert.deepEqual((sub.rows as { agentId: string; state: string }[]).map((r) => [r.agentId, r.state]), [['agent1', 'READY']]);

      await proxy.cut();
      await until(() => client.statuses.some((s) => s.state === 'degraded'), 'degraded status');
      // The engine's view moves on while Live Data cannot hear it.
      source.setAgent(agentRecord('agent1', team, ['10'], { state: 'TALKING', stateSince: Date.now() }));
      await proxy.restore();
      await until(() => client.statuses.at(-1)?.state === 'live', 'live status again');
      const fresh = await client.nextRows((r) => r.subscriptionId === sub.subscriptionId
        && r.upsert.some((row) => row.key === 'agent1' && (row as unknown as { state: string }).state === 'TALKING'));
      assert.ok(fresh);
      assert.ok(source.resyncs >= 1, 'Live Data asked for a resync when the broker came back');
    });
  });
}
