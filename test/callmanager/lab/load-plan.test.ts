import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoadPlan, LoadSpec, type PlannedCall } from '../../../src/callmanager/lab/load-plan.ts';
import { fnv1a32, mulberry32 } from '../../../src/callmanager/lab/random-streams.ts';

const spec = LoadSpec.parse({
  seed: 42, callsPerSecond: 5, totalCalls: 200,
  routePoints: [{ dn: '7001', weight: 3 }, { dn: '7002', weight: 1 }],
  callVariables: { callVariable1: 'acct-${n}' }, abandonProbability: 0.2, ahtDistribution: 'lognormal',
});

const drain = (plan: LoadPlan): PlannedCall[] => {
  const calls: PlannedCall[] = [];
  for (let c = plan.next(); c; c = plan.next()) calls.push(c);
  return calls;
};

test('FNV-1a-32 and mulberry32 match their reference values', () => {
  assert.equal(fnv1a32(''), 0x811c9dc5);
  assert.equal(fnv1a32('a'), 0xe40c292c);
  assert.equal(fnv1a32('foobar'), 0xbf9cf968);
  // The generator as its author published it, in its terse original form, for comparison.
  const reference = (a: number) => () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (const seed of [0, 1, 42, 0xffffffff]) {
    const ours = mulberry32(seed);
    const theirs = reference(seed | 0);
    for (let i = 0; i < 5; i++) assert.equal(ours(), theirs(), `seed ${seed} draw ${i}`);
  }
});

test('the same seed gives the same call sequence twice', () => {
  const first = drain(new LoadPlan(spec));
  const second = drain(new LoadPlan(spec));
  assert.equal(first.length, 200);
  assert.deepEqual(first, second);
});

test('a different seed gives a different sequence', () => {
  assert.notDeepEqual(drain(new LoadPlan({ ...spec, seed: 43 })), drain(new LoadPlan(spec)));
});

test('the plan honours rates, weights, templates and the stop conditions', () => {
  const calls = drain(new LoadPlan(spec));
  assert.ok(calls.every((c, i) => i === 0 || c.atMs >= calls[i - 1]!.atMs), 'arrivals in time order');
  const meanGapSec = calls.at(-1)!.atMs / 1000 / calls.length;
  assert.ok(meanGapSec > 0.12 && meanGapSec < 0.3, `mean gap ${meanGapSec}s for λ = 5/s`);
  const share7001 = calls.filter((c) => c.to === '7001').length / calls.length;
  assert.ok(share7001 > 0.6 && share7001 < 0.9, `7001 share ${share7001}`);
  assert.equal(calls[6]!.callVariables.callVariable1, 'acct-7');
  assert.ok(calls.every((c) => /^\+1408555\d{4}$/.test(c.from)));
  const impatient = calls.filter((c) => c.patienceMs !== undefined).length / calls.length;
  assert.ok(impatient > 0.1 && impatient < 0.3, `impatient share ${impatient}`);
  const timed = drain(new LoadPlan(LoadSpec.parse({ ...spec, totalCalls: undefined, durationSec: 10 })));
  assert.ok(timed.every((c) => c.atMs <= 10_000));
});

test('a spec without a stop condition is refused', () => {
  assert.equal(LoadSpec.safeParse({ seed: 1, callsPerSecond: 1, routePoints: [{ dn: '7001' }] }).success, false);
});
