// Which rows each report has and how a record becomes a row (desktop-and-gadgets.md §6.2). Pure over the view.
import type { AgentRecord, CsqRecord } from '../broker/messages.ts';
import type { CsqWindows } from '../model/csq-windows.ts';
import type { StatisticsView, ViewChange } from '../model/statistics-view.ts';
import type { StateHistory } from '../model/state-history.ts';
import type { Agg, AgentRow, AgentStatsRow, CsqRow, Row, TeamSummaryRow } from './rows.ts';
import type { Scope } from './scope.ts';

export const REPORT_IDS = [
  'agentCsqStatistics', 'agentStatistics', 'agentTeamSummary', 'recentStateHistory', 'recentCallHistory',
  'teamState', 'teamSummary', 'voiceCsqAgentDetail', 'voiceCsqSummary',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];
export type ReportView = 'snapshot' | 'shortLong' | 'sinceMidnight';

export interface ReportContext {
  view: StatisticsView;
  windows: CsqWindows;
  history: StateHistory;
  now: () => number;
  midnight: () => number;
  reasonLabel: (code: number) => string | undefined;
}

export interface RowDelta { upsert: Row[]; remove: string[] }

/** The report's whole content for a scope. */
export function snapshotRows(report: ReportId, mode: ReportView, scope: Scope, c: ReportContext): Row[] {
  switch (report) {
    case 'teamState':
      return [...c.view.agents.values()].filter(scope.agent).map((a) => agentRow(a, c));
    case 'agentStatistics':
      return [...c.view.agents.values()].filter(scope.agent).map((a) => agentStatsRow(a, c));
    case 'voiceCsqAgentDetail':
      return [...c.view.agents.values()].filter(scope.agent).flatMap((a) => csqAgentRows(a, scope, c));
    case 'voiceCsqSummary': case 'agentCsqStatistics':
      return [...c.view.csqs.values()].filter((q) => scope.csq(q.csqId)).map((q) => csqRow(q, mode, c));
    case 'teamSummary': case 'agentTeamSummary':
      return [...c.view.teams.keys()].filter(scope.team).map((t) => teamRow(t, c));
    case 'recentStateHistory':
      return [...c.view.agents.values()].filter(scope.agent).flatMap((a) => c.history.rowsOf(a.agentId, c.now()));
    case 'recentCallHistory':
      return [];
  }
}

/** The rows one change touches in a report, within a scope. */
export function changedRows(report: ReportId, mode: ReportView, scope: Scope, change: ViewChange, c: ReportContext): RowDelta {
  const none: RowDelta = { upsert: [], remove: [] };
  switch (change.kind) {
    case 'agent': {
      const { before, after } = change;
      const visible = after !== undefined && scope.agent(after);
      const wasVisible = before !== undefined && scope.agent(before);
      switch (report) {
        case 'teamState': case 'agentStatistics':
          if (visible) return { upsert: [report === 'teamState' ? agentRow(after, c) : agentStatsRow(after, c)], remove: [] };
          return wasVisible ? { upsert: [], remove: [change.id] } : none;
        case 'voiceCsqAgentDetail': {
          const upsert = visible ? csqAgentRows(after, scope, c) : [];
          const kept = new Set(upsert.map((r) => r.key));
          const remove = (wasVisible ? csqAgentRows(before, scope, c) : []).map((r) => r.key).filter((k) => !kept.has(k));
          return { upsert, remove };
        }
        case 'recentStateHistory':
          return visible && before?.state !== after.state ? { upsert: c.history.latestRowsOf(after.agentId, c.now()), remove: [] } : none;
        case 'teamSummary': case 'agentTeamSummary': {
          const teams = new Set([before?.teamId, after?.teamId].filter((t): t is string => t !== undefined && scope.team(t)));
          return { upsert: [...teams].filter((t) => c.view.teams.has(t)).map((t) => teamRow(t, c)), remove: [] };
        }
        default: return none;
      }
    }
    case 'csq':
      if (report !== 'voiceCsqSummary' && report !== 'agentCsqStatistics') return none;
      if (!scope.csq(change.id)) return none;
      return change.after ? { upsert: [csqRow(change.after, mode, c)], remove: [] } : { upsert: [], remove: [change.id] };
    case 'team':
      if ((report !== 'teamSummary' && report !== 'agentTeamSummary') || !scope.team(change.id)) return none;
      return change.after ? { upsert: [teamRow(change.id, c)], remove: [] } : { upsert: [], remove: [change.id] };
  }
}

function agentRow(a: AgentRecord, c: ReportContext, csqName?: string, key = a.agentId): AgentRow {
  const label = a.reasonCode === undefined ? undefined : c.reasonLabel(a.reasonCode);
  return {
    key, agentId: a.agentId, agentName: a.agentName, teamId: a.teamId,
    ...(csqName === undefined ? {} : { csqName }),
    state: a.state, stateSince: a.stateSince,
    ...(a.reasonCode === undefined || a.reasonCode === 0 ? {} : { reasonCode: a.reasonCode }),
    ...(label === undefined ? {} : { reasonLabel: label }),
    loginSinceMidnightMs: a.loginSince === null ? 0 : Math.max(0, c.now() - Math.max(a.loginSince, c.midnight())),
  };
}

function csqAgentRows(a: AgentRecord, scope: Scope, c: ReportContext): AgentRow[] {
  return a.csqIds.filter((id) => scope.csq(id)).map((id) =>
    agentRow(a, c, c.view.csqs.get(id)?.csqName ?? id, `${id}:${a.agentId}`));
}

function agentStatsRow(a: AgentRecord, c: ReportContext): AgentStatsRow {
  const agg = (e: { count: number; totalMs: number; maxMs: number } | undefined): Agg =>
    e === undefined || e.count === 0 ? { avgMs: 0, maxMs: 0, totalMs: 0 }
      : { avgMs: Math.round(e.totalMs / e.count), maxMs: e.maxMs, totalMs: e.totalMs };
  const reserved = a.inState.RESERVED;
  return {
    key: a.agentId, agentId: a.agentId, agentName: a.agentName, callsOffered: a.callsOffered, callsHandled: a.callsHandled,
    avgRingMs: agg(reserved).avgMs,
    talk: agg(a.inState.TALKING), hold: agg(a.hold), ready: agg(a.inState.READY), notReady: agg(a.inState.NOT_READY),
    afterCallWork: agg(a.inState.WORK),
  };
}

function csqRow(q: CsqRecord, mode: ReportView, c: ReportContext): CsqRow {
  const row: CsqRow = { key: q.csqId, csqId: q.csqId, csqName: q.csqName, callsWaiting: q.callsWaiting, oldestQueuedAt: q.oldestQueuedAt };
  if (mode === 'snapshot') {
    row.agents = { ...q.agents };
    row.short = c.windows.window(q, c.now(), c.windows.shortMs);
  }
  if (mode === 'shortLong') {
    row.short = c.windows.window(q, c.now(), c.windows.shortMs);
    row.long = c.windows.window(q, c.now(), c.windows.longMs);
  }
  if (mode === 'sinceMidnight' || mode === 'snapshot') {
    const t = q.today;
    row.today = { abandoned: t.abandoned, handled: t.handled, presented: t.presented, longestWaitMs: t.longestWaitMs, longestHandleMs: t.longestHandleMs };
  }
  return row;
}

function teamRow(teamId: string, c: ReportContext): TeamSummaryRow {
  const agents = { loggedIn: 0, talking: 0, ready: 0, notReady: 0, work: 0, reserved: 0 };
  let callsOffered = 0; let callsHandled = 0;
  for (const id of c.view.membersOf(teamId)) {
    const a = c.view.agents.get(id);
    if (!a) continue;
    callsOffered += a.callsOffered; callsHandled += a.callsHandled;
    if (a.state === 'LOGOUT') continue;
    agents.loggedIn++;
    if (a.state === 'TALKING') agents.talking++;
    else if (a.state === 'READY') agents.ready++;
    else if (a.state === 'NOT_READY') agents.notReady++;
    else if (a.state === 'WORK') agents.work++;
    else if (a.state === 'RESERVED') agents.reserved++;
  }
  return { key: teamId, teamId, teamName: c.view.teams.get(teamId)?.teamName ?? teamId, agents, callsOffered, callsHandled };
}
