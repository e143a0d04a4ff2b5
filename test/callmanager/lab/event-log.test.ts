import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventLog } from '../../../src/callmanager/lab/event-log.ts';

test('since() returns the events after a sequence number, bounded by capacity', () => {
  const log = new EventLog<{ seq: number }>(3);
  for (let seq = 1; seq <= 5; seq++) log.push({ seq });
  assert.deepEqual(log.since(0).map((e) => e.seq), [3, 4, 5]);
  assert.deepEqual(log.since(4).map((e) => e.seq), [5]);
  assert.deepEqual(log.since(5), []);
});

test('a long poll is answered by the next event', async () => {
  const log = new EventLog<{ seq: number }>();
  const waiting = log.wait(0, 10_000);
  log.push({ seq: 1 });
  assert.deepEqual(await waiting, [{ seq: 1 }]);
});

test('a long poll with nothing new answers empty after its wait, or at once when aborted', async () => {
  const log = new EventLog<{ seq: number }>();
  assert.deepEqual(await log.wait(0, 5), []);
  const abort = new AbortController();
  const waiting = log.wait(0, 60_000, abort.signal);
  abort.abort();
  assert.deepEqual(await waiting, []);
});
