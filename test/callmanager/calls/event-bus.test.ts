import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallEventBus } from '../../../src/callmanager/calls/event-bus.ts';
import type { CallEvent } from '../../../src/callmanager/calls/types.ts';

const event = (seq: number): CallEvent => ({
  seq, at: 0, type: 'CallActiveEv', callId: 'c-1', state: 'ACTIVE', cause: 'NEW_CALL', calling: 'a', called: 'b',
  lastRedirected: null,
});

test('flush delivers in order, including events queued by a listener while delivering', () => {
  const bus = new CallEventBus(() => 0);
  const seen: number[] = [];
  bus.subscribe((e) => {
    seen.push(e.seq);
    if (e.seq === 1) { bus.enqueue(event(3)); bus.flush(); } // a re-entrant flush does not deliver out of order
  });
  bus.enqueue(event(1));
  bus.enqueue(event(2));
  bus.flush();
  assert.deepEqual(seen, [1, 2, 3]);
  bus.flush();
  assert.deepEqual(seen, [1, 2, 3]);
});

test('a listener removed while delivering gets no later events; one added gets the next', () => {
  const bus = new CallEventBus(() => 0);
  const a: number[] = [];
  const b: number[] = [];
  const stopA = bus.subscribe((e) => { a.push(e.seq); stopA(); bus.subscribe((f) => b.push(f.seq)); });
  bus.enqueue(event(1));
  bus.enqueue(event(2));
  bus.flush();
  assert.deepEqual(a, [1]);
  assert.deepEqual(b, [2]);
  assert.equal(bus.wanted, true);
});
