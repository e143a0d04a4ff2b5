// When the desktop counts its node as lost: the connection down AND SystemInfo bad for the set time; `failing` once,
// `recovered` when the connection comes back after that; nothing while only one of the two is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OnData, PageHub } from '../../../desktop/container/hub-types.ts';
import { watchNode, type NodeWatch } from '../../../desktop/container/node-watch.ts';
import type { NodeHealth } from '../../../desktop/container/failover.ts';

const TOPIC = 'finesse.info.connection';

function fakeHub(): PageHub & { subscribers: Map<string, [string, OnData]> } {
  const subscribers = new Map<string, [string, OnData]>();
  let next = 0;
  return {
    subscribers,
    subscribe(topic, onData) { const id = `s${++next}`; subscribers.set(id, [topic, onData]); return id; },
    publish(topic, data) { for (const [t, onData] of [...subscribers.values()]) if (t === topic) onData(topic, data); },
    unsubscribe(id) { subscribers.delete(id); },
  };
}

interface Rig { hub: ReturnType<typeof fakeHub>; watch: NodeWatch; modes: boolean[]; lost: number; recovered: number; checks: number;
  health: NodeHealth; status(status: string): void }

function rig(): Rig {
  const hub = fakeHub();
  const r = { hub, modes: [] as boolean[], lost: 0, recovered: 0, checks: 0, health: 'in-service' as NodeHealth } as Rig;
  r.status = (status) => hub.publish(TOPIC, { status, resourceID: 'desktop-1' });
  r.watch = watchNode({
    hub,
    checkOwnNode: async () => { r.checks++; return r.health; },
    setFailoverMode: (failing) => { r.modes.push(failing); hub.publish(TOPIC, { status: failing ? 'failing' : 'recovered' }); },
    onLost: () => { r.lost++; },
    onRecovered: () => { r.recovered++; },
    checkEveryMs: 5, lostAfterMs: 30,
  });
  return r;
}

const until = async (condition: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

test('connection down and SystemInfo unreachable: failing once, then recovered when the connection is back', async () => {
  const r = rig();
  r.status('connected');
  r.health = 'unreachable';
  r.status('reconnecting');
  r.status('disconnected');
  await until(() => r.lost === 1, 'the node counted as lost');
  assert.deepEqual(r.modes, [true]);
  r.status('reconnecting'); // more of the same changes nothing
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(r.lost, 1);
  r.health = 'in-service';
  r.status('connected');
  assert.deepEqual(r.modes, [true, false]);
  assert.equal(r.recovered, 1);
  const checks = r.checks;
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(r.checks, checks, 'no checks while connected');
  r.watch.stop();
  assert.equal(r.hub.subscribers.size, 0);
});

test('OUT_OF_SERVICE counts like unreachable', async () => {
  const r = rig();
  r.status('connected');
  r.health = 'out-of-service';
  r.status('reconnecting');
  await until(() => r.lost === 1, 'the node counted as lost');
  r.watch.stop();
});

test('connection down but the node in service: no failover, only checks', async () => {
  const r = rig();
  r.status('connected');
  r.status('reconnecting');
  await until(() => r.checks >= 10, 'ten checks');
  assert.deepEqual(r.modes, []);
  assert.equal(r.lost, 0);
  r.status('connected'); // back before it counted as lost: no `recovered`, since there was no `failing`
  assert.deepEqual(r.modes, []);
  r.watch.stop();
});

test('a brief SystemInfo failure is forgiven once it answers again', async () => {
  const r = rig();
  r.status('connected');
  r.health = 'unreachable';
  r.status('reconnecting');
  await until(() => r.checks >= 2, 'two checks');
  r.health = 'in-service';
  await until(() => r.checks >= 12, 'more checks');
  assert.equal(r.lost, 0);
  r.watch.stop();
});

test('the connection up with SystemInfo down is not a loss (the web service alone is away)', async () => {
  const r = rig();
  r.health = 'unreachable';
  r.status('connected');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(r.checks, 0);
  assert.equal(r.lost, 0);
  r.watch.stop();
});
