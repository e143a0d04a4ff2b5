// HTTP Basic against the user directory (rest-api.md §1.3) with a short-lived cache of good credentials and the
// lockout of 5 consecutive wrong passwords for 5 minutes.
import { CredentialCache, type BasicCredentials } from '../../shared/basic-auth.ts';
import { authorizationFailure } from '../errors.ts';
import { FINESSE_ROLES, type FinesseRole, type Principal } from './principal.ts';
import type { UserDirectory } from '../../shared/axl/user-directory.ts';

export interface AuthenticatorOptions {
  directory: UserDirectory;
  cacheTtlMs: number;
  now?: () => number;
  maxFailures?: number;
  lockoutMs?: number;
}

export class Authenticator {
  readonly #cache: CredentialCache<Principal>;
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();
  readonly #now: () => number;
  readonly #maxFailures: number;
  readonly #lockoutMs: number;

  constructor(private readonly options: AuthenticatorOptions) {
    this.#now = options.now ?? Date.now;
    this.#cache = new CredentialCache(options.cacheTtlMs, this.#now);
    this.#maxFailures = options.maxFailures ?? 5;
    this.#lockoutMs = options.lockoutMs ?? 5 * 60_000;
  }

  /** The principal for these credentials, or a 401 FinesseApiError; directory failures propagate. */
  async authenticate(credentials: BasicCredentials | undefined): Promise<Principal> {
    if (!credentials) throw authorizationFailure('');
    const cached = this.#cache.get(credentials);
    if (cached) return cached;
    const key = credentials.userid.toLowerCase();
    const failures = this.#failures.get(key);
    if (failures && failures.lockedUntil > this.#now()) throw authorizationFailure(credentials.userid);
    const { directory } = this.options;
    if (!(await directory.authenticate(credentials.userid, credentials.password))) {
      this.#recordFailure(key, failures);
      throw authorizationFailure(credentials.userid);
    }
    this.#failures.delete(key);
    const user = await directory.getUser(credentials.userid);
    const roles = new Set((user?.roles ?? []).filter((r): r is FinesseRole => (FINESSE_ROLES as readonly string[]).includes(r)));
    // An account with no contact-center role (an AXL application user) is no Finesse user.
    if (!user || roles.size === 0) throw authorizationFailure(credentials.userid);
    const principal: Principal = {
      id: user.userid, firstName: user.firstName, lastName: user.lastName, extension: user.extension, roles,
    };
    this.#cache.set(credentials, principal);
    return principal;
  }

  #recordFailure(key: string, previous: { count: number; lockedUntil: number } | undefined): void {
    const count = (previous && previous.lockedUntil <= this.#now() && previous.lockedUntil > 0 ? 0 : previous?.count ?? 0) + 1;
    if (this.#failures.size > 100_000) this.#failures.clear(); // bounded: a spray of names must not hold memory
    this.#failures.set(key, { count, lockedUntil: count >= this.#maxFailures ? this.#now() + this.#lockoutMs : 0 });
  }
}
