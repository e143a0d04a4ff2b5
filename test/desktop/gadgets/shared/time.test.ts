import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseTime } from '../../../../desktop/gadgets/shared/time.ts';

test('durations: m:ss, then h:mm:ss; never negative', () => {
  assert.deepEqual([0, 999, 5_000, 65_000, 3_599_000, 3_600_000, 36_061_000, -4_000].map(formatDuration),
    ['0:00', '0:00', '0:05', '1:05', '59:59', '1:00:00', '10:01:01', '0:00']);
});

test('times: ISO text to epoch ms; empty or bad text is undefined', () => {
  assert.equal(parseTime('2026-12-06T16:00:00.000Z'), Date.UTC(2026, 11, 6, 16));
  assert.equal(parseTime(''), undefined);
  assert.equal(parseTime('soon'), undefined);
});
