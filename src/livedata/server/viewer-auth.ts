// A Live Data client signs in with the same credentials as the REST API (desktop-and-gadgets.md §6.2: handshake
// `auth: {authorization: "Basic …"}`), checked against the call manager's users through the shared directory.
import { CredentialCache, parseBasicAuthorization } from '../../shared/basic-auth.ts';
import type { UserDirectory } from '../../shared/axl/user-directory.ts';
import type { Viewer } from '../reports/scope.ts';

const REMEMBER_MS = 60_000;

export type ViewerAuth = (authorization: unknown) => Promise<Viewer | undefined>;

export function viewerAuth(directory: UserDirectory): ViewerAuth {
  const recent = new CredentialCache<Viewer>(REMEMBER_MS);
  return async (authorization) => {
    const credentials = typeof authorization === 'string' ? parseBasicAuthorization(authorization) : undefined;
    if (!credentials) return undefined;
    const cached = recent.get(credentials);
    if (cached) return cached;
    if (!(await directory.authenticate(credentials.userid, credentials.password))) return undefined;
    const user = await directory.getUser(credentials.userid);
    if (!user) return undefined;
    const roles = new Set(user.roles);
    if (!roles.has('Agent') && !roles.has('Supervisor') && !roles.has('Administrator')) return undefined;
    const viewer: Viewer = { userId: user.userid, supervisor: roles.has('Supervisor'), administrator: roles.has('Administrator') };
    recent.set(credentials, viewer);
    return viewer;
  };
}
