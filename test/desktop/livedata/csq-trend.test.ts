import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsqTrend } from '../../../desktop/livedata/csq-trend.ts';
import { gadgetSettings } from '../../../desktop/livedata/gadget-settings.ts';

const row = (key: string, waiting: number, sl: number | null) => ({ key, callsWaiting: waiting, short: { serviceLevelPct: sl } });

test('the trend keeps one point per 5 s bucket for 30 minutes: total waiting, mean service level', () => {
  const trend = new CsqTrend();
  const t0 = 1_800_000_000_000;
  trend.record([row('1', 2, 80), row('2', 1, null)], t0);
  trend.record([row('1', 3, 90), row('2', 1, 70)], t0 + 1_000);      // same bucket: the latest figures win
  assert.deepEqual(trend.points, [{ at: t0, callsWaiting: 4, serviceLevelPct: 80 }]);
  trend.record([row('1', 0, null)], t0 + 10_000);
  assert.equal(trend.points.length, 2);
  assert.equal(trend.points[1]!.serviceLevelPct, null);
  trend.record([row('1', 1, 100)], t0 + 31 * 60_000);                   // the first two are older than 30 minutes
  assert.deepEqual(trend.points.map((p) => p.callsWaiting), [1]);
  const [x, waiting, level] = trend.series();
  assert.deepEqual([x.length, waiting, level], [1, [1], [100]]);
  trend.record([row('1', 5, 100)], t0);                                 // late figures for an old bucket are dropped
  assert.deepEqual(trend.points.map((p) => p.callsWaiting), [1]);
});

test('gadget settings: the layout URL query wins over prefs; bad values fall back', () => {
  const prefs: Record<string, string> = { report: 'teamSummary', view: 'shortLong' };
  const s = gadgetSettings(new URLSearchParams('report=voiceCsqSummary&gadgetHeight=400&csqIds=1,2'), (n) => prefs[n] ?? '');
  assert.deepEqual(s, { report: 'voiceCsqSummary', view: 'shortLong', display: 'grid', height: 400, filter: { csqIds: ['1', '2'] }, serviceLevelTargetPct: 80 });
  const bad = gadgetSettings(new URLSearchParams('report=nope&view=x&gadgetHeight=5&serviceLevelTarget=300&display=chart'), () => '');
  assert.deepEqual(bad, { report: 'voiceCsqSummary', view: 'snapshot', display: 'chart', height: 310, serviceLevelTargetPct: 80 });
});
