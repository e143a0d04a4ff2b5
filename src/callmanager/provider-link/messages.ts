// The provider link's messages (ARCHITECTURE.md: the JTAPI link, JSON over WebSocket, port 2748): one JSON object
// per text frame. The application opens with its credentials, then sends requests with an `id`; each reply
// carries that id and the provider's own reply value. Call events are pushed as they happen, each with the call
// as it stood then, and always before the reply of the request that caused them. Link errors (bad JSON, an
// unknown type, a request before open, refused credentials) have their own message with a `condition`.
import type { CallEvent, CallSnapshot } from '../calls/types.ts';
import type { Reply, ReplyWith } from '../provider/types.ts';

/** Everything a link may ask of the provider session, plus the call manager's agents. */
export const LINK_METHODS = [
  'observe', 'registerRoutePoint', 'registerMediaTerminal', 'getCall', 'accept', 'reject', 'redirect', 'answer', 'hold',
  'unhold', 'disconnect', 'drop', 'connect', 'consult', 'transfer', 'conference', 'routeSelect', 'endRoute',
  'setCallData', 'sendDtmf', 'listAgents',
] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

/** An agent or supervisor with a primary extension, as the engine needs them (src/engine/resources/agent-directory.ts). */
export interface LinkAgent {
  readonly userId: string;
  readonly extension: string;
  readonly type: 'AGENT' | 'SUPERVISOR';
  readonly devices: readonly string[];
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
}

export type OpenMessage = { readonly type: 'open'; readonly appUser: string; readonly password: string };
export type RequestMessage = {
  readonly type: 'request'; readonly id: number; readonly method: LinkMethod; readonly params: Readonly<Record<string, unknown>>;
};
export type ClientMessage = OpenMessage | RequestMessage;

export type LinkCondition = 'bad-json' | 'bad-message' | 'not-open' | 'already-open' | 'open-refused';

export type OpenedMessage = { readonly type: 'opened'; readonly appUserId: string; readonly runId: string };
export type ReplyMessage = { readonly type: 'reply'; readonly id: number; readonly reply: Reply | ReplyWith<unknown> };
/** `cause`: the id of the request this event is part of, when a request of this link caused it. */
export type EventMessage = {
  readonly type: 'event'; readonly event: CallEvent; readonly call: ReplyWith<CallSnapshot>; readonly cause?: number | undefined;
};
export type DirectoryChangedMessage = { readonly type: 'directoryChanged' };
export type ErrorMessage = {
  readonly type: 'error'; readonly condition: LinkCondition; readonly message: string; readonly id?: number | undefined;
};
export type ServerMessage = OpenedMessage | ReplyMessage | EventMessage | DirectoryChangedMessage | ErrorMessage;

/** Close codes in WebSocket's private range: the link refused its credentials. */
export const CLOSE_OPEN_REFUSED = 4001;
/** Largest frame either side accepts. */
export const MAX_FRAME_BYTES = 1024 * 1024;
