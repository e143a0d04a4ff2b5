// Notifications across the nodes of a cluster (docs/notify.md, "Fan-out across nodes"): a desktop's session can
// live on any node, so an item published on one node must reach every node's sessions. The item crosses once,
// already normalised; each node renders the event itself and keeps the item as its node's last. At-most-once, as
// Finesse notifications are (desktops read state again by REST after a reconnect).

/** One published item as it crosses nodes. */
export interface FanoutItem { node: string; itemId: string; payload: string; origin: string }

export interface NotificationFanout {
  /** After the local delivery; never throws (a broker away is logged, local delivery goes on). */
  publish(item: FanoutItem): void;
  /** What the other nodes publish; items with this node's own origin never come back here. */
  subscribe(deliver: (item: FanoutItem) => void): void;
  close(): Promise<void>;
}

const MAX_ITEM_BYTES = 256 * 1024;

/** A message off the wire, checked: another process's bytes are not trusted. */
export function decodeFanoutItem(bytes: Buffer): FanoutItem | undefined {
  if (bytes.length > MAX_ITEM_BYTES) return undefined;
  let value: unknown;
  try { value = JSON.parse(bytes.toString('utf8')); } catch { return undefined; }
  if (value === null || typeof value !== 'object') return undefined;
  const { node, itemId, payload, origin } = value as Record<string, unknown>;
  if (typeof node !== 'string' || !node.startsWith('/') || node.length > 1024) return undefined;
  if (typeof itemId !== 'string' || itemId === '' || itemId.length > 256) return undefined;
  if (typeof payload !== 'string' || typeof origin !== 'string' || origin === '') return undefined;
  return { node, itemId, payload, origin };
}

export const encodeFanoutItem = (item: FanoutItem): string => JSON.stringify(item);
