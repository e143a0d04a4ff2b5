// The postMessage protocol between the container and the tunnel page (desktop-and-gadgets.md §4.3,
// notifications.md §13): every message is the string "<type>|<payload>". Pure; shared by both ends.

export const TunnelMessageType = {
  EVENT: 0,
  ID: 1,
  PASSWORD: 2,
  RESOURCEID: 3,
  STATUS: 4,
  XMPPDOMAIN: 5,
  PUBSUBDOMAIN: 6,
  SUBSCRIBE: 7,
  UNSUBSCRIBE: 8,
  PRESENCE: 9,
  CONNECT_REQ: 10,
  DISCONNECT_REQ: 11,
  NOTIFICATION_CONNECTION_TYPE: 12,
  LOGGING: 13,
  SUBSCRIPTIONS_REQ: 14,
  XMPP_DISCONNECT_PROPERTIES: 15,
} as const;

export type TunnelMessageName = keyof typeof TunnelMessageType;
export type TunnelMessageCode = (typeof TunnelMessageType)[TunnelMessageName];

export interface TunnelMessage {
  type: TunnelMessageName;
  payload: string;
}

const NAME_OF_CODE = new Map<number, TunnelMessageName>(
  (Object.keys(TunnelMessageType) as TunnelMessageName[]).map((name) => [TunnelMessageType[name], name]),
);

/** Statuses the tunnel reports with STATUS (§4.3). */
export type TunnelStatus =
  | 'loaded' | 'connecting' | 'connected' | 'disconnected' | 'disconnecting' | 'reconnecting' | 'unloading'
  | 'conflict' | 'unauthorized';

export const encodeTunnelMessage = (message: TunnelMessage): string =>
  `${TunnelMessageType[message.type]}|${message.payload}`;

/** A message from the other window; anything that is not one (other scripts post too) is `undefined`. */
export function decodeTunnelMessage(data: unknown): TunnelMessage | undefined {
  if (typeof data !== 'string') return undefined;
  const bar = data.indexOf('|');
  if (bar < 1 || bar > 2) return undefined;
  const code = data.slice(0, bar);
  if (!/^\d+$/.test(code)) return undefined;
  const type = NAME_OF_CODE.get(Number(code));
  return type === undefined ? undefined : { type, payload: data.slice(bar + 1) };
}

/** EVENT payload: the node, URI-encoded, then the notification text with no separator (§4.3). */
export const encodeEventPayload = (node: string, notification: string): string => `${encodeURI(node)}${notification}`;

export function decodeEventPayload(payload: string): { node: string; notification: string } | undefined {
  const start = payload.search(/[<{]/); // an <Update> document, or JSON text (notifications.md §13)
  if (start <= 0) return undefined;
  try {
    return { node: decodeURI(payload.slice(0, start)), notification: payload.slice(start) };
  } catch {
    return undefined; // a malformed escape
  }
}

/** SUBSCRIBE / UNSUBSCRIBE reply: the node, or the node, `|` and the error XML (§4.3). */
export const encodeSubscribeReply = (node: string, errorXml?: string): string =>
  errorXml === undefined ? node : `${node}|${errorXml}`;

export function decodeSubscribeReply(payload: string): { node: string; errorXml?: string } {
  const bar = payload.indexOf('|');
  return bar < 0 ? { node: payload } : { node: payload.slice(0, bar), errorXml: payload.slice(bar + 1) };
}

/** PRESENCE payload: `<presence><from>…</from><type>…</type></presence>` (notifications.md §13). */
export const encodePresencePayload = (from: string, type: string): string =>
  `<presence><from>${escapeXmlText(from)}</from><type>${escapeXmlText(type)}</type></presence>`;

export const escapeXmlText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** `/finesse/api/User/agent1` → hub topic `finesse.api.User.agent1` (§4.2). */
export const topicOfNode = (node: string): string => node.replace(/^\//, '').replaceAll('/', '.');
