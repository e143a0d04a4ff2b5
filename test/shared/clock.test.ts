import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SwitchableClock, VirtualClock } from '../../src/shared/clock.ts';

test('virtual timers fire in due order, ties in creation order, including ones scheduled while advancing', () => {
  const clock = new VirtualClock(1000);
  const fired: string[] = [];
  clock.setTimeout(() => fired.push('b@300'), 300);
  clock.setTimeout(() => fired.push('a@100'), 100);
  clock.setTimeout(() => {
    fired.push('c@100');
    clock.setTimeout(() => fired.push('d@150'), 50);
  }, 100);
  const cancelled = clock.setTimeout(() => fired.push('never'), 200);
  clock.clearTimeout(cancelled);
  assert.equal(clock.advance(250), 3);
  assert.deepEqual(fired, ['a@100', 'c@100', 'd@150']);
  assert.equal(clock.now(), 1250);
  clock.advance(50);
  assert.deepEqual(fired, ['a@100', 'c@100', 'd@150', 'b@300']);
  assert.equal(clock.pending, 0);
});

test('a switchable clock cancels a timer on the clock that made it', async () => {
  const clock = new SwitchableClock();
  let realFired = false;
  const real = clock.setTimeout(() => { realFired = true; }, 5);
  const virtual = clock.useVirtual(0);
  let virtualFired = 0;
  clock.setTimeout(() => { virtualFired++; }, 10);
  clock.clearTimeout(real);
  virtual.advance(10);
  assert.equal(virtualFired, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(realFired, false);
  clock.useReal();
  assert.equal(clock.mode, 'real');
  clock.close();
});
