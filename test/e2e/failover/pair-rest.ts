// The Finesse REST calls the failover tests make against either node of a pair, as a desktop makes them.
import { basicAuth } from '../../support/test-node.ts';

export interface RestAnswer { status: number; text: string }

export async function rest(base: string, method: string, path: string, user: string, body?: string): Promise<RestAnswer> {
  const response = await fetch(`${base}/finesse/api${path}`, {
    method,
    headers: { authorization: basicAuth(user), ...(body ? { 'content-type': 'application/xml' } : {}) },
    ...(body ? { body } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

/** The text of the first `<name>` element (the REST answers are flat enough for this). */
export const field = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

export interface AgentView { state: string; reasonCodeId: string; stateChangeTime: string }

export async function agentView(base: string, user: string): Promise<AgentView> {
  const { status, text } = await rest(base, 'GET', `/User/${user}`, user);
  if (status !== 200) throw new Error(`GET User/${user}: ${status} ${text}`);
  return { state: field(text, 'state') ?? '', reasonCodeId: field(text, 'reasonCodeId') ?? '', stateChangeTime: field(text, 'stateChangeTime') ?? '' };
}

export async function setState(base: string, user: string, state: string, reasonCodeId?: string): Promise<void> {
  const reason = reasonCodeId ? `<reasonCodeId>${reasonCodeId}</reasonCodeId>` : '';
  const { status, text } = await rest(base, 'PUT', `/User/${user}`, user, `<User><state>${state}</state>${reason}</User>`);
  if (status !== 202) throw new Error(`PUT User/${user} ${state}: ${status} ${text}`);
}

export async function signIn(base: string, user: string, extension: string): Promise<void> {
  const { status, text } = await rest(base, 'PUT', `/User/${user}`, user,
    `<User><state>LOGIN</state><extension>${extension}</extension></User>`);
  if (status !== 202) throw new Error(`sign-in of ${user}: ${status} ${text}`);
}

/** The user's dialogs: id and the Dialog's own state (the one after its participants). */
export async function dialogsOf(base: string, user: string): Promise<Array<{ id: string; state: string }>> {
  const { status, text } = await rest(base, 'GET', `/User/${user}/Dialogs`, user);
  if (status !== 200) throw new Error(`GET Dialogs of ${user}: ${status} ${text}`);
  return [...text.matchAll(/<Dialog>([\s\S]*?)<\/Dialog>/g)].map((m) => ({
    id: field(m[1]!, 'id') ?? '', state: field(m[1]!.split('</participants>').at(-1)!, 'state') ?? '',
  }));
}

export async function dialogAction(base: string, user: string, dialogId: string, extension: string, action: string): Promise<RestAnswer> {
  return rest(base, 'PUT', `/Dialog/${dialogId}`, user,
    `<Dialog><targetMediaAddress>${extension}</targetMediaAddress><requestedAction>${action}</requestedAction></Dialog>`);
}

export async function notReadyReasonCodes(base: string, user: string): Promise<string[]> {
  const { text } = await rest(base, 'GET', `/User/${user}/ReasonCodes?category=NOT_READY`, user);
  return [...text.matchAll(/<uri>\/finesse\/api\/ReasonCode\/(\d+)<\/uri>/g)].map((m) => m[1]!);
}

export async function systemStatus(base: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${base}/finesse/api/SystemInfo`, { signal: AbortSignal.timeout(2000) });
    return field(await response.text(), 'status');
  } catch {
    return undefined;
  }
}

export async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!await condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
