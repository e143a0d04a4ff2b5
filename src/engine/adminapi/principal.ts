// HTTP Basic on every request, checked through AXL doAuthenticateUser and the EndUser's roles (adminapi.md §1.3):
// administrators may do everything, supervisors read their teams' resources, teams and CSQs.
import type { FastifyRequest } from 'fastify';
import { CredentialCache, parseBasicAuthorization } from '../../shared/basic-auth.ts';
import type { UserDirectory } from '../../shared/axl/user-directory.ts';
import { forbidden, unauthorized } from './errors.ts';

export interface AdminPrincipal {
  readonly id: string;
  readonly administrator: boolean;
  readonly supervisor: boolean;
}

export class AdminAuthenticator {
  readonly #cache: CredentialCache<AdminPrincipal>;

  constructor(private readonly directory: UserDirectory, cacheTtlMs: number) {
    this.#cache = new CredentialCache(cacheTtlMs);
  }

  /** 401 for missing or wrong credentials; 403 for a user with neither role; directory failures propagate. */
  async authenticate(header: string | undefined): Promise<AdminPrincipal> {
    const credentials = parseBasicAuthorization(header);
    if (!credentials) throw unauthorized('');
    const cached = this.#cache.get(credentials);
    if (cached) return cached;
    if (!(await this.directory.authenticate(credentials.userid, credentials.password))) {
      throw unauthorized(credentials.userid);
    }
    const user = await this.directory.getUser(credentials.userid);
    if (!user) throw unauthorized(credentials.userid);
    const principal = {
      id: user.userid, administrator: user.roles.includes('Administrator'), supervisor: user.roles.includes('Supervisor'),
    };
    if (!principal.administrator && !principal.supervisor) throw forbidden(user.userid);
    this.#cache.set(credentials, principal);
    return principal;
  }
}

const principals = new WeakMap<FastifyRequest, AdminPrincipal>();

export function authenticationHook(authenticator: AdminAuthenticator): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    principals.set(request, await authenticator.authenticate(request.headers.authorization));
  };
}

export function principalOf(request: FastifyRequest): AdminPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new Error('principalOf called on a route without the authentication hook');
  return principal;
}

export function requireAdministrator(request: FastifyRequest): AdminPrincipal {
  const principal = principalOf(request);
  if (!principal.administrator) throw forbidden(principal.id);
  return principal;
}
