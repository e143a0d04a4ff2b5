// Sign-in (desktop-and-gadgets.md §1 steps 3–6): check the credentials, keep them for the gadgets, read SystemInfo,
// make this page the master of the desktop's one XMPP connection, then PUT LOGIN and wait for the User
// notification that says how it went.
import { driftOf, serverTimeOf } from '../finesse/utilities/server-clock.ts';
import { apiErrorOf, basicCredentials, escapeXml, newRequestId, restCall, textAt, type RestAnswer } from './rest.ts';
import type { SignInInput, SignInProblem } from './sign-in-input.ts';
import { clusterNodesOf, type ClusterNode } from './failover.ts';

export interface UserRecord {
  id: string;
  auth: string;
  firstName: string;
  lastName: string;
  teamId: string;
  teamName: string;
  roles: string[];
  state: string;
}

export interface SystemInfoRecord {
  status: string; xmppDomain: string; pubsubDomain: string;
  /** Client minus server time from `currentTimestamp`, for the gadgets' `clientDriftInMillis` (§3.2). */
  clientDriftMs: number;
  /** primaryNode and secondaryNode: where the desktop goes if this node is lost (§7). */
  nodes: ClusterNode[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: SignInProblem };

export const AUTH_STORAGE_KEY = 'userFinesseAuth'; // read by finesse.js in every gadget (§1 step 4)

async function call(run: () => Promise<RestAnswer>): Promise<Outcome<RestAnswer>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { ok: false, problem: { kind: timedOut ? 'engine-down' : 'unreachable' } };
  }
}

const statusProblem = (answer: RestAnswer): SignInProblem => {
  if (answer.status === 401 || answer.status === 404) return { kind: 'wrong-password' };
  if (answer.status === 503 || answer.status >= 500) return { kind: 'engine-down' };
  return { kind: 'unexpected', detail: apiErrorOf(answer.xml)?.errorMessage || `HTTP ${answer.status}` };
};

/** Step 3: GET User with the typed credentials; 401 is a wrong ID or password. */
export async function checkCredentials(input: SignInInput): Promise<Outcome<UserRecord>> {
  const auth = basicCredentials(input.userId, input.password);
  const answered = await call(() => restCall('GET', `/finesse/api/User/${encodeURIComponent(input.userId)}`, auth));
  if (!answered.ok) return answered;
  const { value: answer } = answered;
  const user = answer.xml?.documentElement;
  if (answer.status !== 200 || user?.localName !== 'User') return { ok: false, problem: statusProblem(answer) };
  const roles = [...user.getElementsByTagName('role')].map((role) => role.textContent?.trim() ?? '');
  return {
    ok: true,
    value: {
      id: textAt(user, 'loginId') || input.userId, auth, firstName: textAt(user, 'firstName'),
      lastName: textAt(user, 'lastName'), teamId: textAt(user, 'teamId'), teamName: textAt(user, 'teamName'),
      roles, state: textAt(user, 'state'),
    },
  };
}

/** Step 5: SystemInfo, anonymous; OUT_OF_SERVICE means the engine is down. */
export async function loadSystemInfo(): Promise<Outcome<SystemInfoRecord>> {
  const sentAt = Date.now();
  const answered = await call(() => restCall('GET', '/finesse/api/SystemInfo', undefined));
  if (!answered.ok) return answered;
  const xml = answered.value.xml;
  if (answered.value.status !== 200 || !xml) return { ok: false, problem: statusProblem(answered.value) };
  const time = serverTimeOf(textAt(xml, 'currentTimestamp'), undefined);
  const clientDriftMs = time ? driftOf({ ...time, sentAt, receivedAt: Date.now() }).driftMs : 0;
  const info = {
    status: textAt(xml, 'status'), xmppDomain: textAt(xml, 'xmppDomain'), pubsubDomain: textAt(xml, 'xmppPubSubDomain'),
    clientDriftMs, nodes: clusterNodesOf(xml),
  };
  if (info.status !== 'IN_SERVICE') return { ok: false, problem: { kind: 'engine-down' } };
  return { ok: true, value: info };
}

/**
 * Step 6: PUT LOGIN. Resolves with the requestId once the server took it (202); a 4xx here is the LOGIN's own
 * refusal. The outcome proper comes later as a User notification (login-outcome.ts).
 */
export async function putLogin(user: UserRecord, extension: string): Promise<Outcome<string>> {
  const requestId = newRequestId();
  const body = `<User><state>LOGIN</state><extension>${escapeXml(extension)}</extension></User>`;
  const answered = await call(() => restCall('PUT', `/finesse/api/User/${encodeURIComponent(user.id)}`, user.auth, { body, requestId }));
  if (!answered.ok) return answered;
  const { status, xml } = answered.value;
  if (status === 202 || status === 200) return { ok: true, value: requestId };
  if (status === 400) return { ok: false, problem: { kind: 'extension-refused', detail: apiErrorOf(xml)?.errorMessage ?? '' } };
  return { ok: false, problem: statusProblem(answered.value) };
}

export const keepCredentials = (auth: string): void => sessionStorage.setItem(AUTH_STORAGE_KEY, auth);
export const forgetCredentials = (): void => sessionStorage.removeItem(AUTH_STORAGE_KEY);
