// finesse.clientservices.ClientServices (desktop-and-gadgets.md §5): the singleton every REST object goes
// through. It sends REST requests through gadgets.io.makeRequest to this node's own HTTP port, keeps one hub
// subscription per topic, follows the desktop's connection status on `finesse.info.connection`, and asks the
// master for node subscriptions over `finesse.info.requests`. The container's instance becomes the master with
// initBosh (master-mode.ts).
import { gadgetsHub, gadgetsIo, type HubCallback, type MakeRequestResponse } from '../host.ts';
import { Utilities } from '../utilities/utilities.ts';
import {
  parseConnectionInfo, responseTopic, Topics, type ConnectionStatus, type InfoRequest,
} from './topics.ts';

export interface FinesseConfig {
  authorization?: string;
  id?: string;
  password?: string;
  host?: string;
  hostPort?: string | number;
  restHost?: string;
  scheme?: string;
  localhostPort?: string | number;
  locale?: string;
  xmppDomain?: string;
  pubsubDomain?: string;
  [key: string]: unknown;
}

type LifecycleHandler = () => void;
const LIFECYCLE = {
  connected: 'Connect', disconnected: 'Disconnect', connecting: 'Connecting', disconnecting: 'Disconnecting',
  reconnecting: 'Reconnecting', unloading: 'Unloading',
} as const;
type LifecycleStatus = keyof typeof LIFECYCLE;

interface TopicSubscription { id?: string; callbacks: { cb: HubCallback; disableDuringFailover: boolean }[] }

class ClientServicesImpl {
  #config?: FinesseConfig;
  #status?: ConnectionStatus;
  #resourceID?: string;
  #failover = false;
  readonly #topics = new Map<string, TopicSubscription>();
  readonly #lifecycle = new Map<LifecycleStatus, LifecycleHandler>();
  readonly #statusListeners = new Set<(status: ConnectionStatus, previous: ConnectionStatus | undefined) => void>();
  /** Set by master-mode.ts when this instance holds the tunnel. */
  master = false;

  /** Needs `host`, `restHost`, and `authorization` or `id` + `password` (§5); idempotent; extra arguments ignored. */
  init(config: FinesseConfig): this {
    if (!config || typeof config !== 'object') throw new Error('ClientServices.init: config missing');
    if (!config.host || !config.restHost) throw new Error('ClientServices.init: config needs host and restHost');
    if (config.authorization) Object.assign(config, Utilities.getCredentials(config.authorization));
    else if (config.id && config.password !== undefined) config.authorization = Utilities.b64Encode(`${config.id}:${config.password}`);
    else throw new Error('ClientServices.init: config needs authorization, or id and password');
    const first = this.#config === undefined;
    this.#config = config;
    if (first) {
      this.subscribe(Topics.CONNECTION, (_topic, data) => {
        const info = parseConnectionInfo(data);
        if (info) this.#onStatus(info.status, info.resourceID);
      });
      this.sendRequest({ type: 'ConnectionInfoReq', data: {}, invokeID: Utilities.generateUUID() });
    }
    return this;
  }

  getConfig(): FinesseConfig | undefined { return this.#config; }
  isMaster(): boolean { return this.master; }
  isConnected(): boolean { return this.#status === 'connected' || this.#status === 'recovered'; }
  getConnectionStatus(): ConnectionStatus | undefined { return this.#status; }
  getResourceID(): string | undefined { return this.#resourceID; }
  isFailoverMode(): boolean { return this.#failover; }

  /** The REST base: this node's own HTTP port, as the gadget proxy calls it (§3.3). */
  restBase(): string {
    const c = this.#requireConfig();
    if (c.localhostPort !== undefined && c.localhostPort !== '') return `http://${c.restHost}:${c.localhostPort}`;
    return `${c.scheme ?? 'http'}://${c.host}${c.hostPort ? `:${c.hostPort}` : ''}`;
  }

  /** gadgets.io.makeRequest to restBase + url with Basic authorization and the locale (§5). */
  makeRequest(url: string, handler: (response: MakeRequestResponse) => void, params: Record<string, unknown> = {}): void {
    const c = this.#requireConfig();
    const io = gadgetsIo();
    const p = io.RequestParameters;
    const headers = { ...(params[p.HEADERS] as Record<string, string> | undefined) };
    headers.Authorization = `Basic ${c.authorization ?? ''}`;
    if (c.locale) headers.locale = c.locale;
    const full = /^https?:\/\//.test(url) ? url : `${this.restBase()}${url}`;
    const request: Record<string, unknown> = { ...params, [p.HEADERS]: headers };
    if (p.REFRESH_INTERVAL) request[p.REFRESH_INTERVAL] = 0;
    if (request[p.CONTENT_TYPE] === undefined && io.ContentType?.TEXT) request[p.CONTENT_TYPE] = io.ContentType.TEXT;
    io.makeRequest(full, handler, request);
  }

  /** One hub subscription per topic, shared by every callback given for it. */
  subscribe(topic: string, cb: HubCallback, disableDuringFailover = false): boolean {
    const existing = this.#topics.get(topic);
    if (existing) {
      existing.callbacks.push({ cb, disableDuringFailover });
      return true;
    }
    const entry: TopicSubscription = { callbacks: [{ cb, disableDuringFailover }] };
    this.#topics.set(topic, entry);
    entry.id = gadgetsHub().subscribe(topic, (t, data) => {
      for (const { cb: callback, disableDuringFailover: disable } of [...entry.callbacks]) {
        if (disable && this.#failover) continue;
        try { callback(t, data); } catch (err) { console.error('finesse: a hub handler threw', err); }
      }
    });
    return true;
  }

  /** Removes `cb` from `topic`, or every callback of it; the hub subscription ends with the last one. */
  unsubscribe(topic: string, cb?: HubCallback): boolean {
    const entry = this.#topics.get(topic);
    if (!entry) return false;
    entry.callbacks = cb ? entry.callbacks.filter((c) => c.cb !== cb) : [];
    if (entry.callbacks.length > 0) return true;
    this.#topics.delete(topic);
    if (entry.id !== undefined) gadgetsHub().unsubscribe(entry.id);
    return true;
  }

  /** Publishes a request to the master, its answer going to `onResponse` once (§4.2). */
  sendRequest(request: InfoRequest, onResponse?: (data: unknown) => void): string {
    const topic = responseTopic(request.invokeID);
    if (onResponse) {
      const once: HubCallback = (_t, data) => {
        this.unsubscribe(topic, once);
        onResponse(data);
      };
      this.subscribe(topic, once); // before publishing: the answer may come back at once
    }
    gadgetsHub().publish(Topics.REQUESTS, request);
    return request.invokeID;
  }

  subscribeNode(node: string, cb?: (invokeID: string, rsp: unknown) => void): string {
    const invokeID = Utilities.generateUUID();
    return this.sendRequest({ type: 'SubscribeNodeReq', data: { node }, invokeID }, (rsp) => cb?.(invokeID, rsp));
  }

  unsubscribeNode(node: string, subid: string | undefined, cb?: (rsp: unknown) => void): string {
    const invokeID = Utilities.generateUUID();
    return this.sendRequest({ type: 'UnsubscribeNodeReq', data: { node, ...(subid ? { subid } : {}) }, invokeID }, (rsp) => cb?.(rsp));
  }

  registerHandler(status: LifecycleStatus, handler: LifecycleHandler): void {
    this.#lifecycle.set(status, handler);
    if (this.#status === status) handler();
  }

  unregisterHandler(status: LifecycleStatus): void { this.#lifecycle.delete(status); }

  /** For the library's own objects: every status as it comes (REST objects refresh on `recovered`). */
  onStatus(listener: (status: ConnectionStatus, previous: ConnectionStatus | undefined) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  #onStatus(status: ConnectionStatus, resourceID: string | undefined): void {
    const previous = this.#status;
    this.#status = status;
    if (resourceID) this.#resourceID = resourceID;
    if (status === 'failing') this.#failover = true;
    if (status === 'recovered') this.#failover = false;
    // failing/recovered run the disconnect/connect handlers (§7 step 2).
    const lifecycle: LifecycleStatus | undefined = status === 'failing' ? 'disconnected'
      : status === 'recovered' ? 'connected' : status in LIFECYCLE ? status as LifecycleStatus : undefined;
    const handler = lifecycle ? this.#lifecycle.get(lifecycle) : undefined;
    try { handler?.(); } catch (err) { console.error('finesse: a connection handler threw', err); }
    for (const listener of [...this.#statusListeners]) listener(status, previous);
  }

  #requireConfig(): FinesseConfig {
    if (!this.#config) throw new Error('ClientServices.init(config) has not been called');
    return this.#config;
  }
}

const services = new ClientServicesImpl();

/** The public face: Finesse's method names, each registering one handler (§5). */
export const ClientServices = Object.assign(services, {
  registerOnConnectHandler: (h: LifecycleHandler) => services.registerHandler('connected', h),
  registerOnDisconnectHandler: (h: LifecycleHandler) => services.registerHandler('disconnected', h),
  registerOnConnectingHandler: (h: LifecycleHandler) => services.registerHandler('connecting', h),
  registerOnDisconnectingHandler: (h: LifecycleHandler) => services.registerHandler('disconnecting', h),
  registerOnReconnectingHandler: (h: LifecycleHandler) => services.registerHandler('reconnecting', h),
  registerOnUnloadingHandler: (h: LifecycleHandler) => services.registerHandler('unloading', h),
  unregisterOnConnectHandler: () => services.unregisterHandler('connected'),
  unregisterOnDisconnectHandler: () => services.unregisterHandler('disconnected'),
  unregisterOnConnectingHandler: () => services.unregisterHandler('connecting'),
  unregisterOnDisconnectingHandler: () => services.unregisterHandler('disconnecting'),
  unregisterOnReconnectingHandler: () => services.unregisterHandler('reconnecting'),
  unregisterOnUnloadingHandler: () => services.unregisterHandler('unloading'),
});

export type ClientServicesType = typeof ClientServices;
