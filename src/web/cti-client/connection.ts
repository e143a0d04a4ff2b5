// The web service's link to the engines' CTI servers (cti.md §9.4): one EngineSession per configured address, full
// or standby as each engine answers; requests and events go through the active (master) one only. Listeners hear
// of each new active session, the first and after every loss or move, so they can rebuild what they hold.
import type { Logger } from '../../shared/logger.ts';
import type { CtiRequest } from '../../engine/cti/client.ts';
import type { CtiMessage } from '../../engine/cti/codec/index.ts';
import { CtiUnavailableError, EngineSession, withDeadline, type EngineAddress } from './engine-session.ts';

export { CtiUnavailableError, WEB_AGENT_STATE_MASK, WEB_CALL_MSG_MASK, WEB_CONFIG_MSG_MASK, WEB_SERVICES_REQUESTED } from './engine-session.ts';

export interface CtiConnectionOptions {
  /** The engine, when there is one; `engines` lists both of a pair (§9.4) and wins when given. */
  readonly host?: string;
  readonly port?: number;
  readonly engines?: readonly EngineAddress[];
  readonly clientId: string;
  readonly clientPassword: string;
  readonly log: Logger;
  readonly heartbeatMs?: number;
  readonly idleTimeoutSeconds?: number;
  readonly requestTimeoutMs?: number;  // §9.1: 10 s, then the request fails locally
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
}

export class CtiConnection {
  readonly #options: CtiConnectionOptions;
  readonly #log: Logger;
  readonly #sessions: EngineSession[];
  readonly #eventListeners = new Set<(message: CtiMessage) => void>();
  readonly #openListeners = new Set<() => void>();
  readonly #closeListeners = new Set<() => void>();
  #active: EngineSession | undefined;
  /** Active sessions opened so far; a reconnect or a move to the other engine makes it grow. */
  opens = 0;

  constructor(options: CtiConnectionOptions) {
    this.#options = options;
    this.#log = options.log.child({ component: 'cti-client', clientId: options.clientId });
    const engines = options.engines ?? (options.host === undefined ? [] : [{ host: options.host, port: options.port ?? 12018 }]);
    if (engines.length === 0) throw new Error('CtiConnection needs at least one engine address');
    const sessionOptions = { ...options, log: this.#log };
    this.#sessions = engines.map((address) => new EngineSession(address, sessionOptions, {
      opened: (session, active) => { if (active) this.#activate(session); },
      lost: (session) => this.#lost(session),
      event: (session, message) => { if (session === this.#active) this.#emit(message); },
    }));
  }

  get clientId(): string { return this.#options.clientId; }
  get isOpen(): boolean { return this.#active?.isActive ?? false; }
  /** ServicesGranted of the active session's OPEN_CONF (cti.md §4.2); 0 while none is open. */
  get servicesGranted(): number { return this.#active?.isActive ? this.#active.servicesGranted : 0; }
  /** The engine in use, `host:port`; undefined while none is. */
  get activeEngine(): string | undefined {
    return this.#active ? `${this.#active.address.host}:${this.#active.address.port}` : undefined;
  }

  start(): void { for (const session of this.#sessions) session.start(); }

  /** Every event the active engine sends (and replies to no request of ours). */
  onEvent(listener: (message: CtiMessage) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Called after every OPEN_CONF of an active session, the first and each reconnect or move. */
  onOpen(listener: () => void): () => void {
    this.#openListeners.add(listener);
    return () => this.#openListeners.delete(listener);
  }

  /** Called when the active session is lost and no other engine serves (SystemInfo goes OUT_OF_SERVICE). */
  onClose(listener: () => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  /** Resolves once a session is open (at once if one is). */
  whenOpen(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onOpen(() => { off(); resolve(); });
    });
  }

  /** Sends a request on the active session; rejects with CtiUnavailableError when there is none or no answer comes. */
  request(request: CtiRequest): Promise<CtiMessage> {
    return this.send(request).reply;
  }

  /**
   * Like `request`, but also gives the InvokeID at once: the events a request causes carry it
   * (PoiseCauseInvokeID, cti.md §8.3) and may be handled before the reply's continuation runs.
   */
  send(request: CtiRequest): { invokeId: number; reply: Promise<CtiMessage> } {
    const client = this.#active?.isActive ? this.#active.client : undefined;
    if (!client) return { invokeId: 0, reply: Promise.reject(new CtiUnavailableError('no CTI session to the engine')) };
    const invokeId = client.nextInvokeId;
    return { invokeId, reply: withDeadline(client, client.request(request), this.#options.requestTimeoutMs ?? 10_000) };
  }

  /** Sends a message without an InvokeID (CONFIG_REQUEST_EVENT, cti.md §8.1) on the active session; false when none is open. */
  post(message: CtiMessage): boolean {
    const client = this.#active?.isActive ? this.#active.client : undefined;
    client?.post(message);
    return client !== undefined;
  }

  /** A request answered by several replies (cti.md §8.3 More); resolves with all once `last(reply)` holds. */
  requestAll(request: CtiRequest, last: (reply: CtiMessage) => boolean): Promise<CtiMessage[]> {
    const client = this.#active?.isActive ? this.#active.client : undefined;
    if (!client) return Promise.reject(new CtiUnavailableError('no CTI session to the engine'));
    return withDeadline(client, client.requestAll(request, last), this.#options.requestTimeoutMs ?? 10_000);
  }

  async close(): Promise<void> {
    this.#active = undefined;
    await Promise.all(this.#sessions.map((s) => s.close()));
  }

  #activate(session: EngineSession): void {
    if (this.#active?.isActive && this.#active !== session) {
      // Two engines both claim mastership: keep the one in use until it goes (§9.4 has one master at a time).
      this.#log.warn({ engine: session.address }, 'a second engine reports itself master; staying on the first');
      return;
    }
    this.#active = session;
    this.opens++;
    this.#log.info({ engine: session.address }, 'CTI: using this engine');
    for (const listener of this.#openListeners) listener();
  }

  #lost(session: EngineSession): void {
    if (session !== this.#active) return;
    this.#active = undefined;
    // §9.4 step 2: move to another engine already serving as master, else wait for one to report SYSTEM_EVENT 3.
    const next = this.#sessions.find((s) => s !== session && s.isActive);
    if (next) return this.#activate(next);
    for (const listener of this.#closeListeners) listener();
  }

  #emit(message: CtiMessage): void {
    for (const listener of this.#eventListeners) {
      try { listener(message); } catch (err) { this.#log.error({ err, event: message.type }, 'CTI event listener failed'); }
    }
  }
}
