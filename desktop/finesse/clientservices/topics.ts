// Hub topics of the desktop (desktop-and-gadgets.md §4.2).
export const Topics = {
  CONNECTION: 'finesse.info.connection',
  REQUESTS: 'finesse.info.requests',
  RESPONSES: 'finesse.info.responses',
  PRESENCE: 'finesse.info.presence',
} as const;

export const responseTopic = (invokeID: string): string => `${Topics.RESPONSES}.${invokeID}`;

/** Requests gadgets send the master on `finesse.info.requests`: `{type, data, invokeID}`. */
export type InfoRequest =
  | { type: 'ConnectionInfoReq'; data: Record<string, never>; invokeID: string }
  | { type: 'SubscribeNodeReq'; data: { node: string }; invokeID: string }
  | { type: 'UnsubscribeNodeReq'; data: { node: string; subid?: string }; invokeID: string }
  | { type: 'ConnectionReq'; data: { id?: string; password?: string; xmppDomain?: string }; invokeID: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A request as published by any gadget: checked, since any gadget may publish anything. */
export function parseInfoRequest(data: unknown): InfoRequest | undefined {
  if (!isRecord(data) || typeof data.invokeID !== 'string' || data.invokeID === '') return undefined;
  const invokeID = data.invokeID;
  const body = isRecord(data.data) ? data.data : {};
  switch (data.type) {
    case 'ConnectionInfoReq': return { type: 'ConnectionInfoReq', data: {}, invokeID };
    case 'SubscribeNodeReq':
      return typeof body.node === 'string' && body.node !== '' ? { type: 'SubscribeNodeReq', data: { node: body.node }, invokeID } : undefined;
    case 'UnsubscribeNodeReq':
      return typeof body.node === 'string' && body.node !== ''
        ? { type: 'UnsubscribeNodeReq', data: { node: body.node, ...(typeof body.subid === 'string' ? { subid: body.subid } : {}) }, invokeID }
        : undefined;
    case 'ConnectionReq': return { type: 'ConnectionReq', data: {}, invokeID };
    default: return undefined;
  }
}

/** Connection statuses on `finesse.info.connection` (§4.2). */
export type ConnectionStatus =
  | 'connecting' | 'connected' | 'disconnected' | 'disconnecting' | 'reconnecting' | 'unloading'
  | 'conflict' | 'unauthorized' | 'failing' | 'recovered';

const STATUSES = new Set<string>(['connecting', 'connected', 'disconnected', 'disconnecting', 'reconnecting', 'unloading',
  'conflict', 'unauthorized', 'failing', 'recovered']);

export const isConnectionStatus = (s: unknown): s is ConnectionStatus => typeof s === 'string' && STATUSES.has(s);

export interface ConnectionInfo { status: ConnectionStatus; resourceID?: string }

export function parseConnectionInfo(data: unknown): ConnectionInfo | undefined {
  if (!isRecord(data) || !isConnectionStatus(data.status)) return undefined;
  return { status: data.status, ...(typeof data.resourceID === 'string' ? { resourceID: data.resourceID } : {}) };
}
