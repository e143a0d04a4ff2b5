// How Live Data figures read in a grid: durations as h:mm:ss or m:ss, percentages whole, missing figures as a dash.
import { formatDuration as sharedDuration } from '../shared/duration.ts';

export function formatDuration(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? '–' : sharedDuration(ms);
}

export function formatPercent(pct: number | null | undefined): string {
  return pct === null || pct === undefined || !Number.isFinite(pct) ? '–' : `${Math.round(pct)} %`;
}

/** Finesse's state words for the Live Data state names. */
const STATE_WORDS: Record<string, string> = {
  LOGIN: 'Logged in', LOGOUT: 'Logged out', NOT_READY: 'Not Ready', READY: 'Ready', RESERVED: 'Reserved',
  TALKING: 'Talking', WORK: 'Work', WORK_READY: 'Work Ready', HOLD: 'Hold',
};

export const stateWords = (state: string): string => STATE_WORDS[state] ?? state;
