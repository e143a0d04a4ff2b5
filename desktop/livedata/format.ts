// How Live Data figures read in a grid: durations as h:mm:ss or m:ss, percentages whole, missing figures as a dash.

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
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
