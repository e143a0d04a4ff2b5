// Who is calling, and may they use AXL at all (axl.md §2). HTTP Basic on every request, or the JSESSIONIDSSO
// cookie of an earlier sign-in (§1).
import { axlAccess, type AxlAccess, type Directory } from '../directory/index.ts';
import { cookieValue, SESSION_COOKIE, type AxlSessions } from './sessions.ts';

export const AUTHENTICATE_HEADER = 'Basic realm="Cisco AXL"';

export type Authorization =
  | { ok: true; userid: string; access: AxlAccess; newSession?: string | undefined }
  /** 401: bad or missing credentials, or no AXL role; 404: the session cookie went idle. */
  | { ok: false; status: 401 | 404; userid?: string | undefined };

/** userid and password of an HTTP Basic Authorization header (RFC 7617). */
export function parseBasicAuth(header: string | undefined): { userid: string; password: string } | undefined {
  const m = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { userid: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export async function authorize(
  directory: Directory, sessions: AxlSessions, headers: { authorization?: string | undefined; cookie?: string | undefined },
): Promise<Authorization> {
  if (headers.authorization === undefined) {
    const token = cookieValue(headers.cookie, SESSION_COOKIE);
    const session = token === undefined ? undefined : sessions.use(token);
    if (session === 'expired') return { ok: false, status: 404 };
    return session ? { ok: true, ...session } : { ok: false, status: 401 };
  }
  const credentials = parseBasicAuth(headers.authorization);
  if (!credentials) return { ok: false, status: 401 };
  const principal = await directory.authenticate(credentials.userid, { password: credentials.password });
  const access = principal ? axlAccess(principal.roles) : undefined;
  if (!principal || !access) return { ok: false, status: 401, userid: credentials.userid };
  const token = cookieValue(headers.cookie, SESSION_COOKIE);
  const current = token === undefined ? undefined : sessions.use(token);
  const keep = typeof current === 'object' && current.userid === principal.userid;
  return {
    ok: true, userid: principal.userid, access,
    newSession: keep ? undefined : sessions.create({ userid: principal.userid, access }),
  };
}
