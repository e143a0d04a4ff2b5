// The web service's long-lived bridge-mode session to the engine's CTI server (cti.md §4, §9.1, §9.4): opens with
// the masks Finesse uses, sends a heartbeat every 15 s, reconnects with back-off after any loss, and tells its
// listeners when a session opens so they can rebuild what they hold from the engine.
import type { Logger } from '../../shared/logger.ts';
import { CtiClient, type CtiRequest } from '../../engine/cti/client.ts';
import { SystemEventId, type CtiMessage } from '../../engine/cti/codec/index.ts';

/** cti.md §10: CALL_DATA_UPDATE | CLIENT_CONTROL | ALL_EVENTS | SUPERVISOR | CONFIG_EVENTS, plus the Poise extensions (§9.4). */
export const WEB_SERVICES_REQUESTED = 0x40040096;
export const WEB_CALL_MSG_MASK = 0x0007ffff;
export const WEB_AGENT_STATE_MASK = 0x000001ff;
export const WEB_CONFIG_MSG_MASK = 0x0000000f;

const OPEN_TIMEOUT_MS = 5_000;         // §9.1: the client waits 5 s for OPEN_CONF
const REJECTED_RETRY_MS = 10_000;      // §9.1: after a refused OPEN_REQ, wait at least 10 s
const MISSED_HEARTBEATS = 3;           // §9.1: three unanswered in a row reset the session

export interface CtiConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly clientId: string;
  readonly clientPassword: string;
  readonly log: Logger;
  readonly heartbeatMs?: number;       // §9.1: every 15 s whatever the traffic
  readonly idleTimeoutSeconds?: number; // §9.1: 60
  readonly requestTimeoutMs?: number;  // §9.1: 10 s, then the request fails locally
  readonly retryInitialMs?: number;    // first retry after a loss; doubles up to retryMaxMs
  readonly retryMaxMs?: number;
}

/** No session to the engine, or the request got no answer in time (cti-to-finesse.md §3.2: CTI_TIMEOUT). */
export class CtiUnavailableError extends Error {
  constructor(message: string) { super(message); this.name = 'CtiUnavailableError'; }
}

export class CtiConnection {
  readonly #options: CtiConnectionOptions;
  readonly #log: Logger;
  readonly #eventListeners = new Set<(message: CtiMessage) => void>();
  readonly #openListeners = new Set<() => void>();
  #client: CtiClient | undefined;
  #closed = false;
  #failedAttempts = 0;
  #retry: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #missedHeartbeats = 0;
  /** Sessions opened so far; a reconnect makes it grow. */
  opens = 0;

  constructor(options: CtiConnectionOptions) {
    this.#options = options;
    this.#log = options.log.child({ component: 'cti-client', clientId: options.clientId });
  }

  get clientId(): string { return this.#options.clientId; }
  get isOpen(): boolean { return this.#client !== undefined; }

  start(): void { void this.#connect(); }

  /** Every event the engine sends (and replies to no request of ours). */
  onEvent(listener: (message: CtiMessage) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Called after every OPEN_CONF, the first and each reconnect. */
  onOpen(listener: () => void): () => void {
    this.#openListeners.add(listener);
    return () => this.#openListeners.delete(listener);
  }

  /** Resolves once a session is open (at once if one is). */
  whenOpen(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onOpen(() => { off(); resolve(); });
    });
  }

  /** Sends a request on the open session; rejects with CtiUnavailableError when there is none or no answer comes. */
  request(request: CtiRequest): Promise<CtiMessage> {
    return this.send(request).reply;
  }

  /**
   * Like `request`, but also gives the InvokeID at once: the events a request causes carry it
   * (PoiseCauseInvokeID, cti.md §8.3) and may be handled before the reply's continuation runs.
   */
  send(request: CtiRequest): { invokeId: number; reply: Promise<CtiMessage> } {
    const client = this.#client;
    if (!client) return { invokeId: 0, reply: Promise.reject(new CtiUnavailableError('no CTI session to the engine')) };
    const invokeId = client.nextInvokeId;
    return { invokeId, reply: withDeadline(client, client.request(request), this.#options.requestTimeoutMs ?? 10_000) };
  }

  /** A request answered by several replies (cti.md §8.3 More); resolves with all once `last(reply)` holds. */
  requestAll(request: CtiRequest, last: (reply: CtiMessage) => boolean): Promise<CtiMessage[]> {
    const client = this.#client;
    if (!client) return Promise.reject(new CtiUnavailableError('no CTI session to the engine'));
    return withDeadline(client, client.requestAll(request, last), this.#options.requestTimeoutMs ?? 10_000);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#heartbeat);
    const client = this.#client;
    this.#client = undefined;
    if (client) await client.close();
  }

  async #connect(): Promise<void> {
    this.#retry = undefined;
    if (this.#closed) return;
    const { host, port, clientId, clientPassword } = this.#options;
    let client: CtiClient;
    try {
      client = await CtiClient.connect({ host, port });
    } catch (err) {
      this.#log.warn({ err, host, port }, 'CTI server unreachable; retrying');
      return this.#scheduleRetry();
    }
    if (this.#closed) { await client.close(); return; }
    const pump = this.#pump(client);
    let reply: CtiMessage;
    try {
      reply = await withDeadline(client, client.request({
        type: 'OPEN_REQ', versionNumber: 14, idleTimeout: this.#options.idleTimeoutSeconds ?? 60, peripheralId: 0,
        servicesRequested: WEB_SERVICES_REQUESTED, callMsgMask: WEB_CALL_MSG_MASK, agentStateMask: WEB_AGENT_STATE_MASK,
        configMsgMask: WEB_CONFIG_MSG_MASK, reserved1: 0, reserved2: 0, reserved3: 0, clientId, clientPassword,
      }), OPEN_TIMEOUT_MS);
    } catch (err) {
      this.#log.warn({ err }, 'no OPEN_CONF from the CTI server; retrying');
      await client.close();
      return this.#scheduleRetry();
    }
    if (reply.type !== 'OPEN_CONF') {
      this.#log.warn({ reply: reply.type, status: 'status' in reply ? reply.status : undefined }, 'CTI server refused the session');
      await client.close();
      return this.#scheduleRetry(REJECTED_RETRY_MS);
    }
    if (this.#closed) { await client.close(); return; }
    this.#client = client;
    this.#failedAttempts = 0;
    this.#missedHeartbeats = 0;
    this.opens++;
    this.#log.info({ host, port, servicesGranted: reply.servicesGranted }, 'CTI session open');
    this.#heartbeat = setInterval(() => this.#beat(client), this.#options.heartbeatMs ?? 15_000);
    void client.closed.then(() => this.#lost(client));
    void pump;
    for (const listener of this.#openListeners) listener();
  }

  async #pump(client: CtiClient): Promise<void> {
    const closed = client.closed.then(() => undefined);
    for (;;) {
      const message = await Promise.race([client.nextEvent(), closed]);
      if (!message) return;
      if (message.type === 'FAILURE_EVENT'
        || (message.type === 'SYSTEM_EVENT' && message.systemEventId === SystemEventId.SYS_CCX_OFFLINE)) {
        // §9.4: the engine ended this session or lost mastership
        this.#log.warn({ event: message.type }, 'CTI server ended the session');
        void client.close();
        continue;
      }
      for (const listener of this.#eventListeners) {
        try { listener(message); } catch (err) { this.#log.error({ err, event: message.type }, 'CTI event listener failed'); }
      }
    }
  }

  #beat(client: CtiClient): void {
    if (this.#missedHeartbeats >= MISSED_HEARTBEATS) {
      this.#log.warn({ missed: this.#missedHeartbeats }, 'CTI heartbeats unanswered; resetting the session');
      void client.close();
      return;
    }
    this.#missedHeartbeats++;
    withDeadline(client, client.heartbeat(), this.#options.heartbeatMs ?? 15_000).then((reply) => {
      if (reply.type === 'HEARTBEAT_CONF') this.#missedHeartbeats = 0;
      else void client.close(); // §9.1: a FAILURE_CONF to a heartbeat resets the session
    }, () => undefined);
  }

  #lost(client: CtiClient): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    clearInterval(this.#heartbeat);
    if (this.#closed) return;
    this.#log.warn('CTI session lost; reconnecting');
    this.#scheduleRetry();
  }

  #scheduleRetry(atLeastMs = 0): void {
    if (this.#closed) return;
    const initial = this.#options.retryInitialMs ?? 1_000;
    const max = this.#options.retryMaxMs ?? 10_000;
    // Even the first retry waits: a session taken over by another client with our ClientID (FAILURE_EVENT 11)
    // must not turn into two clients replacing each other as fast as they can.
    const backoff = Math.min(max, initial * 2 ** this.#failedAttempts);
    this.#failedAttempts++;
    this.#retry = setTimeout(() => void this.#connect(), Math.max(backoff, atLeastMs));
  }
}

/** The reply, or CtiUnavailableError when the deadline passes or the session closes first. */
function withDeadline<T>(client: CtiClient, reply: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CtiUnavailableError(`no CTI answer in ${ms} ms`)), ms);
  });
  const lost = client.closed.then(() => { throw new CtiUnavailableError('CTI session lost'); });
  return Promise.race([reply, deadline, lost]).finally(() => clearTimeout(timer));
}
