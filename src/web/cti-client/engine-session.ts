// One engine address's session (cti.md §4, §9.1, §9.4): connects, opens with the masks Finesse uses plus the Poise
// extensions, sends a heartbeat every 15 s, reconnects with back-off after any loss. The engine's OPEN_CONF says
// whether this is a full session (PeripheralOnline 1, the master) or a standby one (0); a standby session that
// hears SYSTEM_EVENT 3 is reopened at once as a full one. CtiConnection (connection.ts) picks among these.
import type { Logger } from '../../shared/logger.ts';
import { CtiClient } from '../../engine/cti/client.ts';
import { SystemEventId, type CtiMessage } from '../../engine/cti/codec/index.ts';

/** cti.md §10: CALL_DATA_UPDATE | CLIENT_CONTROL | ALL_EVENTS | SUPERVISOR | CONFIG_EVENTS, plus the Poise extensions (§9.4). */
export const WEB_SERVICES_REQUESTED = 0x40040096;
export const WEB_CALL_MSG_MASK = 0x0007ffff;
export const WEB_AGENT_STATE_MASK = 0x000001ff;
export const WEB_CONFIG_MSG_MASK = 0x0000000f;

const OPEN_TIMEOUT_MS = 5_000;         // §9.1: the client waits 5 s for OPEN_CONF
const CLOSE_TIMEOUT_MS = 5_000;        // §9.1: and 5 s for the end of a session it closes, then resets TCP
const REJECTED_RETRY_MS = 10_000;      // §9.1: after a refused OPEN_REQ, wait at least 10 s
const MISSED_HEARTBEATS = 3;           // §9.1: three unanswered in a row reset the session

export interface EngineAddress { readonly host: string; readonly port: number }

export interface EngineSessionOptions {
  readonly clientId: string;
  readonly clientPassword: string;
  readonly log: Logger;
  readonly heartbeatMs?: number;       // §9.1: every 15 s whatever the traffic
  readonly idleTimeoutSeconds?: number; // §9.1: 60
  readonly retryInitialMs?: number;    // first retry after a loss; doubles up to retryMaxMs
  readonly retryMaxMs?: number;
}

export interface EngineSessionListener {
  /** OPEN_CONF: `active` when the engine is master (PeripheralOnline 1). */
  opened(session: EngineSession, active: boolean): void;
  lost(session: EngineSession): void;
  /** An event on a full session (SYSTEM_EVENTs 3 and 4 are handled here). */
  event(session: EngineSession, message: CtiMessage): void;
}

/** No session to the engine, or the request got no answer in time (cti-to-finesse.md §3.2: CTI_TIMEOUT). */
export class CtiUnavailableError extends Error {
  constructor(message: string) { super(message); this.name = 'CtiUnavailableError'; }
}

export class EngineSession {
  readonly address: EngineAddress;
  readonly #options: EngineSessionOptions;
  readonly #listener: EngineSessionListener;
  readonly #log: Logger;
  #client: CtiClient | undefined;
  #active = false;
  /** ServicesGranted of the open session's OPEN_CONF (cti.md §4.2); 0 while none is open. */
  servicesGranted = 0;
  #closed = false;
  #failedAttempts = 0;
  #retry: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #missedHeartbeats = 0;
  /** Set when a standby session closes to come back as a full one: no back-off then. */
  #reopenAtOnce = false;

  constructor(address: EngineAddress, options: EngineSessionOptions, listener: EngineSessionListener) {
    this.address = address;
    this.#options = options;
    this.#listener = listener;
    this.#log = options.log.child({ engine: `${address.host}:${address.port}` });
  }

  /** The open session's client, full or standby. */
  get client(): CtiClient | undefined { return this.#client; }
  get isActive(): boolean { return this.#client !== undefined && this.#active; }

  start(): void { void this.#connect(); }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#heartbeat);
    const client = this.#client;
    this.#client = undefined;
    if (client) await closeWithin(client, CLOSE_TIMEOUT_MS);
  }

  async #connect(): Promise<void> {
    this.#retry = undefined;
    if (this.#closed) return;
    const { host, port } = this.address;
    const { clientId, clientPassword } = this.#options;
    let client: CtiClient;
    try {
      client = await CtiClient.connect({ host, port });
    } catch (err) {
      this.#log.warn({ err, host, port }, 'CTI server unreachable; retrying');
      return this.#scheduleRetry();
    }
    if (this.#closed) { await client.close(); return; }
    let reply: CtiMessage;
    try {
      reply = await withDeadline(client, client.request({
        type: 'OPEN_REQ', versionNumber: 14, idleTimeout: this.#options.idleTimeoutSeconds ?? 60, peripheralId: 0,
        servicesRequested: WEB_SERVICES_REQUESTED, callMsgMask: WEB_CALL_MSG_MASK, agentStateMask: WEB_AGENT_STATE_MASK,
        configMsgMask: WEB_CONFIG_MSG_MASK, reserved1: 0, reserved2: 0, reserved3: 0, clientId, clientPassword,
      }), OPEN_TIMEOUT_MS);
    } catch (err) {
      this.#log.warn({ err }, 'no OPEN_CONF from the CTI server; retrying');
      await client.reset();
      return this.#scheduleRetry();
    }
    if (reply.type !== 'OPEN_CONF') {
      this.#log.warn({ reply: reply.type, status: 'status' in reply ? reply.status : undefined }, 'CTI server refused the session');
      await client.reset();
      return this.#scheduleRetry(REJECTED_RETRY_MS);
    }
    if (this.#closed) { await client.close(); return; }
    this.#client = client;
    this.#active = reply.peripheralOnline;
    this.servicesGranted = reply.servicesGranted;
    this.#failedAttempts = 0;
    this.#missedHeartbeats = 0;
    this.#log.info({ servicesGranted: reply.servicesGranted, active: this.#active }, 'CTI session open');
    this.#heartbeat = setInterval(() => this.#beat(client), this.#options.heartbeatMs ?? 15_000);
    void client.closed.then(() => this.#lost(client));
    // Events wait in the client's queue until now, so none is judged before we know whether the session is full.
    void this.#pump(client);
    this.#listener.opened(this, this.#active);
  }

  async #pump(client: CtiClient): Promise<void> {
    const closed = client.closed.then(() => undefined);
    for (;;) {
      const message = await Promise.race([client.nextEvent(), closed]);
      if (!message) return;
      if (message.type === 'SYSTEM_EVENT' && message.systemEventId === SystemEventId.SYS_CCX_ONLINE && !this.#active
          && this.#client === client) {
        // §9.4 step 3: this engine became master; close the standby session and reopen it as a full one.
        this.#log.info('engine became master; reopening as a full session');
        this.#failedAttempts = 0;
        this.#reopenAtOnce = true;
        void client.request({ type: 'CLOSE_REQ', status: 0 }).catch(() => undefined);
        void client.close();
        continue;
      }
      if (message.type === 'FAILURE_EVENT'
        || (message.type === 'SYSTEM_EVENT' && message.systemEventId === SystemEventId.SYS_CCX_OFFLINE && this.#active)) {
        // §9.4: the engine ended this session or lost mastership
        this.#log.warn({ event: message.type }, 'CTI server ended the session');
        void client.close();
        continue;
      }
      if (this.#active && this.#client === client) this.#listener.event(this, message);
    }
  }

  #beat(client: CtiClient): void {
    if (this.#missedHeartbeats >= MISSED_HEARTBEATS) {
      this.#log.warn({ missed: this.#missedHeartbeats }, 'CTI heartbeats unanswered; resetting the session');
      void client.reset();
      return;
    }
    this.#missedHeartbeats++;
    withDeadline(client, client.heartbeat(), this.#options.heartbeatMs ?? 15_000).then((reply) => {
      if (reply.type === 'HEARTBEAT_CONF') this.#missedHeartbeats = 0;
      else void client.reset(); // §9.1: a FAILURE_CONF to a heartbeat resets the session
    }, () => undefined);
  }

  #lost(client: CtiClient): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#active = false;
    this.servicesGranted = 0;
    clearInterval(this.#heartbeat);
    this.#listener.lost(this);
    if (this.#closed) return;
    if (this.#reopenAtOnce) {
      this.#reopenAtOnce = false;
      this.#retry = setTimeout(() => void this.#connect(), 0);
      return;
    }
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

/** Ends the connection; an engine that has not closed its side within `ms` (hung, or cut off) gets a reset. */
async function closeWithin(client: CtiClient, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), ms); });
  const outcome = await Promise.race([client.close().then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') await client.reset();
}

/** The reply, or CtiUnavailableError when the deadline passes or the session closes first. */
export function withDeadline<T>(client: CtiClient, reply: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CtiUnavailableError(`no CTI answer in ${ms} ms`)), ms);
  });
  const lost = client.closed.then(() => { throw new CtiUnavailableError('CTI session lost'); });
  return Promise.race([reply, deadline, lost]).finally(() => clearTimeout(timer));
}
