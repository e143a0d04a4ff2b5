import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClientLog } from '../../../desktop/container/client-log-format.ts';

test('one line per message, the gadget named, objects as JSON', () => {
  const text = formatClientLog([
    { topic: 'finesse.clientLogging.CallControl', at: Date.UTC(2026, 0, 2, 3, 4, 5), message: 'answered' },
    { topic: 'finesse.clientLogging.Sample.Sub', at: Date.UTC(2026, 0, 2, 3, 4, 6), message: { a: 1 } },
  ]);
  assert.equal(text, '2026-01-02T03:04:05.000Z [CallControl] answered\n2026-01-02T03:04:06.000Z [Sample.Sub] {"a":1}');
});

test('a log over the ClientLog limit keeps its newest part', () => {
  const big = 'x'.repeat(600_000);
  const text = formatClientLog([
    { topic: 'finesse.clientLogging.A', at: 0, message: big },
    { topic: 'finesse.clientLogging.B', at: 0, message: `${big}END` },
  ]);
  assert.equal(text.length, 1_048_576);
  assert.ok(text.endsWith('END'));
});
