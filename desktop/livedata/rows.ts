// The report rows as the Live Data service sends them (desktop-and-gadgets.md §6.2), as far as the grids read them.
// Rows arrive as JSON from the network, so every field is read defensively by the columns.

export interface Agg { avgMs: number; maxMs: number; totalMs: number }
export interface CsqWindow { abandoned: number; dequeued: number; avgHandleMs: number; avgWaitMs: number; serviceLevelPct: number | null }
export interface AgentCounts { loggedIn: number; talking: number; ready: number; notReady: number; work: number; reserved: number }

export interface LiveRow {
  key: string;
  [field: string]: unknown;
}

export type ReportId =
  | 'agentCsqStatistics' | 'agentStatistics' | 'agentTeamSummary' | 'recentStateHistory' | 'recentCallHistory'
  | 'teamState' | 'teamSummary' | 'voiceCsqAgentDetail' | 'voiceCsqSummary';

export type ReportView = 'snapshot' | 'shortLong' | 'sinceMidnight';

export const REPORT_IDS: readonly ReportId[] = [
  'agentCsqStatistics', 'agentStatistics', 'agentTeamSummary', 'recentStateHistory', 'recentCallHistory',
  'teamState', 'teamSummary', 'voiceCsqAgentDetail', 'voiceCsqSummary',
];

export const isReportId = (value: string): value is ReportId => (REPORT_IDS as readonly string[]).includes(value);

/** A nested field by path (`short.serviceLevelPct`), or undefined. */
export function fieldOf(row: LiveRow, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export const numberOf = (row: LiveRow, path: string): number | undefined => {
  const value = fieldOf(row, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export const textOf = (row: LiveRow, path: string): string => {
  const value = fieldOf(row, path);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};
