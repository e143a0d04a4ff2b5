// The master Live Data gadget's side: the desktop's one Socket.IO connection to Live Data
// (desktop-and-gadgets.md §6.2), shared with every report gadget over the hub. On every (re)connection and on a
// `reset` each report is subscribed again, so a gadget gets a fresh snapshot after any interruption.
import { io, type Socket } from 'socket.io-client';
import { TOPICS, feedTopic, parseRequest, type FeedMessage, type HubLike, type LivedataRequest, type LivedataStatus, type SubscribeRequest } from './hub-protocol.ts';
import type { LiveRow } from './rows.ts';

export interface SocketMasterOptions {
  hub: HubLike;
  /** `Basic <base64 id:password>`, the desktop's credentials. */
  authorization: string;
  /** Origin of the web service; Live Data is at `/livedata/socket.io` on it. */
  origin: string;
  /** This gadget's own requests are handled directly, not over the hub. */
  mid: string;
  onOwnFeed(message: FeedMessage): void;
  onOwnStatus(status: LivedataStatus): void;
}

const SUBSCRIBE_TIMEOUT_MS = 10_000;

interface Subscription { request: SubscribeRequest; subscriptionId?: string }

type SubscribeAck = { subscriptionId: string; serverTime: number; shortTermMin: number; longTermMin: number; rows: LiveRow[] }
  | { error: { code: string; message: string } };

export class SocketMaster {
  readonly #socket: Socket;
  readonly #byGadget = new Map<string, Subscription>();
  #status: LivedataStatus = { state: 'connecting' };

  constructor(readonly options: SocketMasterOptions) {
    this.#socket = io(`${options.origin}/livedata`, {
      path: '/livedata/socket.io', auth: { authorization: options.authorization },
      reconnectionDelay: 500, reconnectionDelayMax: 5000,
    });
    this.#socket.on('connect', () => { for (const mid of this.#byGadget.keys()) void this.#subscribe(mid); });
    this.#socket.on('connect_error', (err: Error) => this.#setStatus({
      state: 'unavailable', message: err.message === 'unauthorized' ? 'Live Data refused the credentials.' : 'Live Data is not available. Retrying…',
    }));
    this.#socket.on('disconnect', () => this.#setStatus({ state: 'unavailable', message: 'Live Data is not available. Retrying…' }));
    this.#socket.on('status', (status: unknown) => {
      const s = status as Partial<LivedataStatus> | null;
      if (s && typeof s.state === 'string') this.#setStatus({ state: s.state, ...(typeof s.activeNode === 'string' ? { activeNode: s.activeNode } : {}) });
    });
    this.#socket.on('rows', (message: unknown) => this.#onRows(message));
    this.#socket.on('reset', (message: unknown) => {
      const id = (message as { subscriptionId?: unknown } | null)?.subscriptionId;
      for (const [mid, subscription] of this.#byGadget) if (subscription.subscriptionId === id) void this.#subscribe(mid);
    });
    options.hub.subscribe(TOPICS.requests, (_topic, data) => {
      const request = parseRequest(data);
      if (request && request.from !== options.mid) this.handle(request);
    });
    // A gadget that loads after the master learns the state with its first hello.
    options.hub.subscribe(TOPICS.hello, () => options.hub.publish(TOPICS.status, this.#status));
  }

  handle(request: LivedataRequest): void {
    const previous = this.#byGadget.get(request.from);
    if (request.type === 'unsubscribe') this.#byGadget.delete(request.from);
    else this.#byGadget.set(request.from, { request });
    // Gadgets asking for the same report share one server subscription: it ends when the last of them leaves it.
    const id = previous?.subscriptionId;
    if (id && ![...this.#byGadget.values()].some((s) => s.subscriptionId === id)) this.#socket.emit('unsubscribe', { subscriptionId: id });
    if (request.type === 'unsubscribe') return;
    if (this.#socket.connected) void this.#subscribe(request.from);
  }

  close(): void { this.#socket.close(); }

  async #subscribe(mid: string): Promise<void> {
    const subscription = this.#byGadget.get(mid);
    if (!subscription) return;
    const { report, view, filter } = subscription.request;
    const ack = await this.#socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck('subscribe', { report, view, ...(filter ? { filter } : {}) })
      .catch(() => undefined) as SubscribeAck | undefined;
    if (this.#byGadget.get(mid) !== subscription) return; // replaced meanwhile
    if (ack === undefined) {
      // No answer in time (a busy server, a connection that dropped meanwhile): ask again; a reconnection also does.
      this.#send(mid, { type: 'error', code: 'timeout', message: 'Live Data is slow to answer. Retrying…' });
      if (this.#socket.connected) setTimeout(() => { if (this.#byGadget.get(mid) === subscription) void this.#subscribe(mid); }, 1000);
      return;
    }
    if ('error' in ack) return this.#send(mid, { type: 'error', code: ack.error.code, message: ack.error.message });
    subscription.subscriptionId = ack.subscriptionId;
    this.#send(mid, { type: 'snapshot', serverTime: ack.serverTime, shortTermMin: ack.shortTermMin, longTermMin: ack.longTermMin, rows: ack.rows });
  }

  #onRows(message: unknown): void {
    const m = message as { subscriptionId?: unknown; serverTime?: unknown; upsert?: unknown; remove?: unknown } | null;
    if (!m || typeof m.subscriptionId !== 'string') return;
    for (const [mid, subscription] of this.#byGadget) {
      if (subscription.subscriptionId !== m.subscriptionId) continue;
      this.#send(mid, {
        type: 'rows', serverTime: typeof m.serverTime === 'number' ? m.serverTime : Date.now(),
        upsert: Array.isArray(m.upsert) ? m.upsert as LiveRow[] : [], remove: Array.isArray(m.remove) ? m.remove as string[] : [],
      });
    }
  }

  #send(mid: string, message: FeedMessage): void {
    if (mid === this.options.mid) this.options.onOwnFeed(message);
    else this.options.hub.publish(feedTopic(mid), message);
  }

  #setStatus(status: LivedataStatus): void {
    this.#status = status;
    this.options.onOwnStatus(status);
    this.options.hub.publish(TOPICS.status, status);
  }
}
