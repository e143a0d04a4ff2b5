// The frame wire between an IframeContainer and the IframeHubClient in its iframe: Poise's own postMessage
// encoding with the semantics of gadgets.rpc's `openajax.pubsub` service (verbs con, dis, sub, pub, uns;
// desktop-and-gadgets.md §4.1, inference), plus gadgets.rpc calls (resize_iframe, set_title, set_pref). Each
// message is one string: a prefix, then JSON carrying the frame's token. Pure: tested in node.
import { asHubErrorName, type HubErrorName } from './errors.ts';

export const WIRE_PREFIX = 'poise-oah2|';

/** What a hub client sends to its container. */
export type ClientMessage =
  | { k: 'con' }
  | { k: 'dis' }
  | { k: 'sub'; sid: string; topic: string }
  | { k: 'uns'; sid: string }
  | { k: 'pub'; topic: string; data?: unknown }
  | { k: 'rpc'; service: string; args: unknown[] };

/** What a container sends to its hub client. */
export type ContainerMessage =
  | { k: 'con-ok'; clientId: string }
  | { k: 'dis-ok' }
  | { k: 'sub-ok'; sid: string }
  | { k: 'sub-err'; sid: string; err: HubErrorName }
  | { k: 'uns-ok'; sid: string }
  | { k: 'dlv'; sid: string; topic: string; data?: unknown }
  | { k: 'rpc'; service: string; args: unknown[] };

export type Decoded<M> =
  | { kind: 'message'; message: M }
  | { kind: 'foreign' }                       // not a hub message: someone else's postMessage (the tunnel's)
  | { kind: 'forged'; reason: string }        // a hub message with the wrong token
  | { kind: 'garbage'; reason: string };      // a hub message that does not parse

/** Encodes a message; throws when `data` cannot cross frames as JSON (cycles, BigInt). */
export function encode(token: string, message: ClientMessage | ContainerMessage): string {
  return WIRE_PREFIX + JSON.stringify({ t: token, ...message });
}

type Fields = Record<string, unknown>;

function envelope(raw: unknown, token: string): Decoded<Fields> {
  if (typeof raw !== 'string' || !raw.startsWith(WIRE_PREFIX)) return { kind: 'foreign' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.slice(WIRE_PREFIX.length));
  } catch {
    return { kind: 'garbage', reason: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'garbage', reason: 'not an object' };
  const fields = parsed as Fields;
  if (fields.t !== token) return { kind: 'forged', reason: 'wrong token' };
  return { kind: 'message', message: fields };
}

const str = (value: unknown): value is string => typeof value === 'string';
const withData = <M extends object>(message: M, fields: Fields): M =>
  ('data' in fields ? { ...message, data: fields.data } : message);

export function decodeClientMessage(raw: unknown, token: string): Decoded<ClientMessage> {
  const env = envelope(raw, token);
  if (env.kind !== 'message') return env;
  const f = env.message;
  switch (f.k) {
    case 'con': return { kind: 'message', message: { k: 'con' } };
    case 'dis': return { kind: 'message', message: { k: 'dis' } };
    case 'sub':
      if (str(f.sid) && str(f.topic)) return { kind: 'message', message: { k: 'sub', sid: f.sid, topic: f.topic } };
      break;
    case 'uns':
      if (str(f.sid)) return { kind: 'message', message: { k: 'uns', sid: f.sid } };
      break;
    case 'pub':
      if (str(f.topic)) return { kind: 'message', message: withData({ k: 'pub', topic: f.topic }, f) };
      break;
    case 'rpc':
      if (str(f.service) && Array.isArray(f.args)) return { kind: 'message', message: { k: 'rpc', service: f.service, args: f.args } };
      break;
  }
  return { kind: 'garbage', reason: `bad ${String(f.k)} message` };
}

export function decodeContainerMessage(raw: unknown, token: string): Decoded<ContainerMessage> {
  const env = envelope(raw, token);
  if (env.kind !== 'message') return env;
  const f = env.message;
  switch (f.k) {
    case 'con-ok':
      if (str(f.clientId)) return { kind: 'message', message: { k: 'con-ok', clientId: f.clientId } };
      break;
    case 'dis-ok': return { kind: 'message', message: { k: 'dis-ok' } };
    case 'sub-ok':
      if (str(f.sid)) return { kind: 'message', message: { k: 'sub-ok', sid: f.sid } };
      break;
    case 'sub-err':
      if (str(f.sid)) return { kind: 'message', message: { k: 'sub-err', sid: f.sid, err: asHubErrorName(f.err) } };
      break;
    case 'uns-ok':
      if (str(f.sid)) return { kind: 'message', message: { k: 'uns-ok', sid: f.sid } };
      break;
    case 'dlv':
      if (str(f.sid) && str(f.topic)) return { kind: 'message', message: withData({ k: 'dlv', sid: f.sid, topic: f.topic }, f) };
      break;
    case 'rpc':
      if (str(f.service) && Array.isArray(f.args)) return { kind: 'message', message: { k: 'rpc', service: f.service, args: f.args } };
      break;
  }
  return { kind: 'garbage', reason: `bad ${String(f.k)} message` };
}

/** The frame parameters the container puts in the iframe URL's fragment: `#rpctoken=…&oahParent=…`. */
export interface FrameParams { token: string; parentOrigin: string }

export function frameFragment(params: FrameParams): string {
  return `rpctoken=${encodeURIComponent(params.token)}&oahParent=${encodeURIComponent(params.parentOrigin)}`;
}

export function parseFrameFragment(hash: string): FrameParams | undefined {
  const query = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = query.get('rpctoken');
  const parentOrigin = query.get('oahParent');
  return token && parentOrigin ? { token, parentOrigin } : undefined;
}

/** A fragment-safe token from 16 random bytes. */
export function newFrameToken(random: (bytes: Uint8Array) => Uint8Array): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
