// Report rows as desktop-and-gadgets.md §6.2 gives them. Times are epoch ms; running durations travel as start
// times so clients tick them.
import type { AgentStateName } from '../broker/messages.ts';
import type { CsqWindow } from '../model/csq-windows.ts';

export interface Agg { avgMs: number; maxMs: number; totalMs: number }

export interface AgentRow {
  key: string; agentId: string; agentName: string; teamId: string; csqName?: string;
  state: AgentStateName; stateSince: number; reasonCode?: number; reasonLabel?: string; loginSinceMidnightMs: number;
}

export interface AgentStatsRow {
  key: string; agentId: string; agentName: string; callsOffered: number; callsHandled: number;
  avgRingMs: number; talk: Agg; hold: Agg; ready: Agg; notReady: Agg; afterCallWork: Agg;
}

export interface CsqRow {
  key: string; csqId: string; csqName: string; callsWaiting: number; oldestQueuedAt: number | null;
  agents?: { loggedIn: number; talking: number; ready: number; notReady: number; work: number; reserved: number };
  short?: CsqWindow; long?: CsqWindow;
  today?: { abandoned: number; handled: number; presented: number; longestWaitMs: number; longestHandleMs: number };
}

/** Team Summary (Poise's shape for it: the spec names the report, not its row). */
export interface TeamSummaryRow {
  key: string; teamId: string; teamName: string;
  agents: { loggedIn: number; talking: number; ready: number; notReady: number; work: number; reserved: number };
  callsOffered: number; callsHandled: number;
}

export interface HistoryRow {
  key: string; agentId: string; start: number; state?: AgentStateName; reasonCode?: number; durationMs: number | null;
}

export type Row = AgentRow | AgentStatsRow | CsqRow | TeamSummaryRow | HistoryRow;
