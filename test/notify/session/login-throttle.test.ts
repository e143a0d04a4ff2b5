import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoginThrottle } from '../../../src/notify/session/login-throttle.ts';

test('five failures within five minutes lock the user for five minutes, whatever the case of the id', () => {
  let now = 0;
  const throttle = new LoginThrottle(() => now);
  for (let i = 0; i < 4; i++) { throttle.failed('AMoss'); now += 60_000; }
  assert.equal(throttle.isLocked('amoss'), false);
  throttle.failed('amoss');
  assert.equal(throttle.isLocked('AMOSS'), true);
  assert.equal(throttle.isLocked('jkane'), false);
  now += 300_000;
  assert.equal(throttle.isLocked('amoss'), false);
});

test('failures older than the window do not count; a success clears them', () => {
  let now = 0;
  const throttle = new LoginThrottle(() => now);
  for (let i = 0; i < 4; i++) throttle.failed('amoss');
  now += 300_001;
  throttle.failed('amoss');
  assert.equal(throttle.isLocked('amoss'), false);
  for (let i = 0; i < 3; i++) throttle.failed('amoss');
  throttle.succeeded('amoss');
  throttle.failed('amoss');
  assert.equal(throttle.isLocked('amoss'), false);
});

test('memory is bounded: the user with the oldest failure is forgotten first', () => {
  const throttle = new LoginThrottle(() => 0, { maxFailures: 1, windowMs: 1000, lockMs: 1000, maxUsers: 2 });
  throttle.failed('a');
  throttle.failed('b');
  throttle.failed('c');
  assert.deepEqual(['a', 'b', 'c'].map((u) => throttle.isLocked(u)), [false, true, true]);
});
