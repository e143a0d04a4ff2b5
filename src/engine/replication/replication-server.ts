// The replication endpoint on POISE_ENGINE_REPLICATION_PORT (WebSocket). Every connection hears `hello` with
// this engine's role: a standby's endpoint says so and closes; the master waits for a `subscribe` proving the
// cluster secret, answers with its snapshot and then sends each delta. A peer that sends anything else, proves
// nothing, or reads too slowly is closed alone; the copy it would have received is not touched.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../shared/logger.ts';
import {
  CloseCode, utf8Text, decodeStandbyMessage, encodeMessage, isSupportedVersion, newNonce, proofMatches, proofOf,
} from './codec.ts';
import { REPLICA_FORMAT_VERSION } from './replica-state.ts';
import type { NumberedDelta, ReplicationSource } from './replication-source.ts';

export interface ReplicationServerOptions {
  readonly host: string;
  readonly port: number;
  /** The cluster secret; undefined: an empty one (any peer that speaks the protocol is served). */
  readonly secret: string | undefined;
  readonly log: Logger;
  /** A subscriber with more than this many bytes unsent is closed; it comes back for a new snapshot. */
  readonly maxQueuedBytes?: number;
  /** A connection that has not subscribed after this long is closed. */
  readonly handshakeMs?: number;
  /** Largest frame accepted from a peer: a subscribe is a few hundred bytes. */
  readonly maxPayload?: number;
  /** A ping to every subscriber this often, so a standby notices a link that died without a close; default 5 s. */
  readonly pingMs?: number;
}


export class ReplicationServer {
  readonly #options: ReplicationServerOptions;
  #wss: WebSocketServer | undefined;
  #source: ReplicationSource | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #subscribers = new Set<WebSocket>();
  #nextConnection = 1;
  #port: number | undefined;
  #pings: NodeJS.Timeout | undefined;

  constructor(options: ReplicationServerOptions) { this.#options = options; }

  async listen(): Promise<number> {
    const wss = new WebSocketServer({ host: this.#options.host, port: this.#options.port, maxPayload: this.#options.maxPayload ?? 16 * 1024 });
    this.#wss = wss;
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    wss.on('error', (err) => this.#options.log.error({ err }, 'replication endpoint failed'));
    wss.on('connection', (ws, request) => this.#accept(ws, request.socket.remoteAddress));
    this.#pings = setInterval(() => { for (const ws of this.#subscribers) ws.ping(); }, this.#options.pingMs ?? 5000);
    this.#pings.unref();
    this.#port = (wss.address() as AddressInfo).port;
    return this.#port;
  }

  /** The port listened on, once listening. */
  get port(): number | undefined { return this.#port; }

  get role(): 'master' | 'standby' { return this.#source ? 'master' : 'standby'; }
  get subscriberCount(): number { return this.#subscribers.size; }

  /** Master: serve `source`. Standby (undefined): every subscriber is closed; new peers hear that this is standby. */
  serve(source: ReplicationSource | undefined): void {
    if (source === this.#source) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    for (const ws of this.#subscribers) ws.close(CloseCode.STANDBY, 'this engine is standby');
    this.#subscribers.clear();
    this.#source = source;
  }

  /** Closes every connection at once, without a word to the peers (also how a test kills a master uncleanly). */
  async close(): Promise<void> {
    this.serve(undefined);
    clearInterval(this.#pings);
    const wss = this.#wss;
    if (!wss) return;
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  #accept(ws: WebSocket, remote: string | undefined): void {
    const log = this.#options.log.child({ replication: this.#nextConnection++, remote });
    const nonce = newNonce();
    const role = this.role;
    ws.send(encodeMessage({ type: 'hello', version: REPLICA_FORMAT_VERSION, role, nonce }));
    if (role === 'standby') {
      ws.close(CloseCode.STANDBY, 'this engine is standby');
      return;
    }
    const refuse = (code: number, reason: string) => {
      log.warn({ code, reason }, 'replication peer refused');
      ws.close(code, reason);
    };
    const timer = setTimeout(() => refuse(CloseCode.BAD_MESSAGE, 'no subscribe in time'), this.#options.handshakeMs ?? 5000);
    ws.on('close', () => {
      clearTimeout(timer);
      this.#subscribers.delete(ws);
      if (this.#subscribers.size === 0) {
        this.#unsubscribe?.();
        this.#unsubscribe = undefined;
      }
    });
    ws.on('error', (err) => log.warn({ err }, 'replication connection failed'));
    ws.once('message', (data, isBinary) => {
      clearTimeout(timer);
      const text = isBinary ? undefined : utf8Text(data);
      const decoded = text === undefined ? { ok: false as const, error: 'not a UTF-8 text frame' } : decodeStandbyMessage(text);
      if (!decoded.ok) return refuse(CloseCode.BAD_MESSAGE, decoded.error.slice(0, 120));
      const subscribe = decoded.message;
      if (!isSupportedVersion(subscribe.version)) return refuse(CloseCode.WRONG_VERSION, `format version ${REPLICA_FORMAT_VERSION} only`);
      const secret = this.#options.secret ?? '';
      if (!proofMatches(secret, 'subscribe', nonce, subscribe.nonce, subscribe.proof)) return refuse(CloseCode.WRONG_SECRET, 'wrong cluster secret');
      const source = this.#source;
      if (!source || ws.readyState !== ws.OPEN) return refuse(CloseCode.STANDBY, 'this engine is standby');
      // later frames from a subscriber are a protocol violation
      ws.on('message', () => refuse(CloseCode.BAD_MESSAGE, 'nothing is expected after subscribe'));
      this.#unsubscribe ??= source.subscribe((delta) => this.#fanOut(delta));
      const { seq, state } = source.snapshot();
      ws.send(encodeMessage({
        type: 'snapshot', version: REPLICA_FORMAT_VERSION, seq, takenAt: Date.now(), state,
        proof: proofOf(secret, 'snapshot', nonce, subscribe.nonce),
      }));
      this.#subscribers.add(ws);
      log.info({ seq, agents: state.agents.length, calls: state.calls.length, contacts: state.contacts.length }, 'standby subscribed');
    });
  }

  #fanOut(delta: NumberedDelta): void {
    const text = encodeMessage({ type: 'delta', ...delta });
    const limit = this.#options.maxQueuedBytes ?? 64 * 1024 * 1024;
    for (const ws of this.#subscribers) {
      if (ws.bufferedAmount > limit) {
        this.#subscribers.delete(ws);
        ws.close(CloseCode.TOO_SLOW, 'too far behind; subscribe again');
        continue;
      }
      ws.send(text);
    }
  }
}
