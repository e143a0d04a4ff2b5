import { createHash } from 'node:crypto';

export interface BasicCredentials { userid: string; password: string }

/** Reads `Authorization: Basic …`; undefined when absent or not Basic or not decodable. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { userid: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Remembers successful logins briefly so that a busy client does not pay a password hash per request. Keys are
 * digests of userid and password together, so a changed password misses the cache at once.
 */
export class CredentialCache<T> {
  readonly #entries = new Map<string, { value: T; expires: number }>();

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now,
              private readonly maxEntries = 10_000) {}

  get(credentials: BasicCredentials): T | undefined {
    const key = digest(credentials);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(credentials: BasicCredentials, value: T): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(digest(credentials), { value, expires: this.now() + this.ttlMs });
  }

  clear(): void { this.#entries.clear(); }
}

const digest = (c: BasicCredentials): string =>
  createHash('sha256').update(c.userid).update('\0').update(c.password).digest('base64');
