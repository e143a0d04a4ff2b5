// How the header shows an agent state: words, a tone for its colour, and the time spent in it.
export { formatDuration } from '../shared/duration.ts';

export type StateTone = 'ready' | 'not-ready' | 'talking' | 'reserved' | 'work' | 'signed-out' | 'other';

const WORDS: Readonly<Record<string, string>> = {
  LOGIN: 'Signing in', LOGOUT: 'Signed out', NOT_READY: 'Not Ready', READY: 'Ready', RESERVED: 'Reserved',
  RESERVED_OUTBOUND: 'Reserved (outbound)', RESERVED_OUTBOUND_PREVIEW: 'Reserved (preview)', TALKING: 'Talking',
  HOLD: 'On hold', WORK: 'Wrap-Up', WORK_READY: 'Wrap-Up', UNKNOWN: 'Unknown',
};

export const stateWords = (state: string): string => WORDS[state] ?? state;

export function stateTone(state: string): StateTone {
  switch (state) {
    case 'READY': return 'ready';
    case 'NOT_READY': return 'not-ready';
    case 'TALKING': case 'HOLD': return 'talking';
    case 'RESERVED': case 'RESERVED_OUTBOUND': case 'RESERVED_OUTBOUND_PREVIEW': return 'reserved';
    case 'WORK': case 'WORK_READY': return 'work';
    case 'LOGOUT': return 'signed-out';
    default: return 'other';
  }
}

/** States an agent may choose by PUT (rest-api.md §3.3): READY and NOT_READY, only outside a call. */
export const canChooseState = (state: string): boolean => state === 'READY' || state === 'NOT_READY' || state === 'WORK';
