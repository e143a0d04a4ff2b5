// Repeated wrong passwords lock a user's XMPP sign-in for a while (notifications.md §11: 5 failures in 5 min
// lock it for 5 min, Finesse's REST rule). Pure bookkeeping over an injected clock: expiry is lazy, no timers.

export interface LoginThrottleOptions { maxFailures: number; windowMs: number; lockMs: number; maxUsers: number }

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = { maxFailures: 5, windowMs: 300_000, lockMs: 300_000, maxUsers: 100_000 };

interface Entry { failures: number[]; lockedUntil: number }

export class LoginThrottle {
  readonly #users = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now, private readonly options = DEFAULT_LOGIN_THROTTLE) {}

  isLocked(user: string): boolean {
    const entry = this.#users.get(user.toLowerCase());
    return entry !== undefined && entry.lockedUntil > this.now();
  }

  failed(user: string): void {
    const key = user.toLowerCase();
    const now = this.now();
    const entry = this.#users.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((t) => t > now - this.options.windowMs);
    entry.failures.push(now);
    if (entry.failures.length >= this.options.maxFailures) {
      entry.lockedUntil = now + this.options.lockMs;
      entry.failures = [];
    }
    this.#users.delete(key); // re-insert: the map's order is the order of last failure, oldest evicted first
    this.#users.set(key, entry);
    if (this.#users.size > this.options.maxUsers) this.#users.delete(this.#users.keys().next().value ?? '');
  }

  succeeded(user: string): void {
    this.#users.delete(user.toLowerCase());
  }
}
