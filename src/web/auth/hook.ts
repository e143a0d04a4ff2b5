// The authentication step every protected resource plugin adds as its onRequest hook, so a request with bad
// credentials is refused before its body is read (rest-api.md §1.3).
import type { FastifyRequest } from 'fastify';
import { parseBasicAuthorization } from '../../shared/basic-auth.ts';
import type { Authenticator } from './authenticator.ts';
import type { Principal } from './principal.ts';

const principals = new WeakMap<FastifyRequest, Principal>();

export function authenticationHook(authenticator: Authenticator): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    // SSO (`Bearer`) is not supported: it parses as no credentials, hence 401 (rest-api.md §1.3 [Poise]).
    const principal = await authenticator.authenticate(parseBasicAuthorization(request.headers.authorization));
    principals.set(request, principal);
  };
}

/** The authenticated user of a request that passed the hook. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (!principal) throw new Error('principalOf called on a route without the authentication hook');
  return principal;
}

/** The authenticated user's id, if the request got that far (for the request log). */
export const principalIdOf = (request: FastifyRequest): string | undefined => principals.get(request)?.id;
