// Engine mastership on the real PostgreSQL server (TEST_DATABASE_URL): two engines, one lock. One is master; a
// clean stop hands over at once; a dead link (connections dropped) or a silent partition (connections frozen) makes
// the master step down and the other take over, and over the whole test the two are never master at the same time.
// Each engine reaches the database through its own loopback proxy, so one engine's link can fail alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresMastership, type MastershipRole, type MastershipTimes } from '../../../src/engine/mastership/pg-mastership.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const TIMES: MastershipTimes = { heartbeatMs: 100, stepDownMs: 400, leaseMs: 1000 };
const quiet = { info: () => undefined, warn: () => undefined };

interface Engine { name: string; proxy: TcpProxy; mastership: PostgresMastership }

describe('engine mastership on PostgreSQL', { skip: databaseUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  const lockKey = 0x504f4953 + Math.floor(Math.random() * 1_000_000);   // this test's own cluster
  const engines: Engine[] = [];
  /** Every role change, in order, over the whole test. */
  const changes: Array<{ name: string; role: MastershipRole; at: number }> = [];

  const start = async (name: string): Promise<Engine> => {
    const url = new URL(databaseUrl!);
    const proxy = engines.find((e) => e.name === name)?.proxy
      ?? await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const proxied = new URL(databaseUrl!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const mastership = new PostgresMastership({
      connectionString: proxied.toString(), lockKey, times: TIMES, log: quiet,
      onRole: (role) => changes.push({ name, role, at: performance.now() }),
    });
    const engine = { name, proxy, mastership };
    const at = engines.findIndex((e) => e.name === name);
    if (at >= 0) engines[at] = engine; else engines.push(engine);
    mastership.start();
    return engine;
  };
  const byName = (name: string) => engines.find((e) => e.name === name)!;
  const until = async (what: string, condition: () => boolean, ms = 5000) => {
    const deadline = performance.now() + ms;
    while (!condition()) {
      if (performance.now() > deadline) assert.fail(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const masters = () => engines.filter((e) => e.mastership.role === 'master').map((e) => e.name);

  before(async () => {
    await start('A');
    await until('A is master', () => byName('A').mastership.role === 'master');
    await start('B');
  });
  after(async () => {
    for (const e of engines) { await e.mastership.close(); await e.proxy.close(); }
    // Never two masters: replay the changes and count masters after each.
    const current = new Map<string, MastershipRole>();
    for (const change of changes) {
      current.set(change.name, change.role);
      assert.ok([...current.values()].filter((r) => r === 'master').length <= 1, `two masters at ${change.at.toFixed(0)} ms`);
    }
  });

  test('one master: the other stays standby while the master lives', async () => {
    await new Promise((r) => setTimeout(r, 5 * TIMES.heartbeatMs));
    assert.deepEqual(masters(), ['A']);
  });

  test('a clean stop hands the lock over at once', async () => {
    const stoppedAt = performance.now();
    await byName('A').mastership.close();
    await until('B is master', () => byName('B').mastership.role === 'master');
    assert.ok(performance.now() - stoppedAt < 3 * TIMES.heartbeatMs + 500, 'B took over within a few heartbeats');
    await start('A');
    await new Promise((r) => setTimeout(r, 5 * TIMES.heartbeatMs));
    assert.deepEqual(masters(), ['B'], 'A comes back as standby');
  });

  test('a silent partition: the master steps down before its lease ends, then the other takes over', async () => {
    byName('B').proxy.freeze();
    const frozenAt = performance.now();
    await until('B steps down', () => byName('B').mastership.role === 'standby');
    const steppedDown = performance.now() - frozenAt;
    assert.ok(steppedDown < TIMES.leaseMs, `stepped down after ${steppedDown.toFixed(0)} ms`);
    await until('A is master', () => byName('A').mastership.role === 'master', 10_000);
    const last = (name: string, role: MastershipRole) => [...changes].reverse().find((c) => c.name === name && c.role === role)!;
    assert.ok(last('A', 'master').at > last('B', 'standby').at, 'A became master only after B stepped down');
    byName('B').proxy.thaw();
    await new Promise((r) => setTimeout(r, 5 * TIMES.heartbeatMs));
    assert.deepEqual(masters(), ['A'], 'B, back, stays standby');
  });

  test('a dead link (connections dropped): the master steps down and the other takes over', async () => {
    await byName('A').proxy.cut();
    await until('A steps down', () => byName('A').mastership.role === 'standby', 2000);
    await until('B is master', () => byName('B').mastership.role === 'master', 10_000);
    await byName('A').proxy.restore();
    await new Promise((r) => setTimeout(r, 5 * TIMES.heartbeatMs));
    assert.deepEqual(masters(), ['B']);
  });
});
