// JSESSIONIDSSO (axl.md §1): after a Basic sign-in the cookie may stand in for the Authorization header; after
// 30 idle minutes it answers 404 and the client signs in again. Expiry is checked on use, so no timer is needed.
import { randomBytes } from 'node:crypto';
import type { AxlAccess } from '../directory/index.ts';

export const SESSION_COOKIE = 'JSESSIONIDSSO';
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
const MAX_SESSIONS = 10_000;

export interface AxlSession {
  userid: string;
  access: AxlAccess;
}

interface Entry extends AxlSession { lastSeen: number }

export class AxlSessions {
  readonly #sessions = new Map<string, Entry>();
  constructor(private readonly idleMs = DEFAULT_SESSION_IDLE_MS, private readonly now: () => number = Date.now) {}

  create(session: AxlSession): string {
    if (this.#sessions.size >= MAX_SESSIONS) this.#sweep();
    const token = randomBytes(24).toString('hex').toUpperCase();
    this.#sessions.set(token, { ...session, lastSeen: this.now() });
    return token;
  }

  /** The session, refreshed; 'expired' once idle too long (then forgotten); undefined when unknown. */
  use(token: string): AxlSession | 'expired' | undefined {
    const entry = this.#sessions.get(token);
    if (!entry) return undefined;
    const now = this.now();
    if (now - entry.lastSeen > this.idleMs) {
      this.#sessions.delete(token);
      return 'expired';
    }
    entry.lastSeen = now;
    return { userid: entry.userid, access: entry.access };
  }

  /** Drops idle sessions; if all are live, the oldest goes, so memory stays bounded. */
  #sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.#sessions) if (now - entry.lastSeen > this.idleMs) this.#sessions.delete(token);
    const oldest = this.#sessions.keys().next();
    if (this.#sessions.size >= MAX_SESSIONS && !oldest.done) this.#sessions.delete(oldest.value);
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
