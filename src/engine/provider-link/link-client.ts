// The engine's provider session over the provider link (src/callmanager/provider-link/): requests go out with
// an id and resolve with the reply of that id; events are delivered as they arrive, which is before the reply
// of the request that caused them. When the link drops, requests are refused (InvalidState) until it is back;
// it reconnects with back-off, opens again, registers and observes everything the engine had, and re-learns
// the calls it knew (call-resync.ts). The call manager's agents come over the same link.
import { AsyncResource } from 'node:async_hooks';
import WebSocket, { type RawData } from 'ws';
import type { CallEvent, CallEventListener, CallSnapshot } from '../../callmanager/calls/types.ts';
import { encode, parseServerFrame } from '../../callmanager/provider-link/codec.ts';
import { MAX_FRAME_BYTES, type LinkAgent, type LinkMethod, type ServerMessage } from '../../callmanager/provider-link/messages.ts';
import type {
  AddressRequest, CallDataRequest, CallRequest, ConferenceRequest, ConnectRequest, ConsultRequest, DeviceRequest,
  DtmfRequest, ObserveRequest, ProviderCredentials, ProviderSessionState, RedirectRequest, Refusal, Reply, ReplyWith,
  RouteSelectRequest, TerminalRequest, TransferRequest,
} from '../../callmanager/provider/types.ts';
import type { Logger } from '../../shared/logger.ts';
import type { AgentDirectory } from '../resources/agent-directory.ts';
import type { AsyncProviderSession, SessionOpener } from './async-session.ts';
import { missedEvents } from './call-resync.ts';
import { SessionSetup } from './session-setup.ts';

export interface ProviderLinkOptions {
  /** ws://host:2748 */
  readonly url: string;
  readonly log: Logger;
  /** Back-off between attempts: from `firstMs`, doubling up to `maxMs`. */
  readonly retry?: { readonly firstMs: number; readonly maxMs: number };
  /** A request with no reply after this long is refused. */
  readonly requestTimeoutMs?: number;
  /** A ping every so often; a link that missed two pongs is dropped (a silent partition). */
  readonly pingMs?: number;
}

/** A reply as it came: with a value or without, or a refusal. */
type AnyReply = Reply | ReplyWith<unknown>;

interface Pending {
  readonly resolve: (reply: AnyReply) => void;
  readonly timer: NodeJS.Timeout;
  /** Where the request was made: the events it causes are delivered there, as in-process they would be. */
  readonly scope: AsyncResource;
}

const refusal = (message: string): Refusal => ({ ok: false, error: 'InvalidState', message });

export class ProviderLinkClient implements AsyncProviderSession, SessionOpener {
  readonly #options: Required<ProviderLinkOptions>;
  #credentials: ProviderCredentials | undefined;
  #appUserId = '';
  #callManagerRunId = '';
  #ws: WebSocket | undefined;
  /** The link is open and the provider session IN_SERVICE on it. */
  #open = false;
  #shutdown = false;
  #retryMs: number;
  #retryTimer: NodeJS.Timeout | undefined;
  #pingTimer: NodeJS.Timeout | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #listeners: readonly CallEventListener[] = [];
  readonly #directoryListeners = new Set<() => void>();
  /** The calls as their last event showed them (knownCall), until they end or leave the session's view. */
  readonly #calls = new Map<string, ReplyWith<CallSnapshot>>();
  /** What the engine registered and observed, to ask again after a reconnect. */
  readonly #setup = new SessionSetup();
  /** The first open's outcome; later opens are the link's own business. */
  #firstOpen: ((reply: ReplyWith<AsyncProviderSession>) => void) | undefined;

  constructor(options: ProviderLinkOptions) {
    this.#options = {
      retry: { firstMs: 250, maxMs: 5000 }, requestTimeoutMs: 10_000, pingMs: 5000, ...options,
    };
    this.#retryMs = this.#options.retry.firstMs;
  }

  get appUserId(): string { return this.#appUserId; }
  get callManagerRunId(): string { return this.#callManagerRunId; }
  get state(): ProviderSessionState { return this.#shutdown ? 'SHUTDOWN' : 'IN_SERVICE'; }
  /** Whether the link is up now. */
  get connected(): boolean { return this.#open; }

  /** Connects (trying again while the call manager cannot be reached) and opens the provider. */
  openProvider(credentials: ProviderCredentials): Promise<ReplyWith<AsyncProviderSession>> {
    this.#credentials = credentials;
    return new Promise((resolve) => {
      this.#firstOpen = resolve;
      this.#connect();
    });
  }

  /** The call manager's agents, over the link. */
  readonly directory: AgentDirectory = {
    listAgents: async () => {
      const reply = await this.#request('listAgents', {});
      if (!reply.ok) throw new Error(`agents not read over the provider link: ${reply.message}`);
      return ('value' in reply ? reply.value : []) as readonly LinkAgent[];
    },
    onChange: (listener) => {
      this.#directoryListeners.add(listener);
      return () => this.#directoryListeners.delete(listener);
    },
  };

  async observe(request: ObserveRequest): Promise<Reply> {
    const reply = await this.#request('observe', request);
    if (reply.ok) this.#setup.observe(request);
    return reply;
  }

  async registerRoutePoint(request: DeviceRequest): Promise<Reply> {
    const reply = await this.#request('registerRoutePoint', request);
    if (reply.ok) this.#setup.routePoint(request.device);
    return reply;
  }

  async registerMediaTerminal(request: DeviceRequest): Promise<Reply> {
    const reply = await this.#request('registerMediaTerminal', request);
    if (reply.ok) this.#setup.mediaTerminal(request.device);
    return reply;
  }

  onEvent(listener: CallEventListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => { this.#listeners = this.#listeners.filter((l) => l !== listener); };
  }

  knownCall({ callId }: CallRequest): ReplyWith<CallSnapshot> {
    return this.#calls.get(callId) ?? { ok: false, error: 'InvalidArgument', message: `no call ${callId}` };
  }

  /** A call not known yet from events (one a new master takes over) is known from its answer on (`knownCall`). */
  async getCall(r: CallRequest): Promise<ReplyWith<CallSnapshot>> {
    const reply = await this.#request('getCall', r) as ReplyWith<CallSnapshot>;
    if (reply.ok && !this.#calls.has(r.callId)) this.#calls.set(r.callId, reply);
    return reply;
  }
  accept(r: AddressRequest): Promise<Reply> { return this.#request('accept', r); }
  reject(r: AddressRequest): Promise<Reply> { return this.#request('reject', r); }
  redirect(r: RedirectRequest): Promise<Reply> { return this.#request('redirect', r); }
  answer(r: TerminalRequest): Promise<Reply> { return this.#request('answer', r); }
  hold(r: TerminalRequest): Promise<Reply> { return this.#request('hold', r); }
  unhold(r: TerminalRequest): Promise<Reply> { return this.#request('unhold', r); }
  disconnect(r: AddressRequest): Promise<Reply> { return this.#request('disconnect', r); }
  drop(r: CallRequest): Promise<Reply> { return this.#request('drop', r); }
  connect(r: ConnectRequest): Promise<ReplyWith<CallSnapshot>> { return this.#request('connect', r) as Promise<ReplyWith<CallSnapshot>>; }
  consult(r: ConsultRequest): Promise<ReplyWith<CallSnapshot>> { return this.#request('consult', r) as Promise<ReplyWith<CallSnapshot>>; }
  transfer(r: TransferRequest): Promise<Reply> { return this.#request('transfer', r); }
  conference(r: ConferenceRequest): Promise<Reply> { return this.#request('conference', r); }
  routeSelect(r: RouteSelectRequest): Promise<Reply> { return this.#request('routeSelect', r); }
  endRoute(r: AddressRequest): Promise<Reply> { return this.#request('endRoute', r); }
  setCallData(r: CallDataRequest): Promise<Reply> { return this.#request('setCallData', r); }
  sendDtmf(r: DtmfRequest): Promise<Reply> { return this.#request('sendDtmf', r); }

  /** Closes the link for good: the call manager shuts the session down, the calls stay up. */
  shutdown(): void {
    if (this.#shutdown) return;
    this.#shutdown = true;
    clearTimeout(this.#retryTimer);
    this.#lost('the provider is SHUTDOWN');
    this.#ws?.close(1000, 'shutdown');
    this.#listeners = [];
    this.#directoryListeners.clear();
    this.#firstOpen?.(refusal('the provider is SHUTDOWN'));
    this.#firstOpen = undefined;
  }

  #request(method: LinkMethod, params: object): Promise<AnyReply> {
    const ws = this.#ws;
    if (this.#shutdown) return Promise.resolve(refusal('the provider is SHUTDOWN'));
    if (!this.#open || !ws) {
      return Promise.resolve(refusal('the provider link to the call manager is down'));
    }
    return this.#send(ws, method, params);
  }

  #send(ws: WebSocket, method: LinkMethod, params: object): Promise<AnyReply> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve(refusal(`no reply from the call manager to ${method}`));
      }, this.#options.requestTimeoutMs);
      this.#pending.set(id, { resolve, timer, scope: new AsyncResource('PoiseProviderLinkRequest') });
      ws.send(JSON.stringify({ type: 'request', id, method, params }));
    });
  }

  #connect(): void {
    if (this.#shutdown) return;
    const ws = new WebSocket(this.#options.url, { maxPayload: MAX_FRAME_BYTES, handshakeTimeout: 5000 });
    this.#ws = ws;
    let alive = true;
    ws.on('open', () => {
      const credentials = this.#credentials;
      if (credentials) ws.send(encode({ type: 'open', appUser: credentials.appUser, password: credentials.password }));
      this.#pingTimer = setInterval(() => {
        if (!alive) { ws.terminate(); return; }
        alive = false;
        ws.ping();
      }, this.#options.pingMs);
    });
    ws.on('pong', () => { alive = true; });
    ws.on('message', (data: RawData) => {
      alive = true;
      this.#receive(ws, Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'));
    });
    ws.on('error', (err) => this.#options.log.debug({ err }, 'provider link socket error'));
    ws.on('close', () => {
      clearInterval(this.#pingTimer);
      if (this.#ws !== ws) return;
      this.#ws = undefined;
      const wasOpen = this.#open;
      this.#lost('the provider link to the call manager is down');
      if (this.#shutdown) return;
      if (wasOpen) this.#options.log.warn({ url: this.#options.url }, 'provider link lost; reconnecting');
      else if (this.#firstOpen && this.#retryMs === this.#options.retry.firstMs) {
        this.#options.log.warn({ url: this.#options.url }, 'provider link: the call manager is not reachable yet; trying again');
      }
      this.#retryTimer = setTimeout(() => this.#connect(), this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, this.#options.retry.maxMs);
    });
  }

  #lost(reason: string): void {
    this.#open = false;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.resolve(refusal(reason));
    }
  }

  #receive(ws: WebSocket, frame: string): void {
    const message = parseServerFrame(frame);
    if (typeof message === 'string') {
      this.#options.log.warn({ reason: message }, 'provider link: bad frame from the call manager');
      return;
    }
    this.#handle(ws, message);
  }

  #handle(ws: WebSocket, message: ServerMessage): void {
    switch (message.type) {
      case 'opened':
        this.#appUserId = message.appUserId;
        this.#callManagerRunId = message.runId;
        void this.#opened(ws);
        return;
      case 'reply': {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        clearTimeout(pending.timer);
        pending.resolve(message.reply);
        return;
      }
      case 'event': {
        const { event, call, cause } = message;
        this.#calls.set(event.callId, call);
        const scope = cause === undefined ? undefined : this.#pending.get(cause)?.scope;
        if (scope) scope.runInAsyncScope(() => this.#emit(event));
        else this.#emit(event);
        if (event.type === 'CallInvalidEv' || !call.ok) this.#calls.delete(event.callId);
        return;
      }
      case 'directoryChanged':
        for (const listener of this.#directoryListeners) listener();
        return;
      case 'error':
        if (message.condition === 'open-refused') {
          this.#options.log.error({ reason: message.message }, 'provider link: the call manager refused the application user');
          const first = this.#firstOpen;
          if (!first) return; // a reopen refused (the password changed): the back-off goes on
          // refused at the start: wrong configuration, no point trying again
          this.#firstOpen = undefined;
          this.shutdown();
          first({ ok: false, error: 'PrivilegeViolation', message: message.message });
          return;
        }
        this.#options.log.warn({ condition: message.condition, reason: message.message }, 'provider link error');
        return;
    }
  }

  /** The provider is open on this socket: first open, or after a reconnect, everything the engine had again. */
  async #opened(ws: WebSocket): Promise<void> {
    const first = this.#firstOpen;
    if (first) {
      this.#firstOpen = undefined;
      this.#open = true;
      this.#retryMs = this.#options.retry.firstMs;
      this.#options.log.info({ url: this.#options.url, appUser: this.#appUserId }, 'provider link open');
      first({ ok: true, value: this });
      return;
    }
    await Promise.all(this.#setup.requests().map(async ({ method, params, what }) => {
      const reply = await this.#send(ws, method, params);
      if (!reply.ok) this.#options.log.warn({ what, error: reply.error, reason: reply.message }, 'provider link: not set up again');
    }));
    if (this.#ws !== ws) return;
    this.#open = true;
    this.#retryMs = this.#options.retry.firstMs;
    this.#options.log.info({ url: this.#options.url, calls: this.#calls.size }, 'provider link open again');
    await this.#resync(ws);
    // Agents may have changed while the link was down.
    for (const listener of this.#directoryListeners) listener();
  }

  /** A listener that throws is logged; the others and the link go on (as the call model does in-process). */
  #emit(event: CallEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        this.#options.log.error({ err, event: event.type }, 'call event listener failed');
      }
    }
  }

  /** Each call the engine knew, asked for again; what it missed is delivered as events. */
  async #resync(ws: WebSocket): Promise<void> {
    for (const [callId, before] of [...this.#calls]) {
      if (!before.ok) continue;
      const now = await this.getCall({ callId });
      if (this.#ws !== ws || !this.#open) return; // lost again: the next open tries again
      if (this.#calls.get(callId) !== before) continue; // an event about it came in meanwhile
      for (const event of missedEvents(before.value, now, Date.now())) {
        this.#calls.set(callId, now);
        this.#emit(event);
      }
      if (now.ok) this.#calls.set(callId, now);
      else this.#calls.delete(callId);
    }
  }
}
