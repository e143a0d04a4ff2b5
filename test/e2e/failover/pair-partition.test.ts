// A partition between the two nodes of a pair, with both still reaching the database: every link from one node to
// the other (the standby's replication stream, each web service's CTI session to the peer's engine) runs through a
// proxy the test cuts. The lease stays where it is, so there is never a second master (checked over the whole
// test from both nodes' logged role changes), and SystemInfo stays consistent: the master's node IN_SERVICE, the
// cut-off node OUT_OF_SERVICE (its web reaches no master), and both IN_SERVICE again once the links return.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PairPlan, ProcessPlan } from '../../../src/cluster/pair-layout.ts';
import { skipPair, startPair, type PairFixture } from '../../support/pair.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { systemStatus, until } from './pair-rest.ts';

describe('a partition between the nodes never makes two masters', { skip: skipPair, timeout: 120_000 }, () => {
  let fx: PairFixture;
  const proxies: TcpProxy[] = [];

  /** The node's links to its peer (at peerHost) go through proxies instead. */
  const throughProxies = async (node: ProcessPlan, peerHost: string, plan: PairPlan): Promise<ProcessPlan> => {
    const replication = await startTcpProxy({ host: peerHost, port: plan.nodePorts.replication });
    const cti = await startTcpProxy({ host: peerHost, port: plan.nodePorts.cti });
    proxies.push(replication, cti);
    return {
      ...node,
      flags: { ...node.flags, 'peer-replication-port': replication.port, 'web-cti-engines': `local,127.0.0.1:${cti.port}` },
    };
  };

  before(async () => {
    fx = await startPair({
      adjust: async (plan) => ({
        ...plan, a: await throughProxies(plan.a, plan.b.host, plan), b: await throughProxies(plan.b, plan.a.host, plan),
      }),
    });
    await until('node A\'s engine is master', () => fx.master() === 'A', 20_000);
    await until('both nodes are IN_SERVICE', async () =>
      await systemStatus(fx.webUrl('A')) === 'IN_SERVICE' && await systemStatus(fx.webUrl('B')) === 'IN_SERVICE');
  });
  after(async () => {
    const masters = fx?.roleChanges.filter((c) => c.role === 'master') ?? [];
    await fx?.close();
    for (const proxy of proxies) await proxy.close();
    // Only node A was ever master: no death here, so a second master would have to be B.
    assert.deepEqual([...new Set(masters.map((c) => c.node))], ['A']);
  });

  test('cut: A stays master and IN_SERVICE; B, reaching no master, says OUT_OF_SERVICE', async () => {
    for (const proxy of proxies) await proxy.cut();
    await until('B is OUT_OF_SERVICE', async () => await systemStatus(fx.webUrl('B')) === 'OUT_OF_SERVICE');
    // Longer than the lease: had B's engine been able to take the lock, it would have by now.
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      assert.equal(fx.master(), 'A');
      assert.equal(await systemStatus(fx.webUrl('A')), 'IN_SERVICE');
      assert.notEqual(await systemStatus(fx.webUrl('B')), 'IN_SERVICE');
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  test('restored: both nodes IN_SERVICE again, A still master', async () => {
    for (const proxy of proxies) await proxy.restore();
    await until('B is IN_SERVICE again', async () => await systemStatus(fx.webUrl('B')) === 'IN_SERVICE', 30_000);
    assert.equal(fx.master(), 'A');
    assert.equal(await systemStatus(fx.webUrl('A')), 'IN_SERVICE');
  });
});
