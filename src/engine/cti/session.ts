// One CTI client connection (cti.md §4, §9.1, §9.2): frames in through the codec's FrameDecoder, OPEN_REQ
// first, then requests; every failure answered in the protocol's form, and a stream that cannot resynchronise
// closed. The idle timer is owned here and cleared in close().
import type { Socket } from 'node:net';
import type { Clock, TimerHandle } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import { CtiFailure, CtiStatus, FrameDecoder, encode, type CtiMessage, type CtiMessageOf } from './codec/index.ts';

/** §9.2: more malformed messages than this in a minute close the session. */
const MALFORMED_LIMIT = 5;
const MALFORMED_WINDOW_MS = 60_000;

export interface SessionMasks {
  readonly services: number;
  readonly callMsgMask: number;
  readonly agentStateMask: number;
  /** ConfigMsgMask (§4.6): the configuration kinds a CONFIG_EVENTS session may be sent. */
  readonly configMsgMask?: number;
  /** Agent mode (§9.3): the agent and line whose events the session gets. */
  readonly agentId?: string;
  readonly instrument?: string;
}

export interface SessionHandler {
  /** OPEN_REQ: the reply (OPEN_CONF or FAILURE_CONF) and the masks granted, or undefined when refused. */
  open(session: CtiSession, request: CtiMessageOf<'OPEN_REQ'>): { reply: CtiMessage; masks?: SessionMasks; after?: CtiMessage[] };
  request(session: CtiSession, request: CtiMessage): void;
  closed(session: CtiSession): void;
}

export class CtiSession {
  readonly #socket: Socket;
  readonly #decoder: FrameDecoder;
  readonly #clock: Clock;
  readonly #handler: SessionHandler;
  readonly log: Logger;
  #masks: SessionMasks | undefined;
  #clientId: string | undefined;
  #idleMs = 0;
  #idleTimer: TimerHandle | undefined;
  #malformed: number[] = [];
  #closed = false;

  constructor(socket: Socket, deps: { clock: Clock; handler: SessionHandler; log: Logger }) {
    this.#socket = socket;
    this.#clock = deps.clock;
    this.#handler = deps.handler;
    this.log = deps.log;
    this.#decoder = new FrameDecoder({ role: 'server' });
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (err) => this.log.debug({ err }, 'cti socket error'));
    socket.on('close', () => this.close());
  }

  get masks(): SessionMasks | undefined { return this.#masks; }
  get clientId(): string | undefined { return this.#clientId; }
  get isOpen(): boolean { return this.#masks !== undefined && !this.#closed; }

  send(message: CtiMessage): void {
    if (this.#closed || this.#socket.destroyed) return;
    this.#socket.write(encode(message));
  }

  /** Sends a last message (FAILURE_EVENT, FAILURE_CONF) and ends the connection. */
  fail(message: CtiMessage): void {
    this.send(message);
    this.close();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    this.#socket.end();
    this.#socket.destroySoon?.();
    this.#handler.closed(this);
  }

  #onData(chunk: Buffer): void {
    this.#touch();
    let result = this.#decoder.push(chunk);
    for (;;) {
      for (const message of result.messages) {
        if (this.#closed) return;
        this.#dispatch(message);
      }
      if (!result.error || this.#closed) return;
      this.#malformedInput(result.error);
      if (this.#closed) return;
      result = this.#decoder.push(); // continue after the bad message (frame-decoder.ts)
    }
  }

  #dispatch(message: CtiMessage): void {
    if (!this.#masks) {
      if (message.type !== 'OPEN_REQ') {
        // §9.2: anything but OPEN_REQ before OPEN_CONF → FAILURE_CONF 4 and close
        const invokeId = 'invokeId' in message ? message.invokeId : 0;
        this.fail({ type: 'FAILURE_CONF', invokeId, status: CtiStatus.SESSION_NOT_OPEN, text: 'OPEN_REQ expected' });
        return;
      }
      const { reply, masks, after } = this.#handler.open(this, message);
      if (!masks) return this.fail(reply);
      this.#masks = masks;
      this.#clientId = message.clientId;
      this.#idleMs = message.idleTimeout * 1000;
      this.send(reply);
      for (const m of after ?? []) this.send(m);
      this.#touch();
      return;
    }
    switch (message.type) {
      case 'OPEN_REQ':
        this.send({ type: 'FAILURE_CONF', invokeId: message.invokeId, status: CtiStatus.SESSION_ALREADY_OPEN });
        return;
      case 'HEARTBEAT_REQ':
        this.send({ type: 'HEARTBEAT_CONF', invokeId: message.invokeId });
        return;
      case 'CLOSE_REQ':
        this.fail({ type: 'CLOSE_CONF', invokeId: message.invokeId });
        return;
      default:
        this.#handler.request(this, message);
    }
  }

  /** §9.2: a bad length closes; an unknown type is FAILURE_EVENT 2; a bad body FAILURE_CONF with its status. */
  #malformedInput(error: CtiFailure): void {
    this.log.warn({ status: error.status, messageType: error.messageType, reason: error.message }, 'malformed CTI input');
    if (error.fatal) return this.fail({ type: 'FAILURE_EVENT', status: error.status, text: error.message.slice(0, 254) });
    const now = this.#clock.now();
    this.#malformed = [...this.#malformed.filter((t) => now - t < MALFORMED_WINDOW_MS), now];
    if (this.#malformed.length > MALFORMED_LIMIT) {
      return this.fail({ type: 'FAILURE_EVENT', status: CtiStatus.BAD_MESSAGE_FORMAT, text: 'too many malformed messages' });
    }
    if (!this.#masks) {
      // before OPEN_CONF nothing but a well-formed OPEN_REQ is acceptable (§9.2)
      return this.fail({ type: 'FAILURE_CONF', invokeId: error.invokeId ?? 0, status: CtiStatus.SESSION_NOT_OPEN, text: error.message.slice(0, 254) });
    }
    if (error.invokeId !== undefined && error.status !== CtiStatus.INVALID_MESSAGE_TYPE) {
      this.send({ type: 'FAILURE_CONF', invokeId: error.invokeId, status: error.status, text: error.message.slice(0, 254) });
    } else {
      this.send({ type: 'FAILURE_EVENT', status: error.status, text: error.message.slice(0, 254) });
    }
  }

  /** §9.1: the engine silently resets a session idle for IdleTimeout. */
  #touch(): void {
    if (this.#idleMs <= 0 || this.#closed) return;
    this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = this.#clock.setTimeout(() => {
      this.#idleTimer = undefined;
      this.log.info('cti session idle: closed');
      this.#socket.destroy();
      this.close();
    }, this.#idleMs);
  }
}
