// Text frames in, typed messages out, for both ends of the provider link; no sockets here. The call manager
// trusts no frame: a bad one becomes a link error, a request whose params do not fit its method becomes the
// provider's InvalidArgument reply. The engine's side checks the envelope of what the call manager sends.
import { z } from 'zod';
import type { CallEvent, CallSnapshot } from '../calls/types.ts';
import { TELEPHONY_ERROR_KINDS } from '../calls/errors.ts';
import {
  LINK_METHODS, type ClientMessage, type LinkCondition, type LinkMethod, type OpenMessage, type ServerMessage,
} from './messages.ts';

const text = z.string().max(256);
const list = z.array(text).max(10_000);
const callId = text.min(1);

/** What each method's params must be (the provider's request types, src/callmanager/provider/types.ts). */
const PARAMS = {
  observe: z.object({ addresses: list.optional(), terminals: list.optional() }).strict(),
  registerRoutePoint: z.object({ device: text }).strict(),
  registerMediaTerminal: z.object({ device: text }).strict(),
  getCall: z.object({ callId }).strict(),
  accept: z.object({ callId, address: text }).strict(),
  reject: z.object({ callId, address: text }).strict(),
  redirect: z.object({ callId, address: text, dest: text }).strict(),
  answer: z.object({ callId, terminal: text }).strict(),
  hold: z.object({ callId, terminal: text }).strict(),
  unhold: z.object({ callId, terminal: text }).strict(),
  disconnect: z.object({ callId, address: text }).strict(),
  drop: z.object({ callId }).strict(),
  connect: z.object({ terminal: text, address: text.optional(), dest: text }).strict(),
  consult: z.object({ callId, terminal: text, dest: text }).strict(),
  transfer: z.union([
    z.object({ callId, terminal: text, otherCallId: callId }).strict(),
    z.object({ callId, terminal: text, dest: text }).strict(),
  ]),
  conference: z.object({ callId, terminal: text, otherCallId: callId }).strict(),
  routeSelect: z.object({ callId, address: text, routes: list.min(1) }).strict(),
  endRoute: z.object({ callId, address: text }).strict(),
  setCallData: z.object({ callId, callVariables: z.record(z.string(), z.string().max(4096)) }).strict(),
  sendDtmf: z.object({ callId, address: text, digits: z.string().min(1).max(64) }).strict(),
  listAgents: z.object({}).strict(),
} satisfies Record<LinkMethod, z.ZodType>;

type ParamsOf = { [M in LinkMethod]: z.infer<(typeof PARAMS)[M]> };
/** A request with the params its method takes. */
export type LinkRequest = { [M in LinkMethod]: { readonly id: number; readonly method: M; readonly params: ParamsOf[M] } }[LinkMethod];

const ClientEnvelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), appUser: text, password: text }).strict(),
  z.object({
    type: z.literal('request'), id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), method: z.string(),
    params: z.record(z.string(), z.unknown()).default({}),
  }).strict(),
]);

export type ClientFrame =
  | { readonly kind: 'open'; readonly message: OpenMessage }
  | { readonly kind: 'request'; readonly request: LinkRequest }
  /** A well-formed request the provider cannot take: answered with InvalidArgument under its id. */
  | { readonly kind: 'invalid-request'; readonly id: number; readonly message: string }
  | { readonly kind: 'link-error'; readonly condition: LinkCondition; readonly message: string; readonly id?: number };

const isMethod = (method: string): method is LinkMethod => (LINK_METHODS as readonly string[]).includes(method);

function issues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
}

function parseJson(frame: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(frame) };
  } catch (err) {
    return { ok: false, message: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** A frame from the application. */
export function parseClientFrame(frame: string): ClientFrame {
  const json = parseJson(frame);
  if (!json.ok) return { kind: 'link-error', condition: 'bad-json', message: json.message };
  const envelope = ClientEnvelope.safeParse(json.value);
  if (!envelope.success) {
    const raw = json.value;
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' ? raw.id : undefined;
    return { kind: 'link-error', condition: 'bad-message', message: issues(envelope.error), ...(id === undefined ? {} : { id }) };
  }
  const message = envelope.data;
  if (message.type === 'open') return { kind: 'open', message };
  if (!isMethod(message.method)) {
    return { kind: 'link-error', condition: 'bad-message', message: `unknown method ${message.method.slice(0, 64)}`, id: message.id };
  }
  const params = PARAMS[message.method].safeParse(message.params);
  if (!params.success) return { kind: 'invalid-request', id: message.id, message: `${message.method}: ${issues(params.error)}` };
  // The schema was picked by this method, so the params are that method's (TypeScript cannot follow the lookup).
  return { kind: 'request', request: { id: message.id, method: message.method, params: params.data } as LinkRequest };
}

const Refusal = z.object({ ok: z.literal(false), error: z.enum(TELEPHONY_ERROR_KINDS), message: z.string() });
const AnyReply = z.union([z.object({ ok: z.literal(true), value: z.unknown().optional() }), Refusal]);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// The call manager is trusted for the shape of its call events and snapshots: their envelope is checked.
const Event = z.custom<CallEvent>((v) => isRecord(v) && typeof v['type'] === 'string' && typeof v['callId'] === 'string');
const Snapshot = z.custom<CallSnapshot>((v) => isRecord(v) && typeof v['id'] === 'string' && Array.isArray(v['connections']));

const ServerEnvelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opened'), appUserId: z.string(), runId: z.string().max(64) }),
  z.object({ type: z.literal('reply'), id: z.number().int(), reply: AnyReply }),
  z.object({
    type: z.literal('event'), event: Event, call: z.union([z.object({ ok: z.literal(true), value: Snapshot }), Refusal]),
    cause: z.number().int().optional(),
  }),
  z.object({ type: z.literal('directoryChanged') }),
  z.object({
    type: z.literal('error'), message: z.string(), id: z.number().int().optional(),
    condition: z.enum(['bad-json', 'bad-message', 'not-open', 'already-open', 'open-refused']),
  }),
]);

/** A frame from the call manager; a string says what was wrong with it. */
export function parseServerFrame(frame: string): ServerMessage | string {
  const json = parseJson(frame);
  if (!json.ok) return json.message;
  const parsed = ServerEnvelope.safeParse(json.value);
  return parsed.success ? parsed.data : issues(parsed.error);
}

export const encode = (message: ServerMessage | ClientMessage): string => JSON.stringify(message);
