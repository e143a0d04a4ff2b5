import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsOf, DEFAULT_THRESHOLDS } from '../../../desktop/livedata/columns.ts';
import { formatDuration, formatPercent } from '../../../desktop/livedata/format.ts';
import { GridModel } from '../../../desktop/livedata/grid-model.ts';
import type { LiveRow } from '../../../desktop/livedata/rows.ts';

const NOW = 1_800_000_000_000;

test('durations read as m:ss under an hour and h:mm:ss above; missing figures as a dash', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(65_400), '1:05');
  assert.equal(formatDuration(3_723_000), '1:02:03');
  assert.equal(formatDuration(-5), '0:00');
  assert.equal(formatDuration(null), '–');
  assert.equal(formatPercent(79.6), '80 %');
  assert.equal(formatPercent(null), '–');
});

const csq = (key: string, waiting: number, oldest: number | null, sl: number | null): LiveRow => ({
  key, csqId: key, csqName: `CSQ ${key}`, callsWaiting: waiting, oldestQueuedAt: oldest,
  agents: { loggedIn: 5, talking: 2, ready: 1, notReady: 1, work: 1, reserved: 0 },
  short: { abandoned: 0, dequeued: 0, avgHandleMs: 0, avgWaitMs: 0, serviceLevelPct: sl },
  today: { abandoned: 1, handled: 9, presented: 10, longestWaitMs: 0, longestHandleMs: 0 },
});

test('CSQ Summary: the longest call in queue ticks from its start; thresholds colour waiting and service level', () => {
  const columns = columnsOf('voiceCsqSummary', 'snapshot');
  const by = (id: string) => columns.find((c) => c.id === id)!;
  const row = csq('1', 2, NOW - 61_000, 75);
  assert.equal(by('longest').text(row, NOW), '1:01');
  assert.equal(by('longest').ticking, true);
  assert.equal(by('longest').tone?.(row, NOW), 'bad');               // twice the 30 s warning
  assert.equal(by('longest').tone?.(csq('1', 1, NOW - 31_000, 90), NOW), 'warn');
  assert.equal(by('longest').text(csq('1', 0, null, 90), NOW), '–');
  assert.equal(by('waiting').tone?.(row, NOW), 'warn');
  assert.equal(by('serviceLevel').tone?.(row, NOW), 'bad');          // under the 80 % target
  assert.equal(by('serviceLevel').tone?.(csq('1', 0, null, 85), NOW), 'warn');
  assert.equal(by('serviceLevel').tone?.(csq('1', 0, null, 95), NOW), 'good');
  assert.equal(by('serviceLevel').text(row, NOW), '75 %');
  assert.equal(by('ready').text(row, NOW), '1');
  assert.equal(columnsOf('voiceCsqSummary', 'snapshot', { ...DEFAULT_THRESHOLDS, serviceLevelTargetPct: 70 })
    .find((c) => c.id === 'serviceLevel')!.tone?.(row, NOW), 'warn');
});

test('every report in every view has a name column first and reads rows with fields missing without throwing', () => {
  for (const report of ['agentCsqStatistics', 'agentStatistics', 'agentTeamSummary', 'recentStateHistory', 'recentCallHistory',
    'teamState', 'teamSummary', 'voiceCsqAgentDetail', 'voiceCsqSummary'] as const) {
    for (const view of ['snapshot', 'shortLong', 'sinceMidnight'] as const) {
      const columns = columnsOf(report, view);
      assert.ok(columns.length >= 3, report);
      for (const column of columns) {
        assert.equal(typeof column.text({ key: 'k' }, NOW), 'string');
        assert.ok(['number', 'string'].includes(typeof column.sortValue({ key: 'k', state: 7, agents: 'x' }, NOW)));
      }
    }
  }
});

test('Team State: agent state coloured, time in state ticking', () => {
  const columns = columnsOf('teamState', 'snapshot');
  const row: LiveRow = { key: 'agent1', agentId: 'agent1', agentName: 'Ada', teamId: '1', state: 'NOT_READY', stateSince: NOW - 5_000, reasonCode: 11, reasonLabel: 'Lunch', loginSinceMidnightMs: 0 };
  assert.equal(columns.find((c) => c.id === 'state')!.text(row, NOW), 'Not Ready');
  assert.equal(columns.find((c) => c.id === 'state')!.tone?.(row, NOW), 'state-not_ready');
  assert.equal(columns.find((c) => c.id === 'reason')!.text(row, NOW), 'Lunch');
  assert.equal(columns.find((c) => c.id === 'inState')!.text(row, NOW), '0:05');
});

test('the grid sorts by a column, reverses on a second click, and applies upserts and removals', () => {
  const model = new GridModel(columnsOf('voiceCsqSummary', 'snapshot'));
  model.replaceAll([csq('a', 3, null, 90), csq('b', 1, null, 70), csq('c', 2, null, null)]);
  assert.deepEqual(model.sorted(NOW).map((r) => r.key), ['a', 'b', 'c']);
  model.sortBy('waiting');
  assert.deepEqual(model.sorted(NOW).map((r) => r.key), ['b', 'c', 'a']);
  model.sortBy('waiting');
  assert.deepEqual(model.sorted(NOW).map((r) => r.key), ['a', 'c', 'b']);
  model.apply([csq('b', 9, null, 70), csq('d', 0, null, null)], ['a']);
  assert.deepEqual(model.sorted(NOW).map((r) => r.key), ['b', 'c', 'd']);
  model.sortBy('serviceLevel');                       // missing service level sorts first ascending
  assert.deepEqual(model.sorted(NOW).map((r) => r.key), ['c', 'd', 'b']);
});
