// The columns of each Live Data report (desktop-and-gadgets.md §6.1–6.3): what a cell shows, what it sorts by,
// whether it ticks every second, and its threshold colour. Pure: the grid view renders what this returns.
import { formatDuration, formatPercent, stateWords } from './format.ts';
import { numberOf, textOf, type LiveRow, type ReportId, type ReportView } from './rows.ts';

export type Tone = 'good' | 'warn' | 'bad' | `state-${string}`;

export interface Column {
  id: string;
  label: string;
  /** What the column sorts by; numbers sort numerically, text by locale. */
  sortValue(row: LiveRow, now: number): number | string;
  text(row: LiveRow, now: number): string;
  /** Redrawn every second: durations that run from a start time. */
  ticking?: boolean;
  numeric?: boolean;
  tone?(row: LiveRow, now: number): Tone | undefined;
}

export interface Thresholds {
  /** Service level below this is bad, below target + 10 a warning (UCCX's default target is 80 %). */
  serviceLevelTargetPct: number;
  /** The oldest call waiting this long is a warning, twice as long bad. */
  longestWaitWarnMs: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { serviceLevelTargetPct: 80, longestWaitWarnMs: 30_000 };

const text = (id: string, label: string, path: string): Column => ({
  id, label, sortValue: (r) => textOf(r, path).toLowerCase(), text: (r) => textOf(r, path),
});

const count = (id: string, label: string, path: string, tone?: Column['tone']): Column => ({
  id, label, numeric: true, sortValue: (r) => numberOf(r, path) ?? -1,
  text: (r) => { const n = numberOf(r, path); return n === undefined ? '–' : String(n); },
  ...(tone ? { tone } : {}),
});

const duration = (id: string, label: string, path: string): Column => ({
  id, label, numeric: true, sortValue: (r) => numberOf(r, path) ?? -1, text: (r) => formatDuration(numberOf(r, path)),
});

/** A running duration sent as its start time: now − start, ticking. */
const since = (id: string, label: string, path: string, tone?: Column['tone']): Column => {
  const elapsed = (r: LiveRow, now: number) => { const t = numberOf(r, path); return t === undefined ? undefined : Math.max(0, now - t); };
  return {
    id, label, numeric: true, ticking: true, sortValue: (r, now) => elapsed(r, now) ?? -1,
    text: (r, now) => formatDuration(elapsed(r, now)), ...(tone ? { tone: (r, now) => tone(r, now) } : {}),
  };
};

const stateColumn: Column = {
  id: 'state', label: 'State', sortValue: (r) => textOf(r, 'state'), text: (r) => stateWords(textOf(r, 'state')),
  tone: (r) => `state-${textOf(r, 'state').toLowerCase()}`,
};

const reasonColumn: Column = {
  id: 'reason', label: 'Reason', sortValue: (r) => textOf(r, 'reasonLabel') || textOf(r, 'reasonCode'),
  text: (r) => textOf(r, 'reasonLabel') || textOf(r, 'reasonCode'),
};

function serviceLevel(id: string, label: string, path: string, t: Thresholds): Column {
  return {
    id, label, numeric: true, sortValue: (r) => numberOf(r, path) ?? -1, text: (r) => formatPercent(numberOf(r, path)),
    tone: (r) => {
      const pct = numberOf(r, path);
      if (pct === undefined) return undefined;
      return pct < t.serviceLevelTargetPct ? 'bad' : pct < t.serviceLevelTargetPct + 10 ? 'warn' : 'good';
    },
  };
}

function csqColumns(view: ReportView, t: Thresholds): Column[] {
  const waitTone = (r: LiveRow, now: number): Tone | undefined => {
    const at = numberOf(r, 'oldestQueuedAt');
    if (at === undefined) return undefined;
    const waited = now - at;
    return waited >= 2 * t.longestWaitWarnMs ? 'bad' : waited >= t.longestWaitWarnMs ? 'warn' : undefined;
  };
  const head = [
    text('csq', 'CSQ', 'csqName'),
    count('waiting', 'Calls waiting', 'callsWaiting', (r) => ((numberOf(r, 'callsWaiting') ?? 0) > 0 ? 'warn' : undefined)),
    since('longest', 'Longest in queue', 'oldestQueuedAt', waitTone),
  ];
  switch (view) {
    case 'snapshot': return [...head,
      count('loggedIn', 'Logged in', 'agents.loggedIn'), count('ready', 'Ready', 'agents.ready'),
      count('talking', 'Talking', 'agents.talking'), count('notReady', 'Not Ready', 'agents.notReady'),
      count('work', 'Work', 'agents.work'), count('reserved', 'Reserved', 'agents.reserved'),
      count('handled', 'Handled today', 'today.handled'), count('abandoned', 'Abandoned today', 'today.abandoned'),
      serviceLevel('serviceLevel', 'Service level (short)', 'short.serviceLevelPct', t)];
    case 'shortLong': return [...head,
      count('abandonedShort', 'Abandoned (short)', 'short.abandoned'), count('abandonedLong', 'Abandoned (long)', 'long.abandoned'),
      count('dequeuedShort', 'Dequeued (short)', 'short.dequeued'),
      duration('avgHandleShort', 'Avg handle (short)', 'short.avgHandleMs'), duration('avgWaitShort', 'Avg wait (short)', 'short.avgWaitMs'),
      serviceLevel('serviceLevelShort', 'Service level (short)', 'short.serviceLevelPct', t),
      serviceLevel('serviceLevelLong', 'Service level (long)', 'long.serviceLevelPct', t)];
    case 'sinceMidnight': return [...head,
      count('presented', 'Presented', 'today.presented'), count('handled', 'Handled', 'today.handled'),
      count('abandoned', 'Abandoned', 'today.abandoned'), duration('longestWait', 'Longest wait', 'today.longestWaitMs'),
      duration('longestHandle', 'Longest handle', 'today.longestHandleMs')];
  }
}

/** The columns of a report in a view; the first column is the row's name. */
export function columnsOf(report: ReportId, view: ReportView, t: Thresholds = DEFAULT_THRESHOLDS): Column[] {
  switch (report) {
    case 'teamState':
      return [text('agent', 'Agent', 'agentName'), stateColumn, reasonColumn, since('inState', 'Time in state', 'stateSince'),
        duration('loggedIn', 'Logged in today', 'loginSinceMidnightMs')];
    case 'voiceCsqAgentDetail':
      return [text('csq', 'CSQ', 'csqName'), text('agent', 'Agent', 'agentName'), stateColumn, reasonColumn,
        since('inState', 'Time in state', 'stateSince')];
    case 'agentStatistics':
      return [text('agent', 'Agent', 'agentName'), count('offered', 'Offered', 'callsOffered'), count('handled', 'Handled', 'callsHandled'),
        duration('avgRing', 'Avg ring', 'avgRingMs'), duration('avgTalk', 'Avg talk', 'talk.avgMs'), duration('avgHold', 'Avg hold', 'hold.avgMs'),
        duration('ready', 'Ready', 'ready.totalMs'), duration('notReady', 'Not Ready', 'notReady.totalMs'),
        duration('avgWork', 'Avg work', 'afterCallWork.avgMs')];
    case 'voiceCsqSummary': case 'agentCsqStatistics':
      return csqColumns(view, t);
    case 'teamSummary': case 'agentTeamSummary':
      return [text('team', 'Team', 'teamName'), count('loggedIn', 'Logged in', 'agents.loggedIn'), count('ready', 'Ready', 'agents.ready'),
        count('talking', 'Talking', 'agents.talking'), count('notReady', 'Not Ready', 'agents.notReady'), count('work', 'Work', 'agents.work'),
        count('reserved', 'Reserved', 'agents.reserved'), count('offered', 'Offered', 'callsOffered'), count('handled', 'Handled', 'callsHandled')];
    case 'recentStateHistory': {
      const start: Column = {
        id: 'start', label: 'Start', numeric: true, sortValue: (r) => numberOf(r, 'start') ?? 0,
        text: (r) => { const at = numberOf(r, 'start'); return at === undefined ? '–' : new Date(at).toLocaleTimeString(); },
      };
      const length: Column = {
        id: 'duration', label: 'Duration', numeric: true, ticking: true,
        sortValue: (r, now) => numberOf(r, 'durationMs') ?? now - (numberOf(r, 'start') ?? now),
        text: (r, now) => formatDuration(numberOf(r, 'durationMs') ?? now - (numberOf(r, 'start') ?? now)),
      };
      return [text('agent', 'Agent', 'agentId'), start, stateColumn, reasonColumn, length];
    }
    case 'recentCallHistory':
      return [text('agent', 'Agent', 'agentId'), text('number', 'Number', 'number'), text('callType', 'Type', 'callType'),
        text('queue', 'Queue', 'queue'), duration('duration', 'Duration', 'durationMs')];
  }
}

export const REPORT_TITLES: Record<ReportId, string> = {
  agentCsqStatistics: 'Agent CSQ Statistics', agentStatistics: 'Agent Statistics', agentTeamSummary: 'Agent Team Summary',
  recentStateHistory: 'Recent State History', recentCallHistory: 'Recent Call History', teamState: 'Team State',
  teamSummary: 'Team Summary', voiceCsqAgentDetail: 'Voice CSQ Agent Detail', voiceCsqSummary: 'Voice CSQ Summary',
};
