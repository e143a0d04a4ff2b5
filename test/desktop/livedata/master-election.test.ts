// The election of the Live Data master over a hub: gadgets loading together, one after the other, and a master
// that meets another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MasterElection, midBefore, type ElectionTimers } from '../../../desktop/livedata/master-election.ts';
import type { HubLike } from '../../../desktop/livedata/hub-protocol.ts';
import { parseRequest } from '../../../desktop/livedata/hub-protocol.ts';

/** A hub that delivers every publish to every subscriber, asynchronously, as the OpenAjax hub does across frames. */
class TestHub {
  readonly #subscribers: Array<{ topic: string; onData: (topic: string, data: unknown) => void }> = [];
  readonly pending: Array<() => void> = [];
  client(): HubLike {
    return {
      subscribe: (topic, onData) => this.#subscribers.push({ topic, onData }),
      publish: (topic, data) => {
        const copy = JSON.parse(JSON.stringify(data)) as unknown;
        for (const s of [...this.#subscribers]) if (s.topic === topic) this.pending.push(() => s.onData(topic, copy));
      },
    };
  }
  flush(): void { while (this.pending.length > 0) this.pending.shift()!(); }
}

/** Timers run only when the test says. */
class ManualTimers implements ElectionTimers {
  readonly due: Array<{ fn: () => void; cancelled: boolean }> = [];
  setTimeout(fn: () => void): unknown { const t = { fn, cancelled: false }; this.due.push(t); return t; }
  clearTimeout(handle: unknown): void { if (handle) (handle as { cancelled: boolean }).cancelled = true; }
  fire(): void { for (const t of this.due.splice(0)) if (!t.cancelled) t.fn(); }
}

function gadget(hub: TestHub, timers: ManualTimers, mid: string) {
  const seen: string[] = [];
  const election = new MasterElection({ hub: hub.client(), mid, timers, onMaster: (m) => seen.push(m) });
  return { election, seen };
}

test('module ids compare as numbers', () => {
  assert.equal(midBefore('2', '10'), true);
  assert.equal(midBefore('10', '2'), false);
  assert.equal(midBefore('a', 'b'), true);
});

test('gadgets loading together elect the lowest module id, and all learn it', () => {
  const hub = new TestHub();
  const timers = new ManualTimers();
  const gadgets = ['7', '3', '12'].map((mid) => gadget(hub, timers, mid));
  for (const g of gadgets) g.election.start();
  hub.flush();
  timers.fire();
  hub.flush();
  timers.fire();
  hub.flush();
  for (const g of gadgets) assert.equal(g.election.master, '3');
  assert.deepEqual(gadgets.map((g) => g.election.isMaster), [false, true, false]);
  assert.deepEqual(gadgets.map((g) => g.seen), [['3'], ['3'], ['3']]);
});

test('a gadget that loads later learns the master from its answer to the hello, even with a lower module id', () => {
  const hub = new TestHub();
  const timers = new ManualTimers();
  const first = gadget(hub, timers, '5');
  first.election.start();
  hub.flush();
  timers.fire();
  hub.flush();
  assert.equal(first.election.isMaster, true);
  const late = gadget(hub, timers, '1');
  late.election.start();
  hub.flush();
  assert.equal(late.election.master, '5');
  timers.fire();
  hub.flush();
  assert.equal(late.election.isMaster, false);
  assert.equal(first.election.isMaster, true);
});

test('a gadget alone becomes master after the wait', () => {
  const hub = new TestHub();
  const timers = new ManualTimers();
  const only = gadget(hub, timers, '4');
  only.election.start();
  hub.flush();
  assert.equal(only.election.master, undefined);
  timers.fire();
  assert.equal(only.election.isMaster, true);
});

test('requests from other gadgets are checked before the master acts on them', () => {
  assert.deepEqual(parseRequest({ type: 'subscribe', from: '3', report: 'teamState', view: 'snapshot' }),
    { type: 'subscribe', from: '3', report: 'teamState', view: 'snapshot' });
  assert.deepEqual(parseRequest({ type: 'unsubscribe', from: '3' }), { type: 'unsubscribe', from: '3' });
  for (const bad of [null, 'x', {}, { type: 'subscribe', from: '3' }, { type: 'subscribe', from: 'a.b', report: 'teamState', view: 'snapshot' },
    { type: 'other', from: '3' }]) {
    assert.equal(parseRequest(bad), undefined, JSON.stringify(bad));
  }
});
