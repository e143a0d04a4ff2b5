// The client drift (client minus server time) behind Utilities.currentServerTimeMillis (desktop-and-gadgets.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driftOf, ServerClock, serverTimeOf } from '../../../../desktop/finesse/utilities/server-clock.ts';

test('the drift is taken at the middle of the round trip; a Date header at the middle of its second', () => {
  assert.deepEqual(driftOf({ serverMs: 10_000, sentAt: 12_000, receivedAt: 12_100, resolutionMs: 0 }), { driftMs: 2_050, uncertaintyMs: 50 });
  assert.deepEqual(driftOf({ serverMs: 10_000, sentAt: 9_000, receivedAt: 9_100, resolutionMs: 1000 }), { driftMs: -1_450, uncertaintyMs: 550 });
  // A clock that went backwards during the request counts as no round trip.
  assert.deepEqual(driftOf({ serverMs: 10_000, sentAt: 10_100, receivedAt: 10_000, resolutionMs: 0 }), { driftMs: 100, uncertaintyMs: 0 });
});

test('the clock keeps the most precise sample and ignores broken ones', () => {
  const clock = new ServerClock();
  assert.equal(clock.measuredDriftMs(), undefined);
  clock.observe({ serverMs: 10_000, sentAt: 10_000, receivedAt: 10_000, resolutionMs: 1000 });
  assert.equal(clock.measuredDriftMs(), -500);
  clock.observe({ serverMs: 10_000, sentAt: 11_000, receivedAt: 11_200, resolutionMs: 0 });
  assert.equal(clock.measuredDriftMs(), 1_100, 'a ms timestamp with a 200 ms round trip beats a whole second');
  clock.observe({ serverMs: 10_000, sentAt: 15_000, receivedAt: 17_000, resolutionMs: 0 });
  assert.equal(clock.measuredDriftMs(), 1_100, 'a slower round trip is less precise');
  clock.observe({ serverMs: Number.NaN, sentAt: 0, receivedAt: 0, resolutionMs: 0 });
  assert.equal(clock.measuredDriftMs(), 1_100);
  clock.forget();
  assert.equal(clock.measuredDriftMs(), undefined);
});

test('server time of an answer: SystemInfo currentTimestamp first, else the Date header', () => {
  assert.deepEqual(serverTimeOf('2026-12-06T16:00:00.250Z', 'Sun, 06 Dec 2026 16:00:09 GMT'),
    { serverMs: Date.parse('2026-12-06T16:00:00.250Z'), resolutionMs: 0 });
  assert.deepEqual(serverTimeOf(undefined, 'Sun, 06 Dec 2026 16:00:09 GMT'), { serverMs: Date.parse('2026-12-06T16:00:09Z'), resolutionMs: 1000 });
  assert.deepEqual(serverTimeOf('', 'garbage'), undefined);
});
