// A CTI client (cti.md §4, §9.1): connects, opens a session, sends requests with InvokeIDs counted from 1 and
// resolves each with its reply; events go to `onEvent` and wait in a queue for `nextEvent`. The tests use it,
// and the web service will. Heartbeats are the caller's to send (`heartbeat()`), so tests never wait on timers.
import net from 'node:net';
import {
  AgentStateMask, CallMsgMask, FrameDecoder, Service, VERSION_NUMBER, encode, type CtiFailure, type CtiMessage,
  type CtiMessageOf,
} from './codec/index.ts';

/** Requests: the messages a client sends, without the InvokeID the client assigns. */
type Outgoing = Extract<CtiMessage, { invokeId: number }>;
type WithoutInvokeId<M> = M extends unknown ? Omit<M, 'invokeId'> : never;
export type CtiRequest = WithoutInvokeId<Outgoing>;

export interface CtiClientOptions {
  readonly host: string;
  readonly port: number;
  readonly clientId: string;
  readonly clientPassword?: string;
  readonly idleTimeout?: number;
  readonly servicesRequested?: number;
  readonly callMsgMask?: number;
  readonly agentStateMask?: number;
  readonly configMsgMask?: number;
  /** Agent mode (servicesRequested CLIENT_EVENTS): the agent and its line (cti.md §4.1). */
  readonly agentId?: string;
  readonly agentInstrument?: string;
}

const ALL_CALL_EVENTS = Object.values(CallMsgMask).reduce((a, b) => a | b, 0);
const ALL_AGENT_STATES = Object.values(AgentStateMask).reduce((a, b) => a | b, 0);

export class CtiClient {
  readonly #socket: net.Socket;
  readonly #decoder = new FrameDecoder({ role: 'client' });
  readonly #pending = new Map<number, (reply: CtiMessage) => void>();
  /** Requests answered by several replies: the collector says when the last one came. */
  readonly #multi = new Map<number, (reply: CtiMessage) => boolean>();
  readonly #events: CtiMessage[] = [];
  readonly #waiters: ((m: CtiMessage) => void)[] = [];
  #nextInvokeId = 1;
  /** Decoding failures of what the server sent; a correct server leaves this empty. */
  readonly failures: CtiFailure[] = [];
  readonly closed: Promise<void>;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      const { messages, error } = this.#decoder.push(chunk);
      if (error) this.failures.push(error);
      for (const m of messages) this.#receive(m);
    });
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  static async connect(options: { host: string; port: number }): Promise<CtiClient> {
    const socket = net.connect({ host: options.host, port: options.port });
    await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    return new CtiClient(socket);
  }

  /** Connects and opens a session (bridge mode unless asked otherwise); resolves with OPEN_CONF or the FAILURE_CONF. */
  static async open(options: CtiClientOptions): Promise<{ client: CtiClient; reply: CtiMessage }> {
    const client = await CtiClient.connect(options);
    const reply = await client.request({
      type: 'OPEN_REQ', versionNumber: VERSION_NUMBER, idleTimeout: options.idleTimeout ?? 60, peripheralId: 0,
      servicesRequested: options.servicesRequested ?? (Service.ALL_EVENTS | Service.CLIENT_CONTROL),
      callMsgMask: options.callMsgMask ?? ALL_CALL_EVENTS, agentStateMask: options.agentStateMask ?? ALL_AGENT_STATES,
      configMsgMask: options.configMsgMask ?? 0, reserved1: 0, reserved2: 0, reserved3: 0,
      clientId: options.clientId, clientPassword: options.clientPassword ?? '',
      ...(options.agentId === undefined ? {} : { agentId: options.agentId }),
      ...(options.agentInstrument === undefined ? {} : { agentInstrument: options.agentInstrument, agentExtension: options.agentInstrument }),
    });
    return { client, reply };
  }

  /** Sends a request with the next InvokeID; resolves with the reply that echoes it. */
  request(request: CtiRequest): Promise<CtiMessage> {
    const invokeId = this.#nextInvokeId;
    this.#nextInvokeId = this.#nextInvokeId >= 0xffffffff ? 1 : this.#nextInvokeId + 1;
    const message = { ...request, invokeId } as Outgoing;  // spreading drops the union's link to invokeId
    return new Promise((resolve) => {
      this.#pending.set(invokeId, resolve);
      this.#socket.write(encode(message));
    });
  }

  /**
   * Sends a request answered by several replies with its InvokeID (POISE_QUERY_CSQ_STATISTICS_CONF, cti.md §8.3);
   * resolves with all of them once `last(reply)` holds.
   */
  requestAll(request: CtiRequest, last: (reply: CtiMessage) => boolean): Promise<CtiMessage[]> {
    const invokeId = this.#nextInvokeId;
    const replies: CtiMessage[] = [];
    return new Promise((resolve) => {
      this.#multi.set(invokeId, (m) => {
        replies.push(m);
        if (!last(m)) return false;
        resolve(replies);
        return true;
      });
      void this.request(request); // its first reply goes to #multi, which is checked first
    });
  }

  /** The InvokeID the next request will carry, so a caller can file it before the reply (and its events) arrive. */
  get nextInvokeId(): number { return this.#nextInvokeId; }

  /** Sends a message that no reply echoes an InvokeID of (CONFIG_REQUEST_EVENT, cti.md §8.1); what follows are events. */
  post(message: CtiMessage): void { this.#socket.write(encode(message)); }

  heartbeat(): Promise<CtiMessage> { return this.request({ type: 'HEARTBEAT_REQ' }); }

  /** Raw bytes, for tests of malformed input. */
  writeRaw(bytes: Buffer): void { this.#socket.write(bytes); }

  /** The next event (or unsolicited reply) not yet taken. */
  nextEvent(): Promise<CtiMessage> {
    const ready = this.#events.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Takes events until one of `type` arrives (optionally matching `where`); returns it and what came before. */
  async waitFor<T extends CtiMessage['type']>(
    type: T, where: (m: CtiMessageOf<T>) => boolean = () => true,
  ): Promise<{ event: CtiMessageOf<T>; before: CtiMessage[] }> {
    const before: CtiMessage[] = [];
    for (;;) {
      const m = await this.nextEvent();
      if (m.type === type && where(m as CtiMessageOf<T>)) return { event: m as CtiMessageOf<T>, before };
      before.push(m);
    }
  }

  /** Events received and not yet taken. */
  get queued(): readonly CtiMessage[] { return this.#events; }

  close(): Promise<void> {
    this.#socket.end();
    return this.closed;
  }

  /**
   * Resets the TCP connection without waiting for the server (cti.md §9.1: no OPEN_CONF, three unanswered
   * heartbeats). A server that no longer reads would never answer the FIN of `close()`.
   */
  reset(): Promise<void> {
    this.#socket.resetAndDestroy();
    return this.closed;
  }

  #receive(m: CtiMessage): void {
    const invokeId = 'invokeId' in m ? m.invokeId : undefined;
    const collect = invokeId === undefined ? undefined : this.#multi.get(invokeId);
    if (collect && invokeId !== undefined) {
      if (collect(m)) {
        this.#multi.delete(invokeId);
        this.#pending.delete(invokeId);
      }
      return;
    }
    const resolve = invokeId === undefined ? undefined : this.#pending.get(invokeId);
    if (resolve && invokeId !== undefined) {
      this.#pending.delete(invokeId);
      return resolve(m);
    }
    const waiter = this.#waiters.shift();
    if (waiter) waiter(m);
    else this.#events.push(m);
  }
}
