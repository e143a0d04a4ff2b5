// Which state changes an agent may ask for by PUT (rest-api.md §3.3), decided before anything reaches the engine.
import { FinesseApiError } from '../errors.ts';
import type { UserState } from './user.ts';

/** The values of `<state>` a PUT may carry; LOGIN is transient, never a User state (§3.2). */
export const REQUESTABLE_STATES = ['LOGIN', 'LOGOUT', 'NOT_READY', 'READY', 'WORK', 'WORK_READY'] as const;
export type RequestedState = (typeof REQUESTABLE_STATES)[number];

/**
 * What a request from `current` to `requested` does: `cti` sends it to the engine, `signedIn` is a sign-in while
 * signed in (re-authenticates and keeps the state, §3.2); a refused transition throws 400 Invalid State.
 */
export function checkTransition(current: UserState, requested: RequestedState): 'cti' | 'signedIn' {
  const refuse = (): never => {
    throw new FinesseApiError(400, 'Invalid State', requested, `Cannot change state from ${current} to ${requested}.`);
  };
  if (requested === 'WORK_READY') return refuse(); // CCE only (§3.3 inference)
  if (current === 'LOGOUT') return requested === 'LOGIN' ? 'cti' : refuse();
  if (requested === 'LOGIN') return 'signedIn';
  switch (current) {
    case 'NOT_READY':
      return requested === 'WORK' ? refuse() : 'cti';
    case 'READY':
      return requested === 'NOT_READY' || requested === 'LOGOUT' ? 'cti' : refuse();
    case 'WORK': case 'WORK_READY':
      return requested === 'READY' || requested === 'NOT_READY' || requested === 'LOGOUT' ? 'cti' : refuse();
    case 'RESERVED': case 'TALKING': case 'HOLD':
      // NOT_READY, LOGOUT and WORK become the pending state; READY goes to the engine, which refuses it by an
      // async error (265 on an ICD call, 33 on a direct call), as UCCX does.
      return 'cti';
    case 'RESERVED_OUTBOUND': case 'RESERVED_OUTBOUND_PREVIEW':
      throw new FinesseApiError(500, 'Internal Server Error', requested, `Cannot leave ${current} by a state change.`);
    case 'UNKNOWN':
      return refuse();
  }
}

/** States during which NOT_READY, LOGOUT and WORK wait for the call's end (§3.3). */
export const isOnCall = (state: UserState): boolean => state === 'RESERVED' || state === 'TALKING' || state === 'HOLD';
