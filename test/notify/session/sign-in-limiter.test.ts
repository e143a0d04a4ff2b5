import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignInLimiter } from '../../../src/notify/session/sign-in-limiter.ts';

test('never more than the limit in flight; queued tasks run in order; a failure frees its slot', async () => {
  const limiter = new SignInLimiter(2);
  let inFlight = 0;
  let most = 0;
  const order: number[] = [];
  const gates = Array.from({ length: 6 }, () => {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => { resolve = r; });
    return { promise, resolve };
  });
  const runs = gates.map((gate, i) => limiter.run(async () => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    order.push(i);
    await gate.promise;
    inFlight -= 1;
    if (i === 1) throw new Error('directory down');
    return i;
  }));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual([limiter.active, limiter.queued], [2, 4]);
  for (const gate of gates) gate.resolve();
  const settled = await Promise.allSettled(runs);
  assert.equal(most, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
  assert.equal(settled[1]?.status, 'rejected');
  assert.deepEqual(settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<number>).value), [0, 2, 3, 4, 5]);
  assert.deepEqual([limiter.active, limiter.queued], [0, 0]);
});

test('a limit below one is refused', () => {
  assert.throws(() => new SignInLimiter(0), RangeError);
});
