import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canChooseState, formatDuration, stateTone, stateWords } from '../../../desktop/container/agent-state.ts';

test('states in words and tones', () => {
  assert.deepEqual(['READY', 'NOT_READY', 'TALKING', 'RESERVED', 'WORK', 'LOGOUT', 'WHATEVER'].map((s) => [stateWords(s), stateTone(s)]), [
    ['Ready', 'ready'], ['Not Ready', 'not-ready'], ['Talking', 'talking'], ['Reserved', 'reserved'],
    ['Wrap-Up', 'work'], ['Signed out', 'signed-out'], ['WHATEVER', 'other'],
  ]);
});

test('durations', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(59_999), '0:59');
  assert.equal(formatDuration(61_000), '1:01');
  assert.equal(formatDuration(3_600_000 + 5_000), '1:00:05');
  assert.equal(formatDuration(-5000), '0:00');
});

test('an agent on a call cannot choose a state', () => {
  assert.equal(canChooseState('READY'), true);
  assert.equal(canChooseState('NOT_READY'), true);
  assert.equal(canChooseState('TALKING'), false);
  assert.equal(canChooseState('RESERVED'), false);
});
