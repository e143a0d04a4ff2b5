// The standby's side of replication: connects to the peer's endpoint, proves the cluster secret, checks the
// master's proof in its snapshot, and keeps the copy up to date from the deltas. Any break (the master died, it
// went standby, a message failed its check) closes the link and a new one is tried after `retryMs`, for as long
// as this engine is standby; the copy keeps the last state it was sure of meanwhile.
import { WebSocket } from 'ws';
import type { Logger } from '../../shared/logger.ts';
import {
  CloseCode, utf8Text, decodeMasterMessage, encodeMessage, isSupportedVersion, newNonce, proofMatches, proofOf,
} from './codec.ts';
import { REPLICA_FORMAT_VERSION } from './replica-state.ts';
import type { ReplicaCopy } from './replica-copy.ts';

export interface ReplicationClientOptions {
  readonly url: string;
  readonly secret: string | undefined;
  readonly copy: ReplicaCopy;
  readonly log: Logger;
  /** Wait before the next try after a link ends; default 500 ms. */
  readonly retryMs?: number;
  /** Largest frame accepted: a snapshot of every agent and call; default 256 MiB. */
  readonly maxPayload?: number;
  /** Nothing heard for this long (the master pings every 5 s): the link is dead, connect again; default 15 s. */
  readonly silenceMs?: number;
}

export class ReplicationClient {
  readonly #options: ReplicationClientOptions;
  #ws: WebSocket | undefined;
  #retry: NodeJS.Timeout | undefined;
  #running = false;
  /** True while a link has delivered a verified snapshot and is following the deltas. */
  #following = false;

  constructor(options: ReplicationClientOptions) { this.#options = options; }

  get following(): boolean { return this.#following; }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#connect();
  }

  /** Stops following: the copy stays as it is (a take-over applies it). */
  stop(): void {
    this.#running = false;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#following = false;
    this.#ws?.terminate();
    this.#ws = undefined;
  }

  #connect(): void {
    const { copy, log } = this.#options;
    const ws = new WebSocket(this.#options.url, { maxPayload: this.#options.maxPayload ?? 256 * 1024 * 1024, handshakeTimeout: 5000 });
    this.#ws = ws;
    copy.expectSnapshot();
    const nonce = newNonce();
    let masterNonce: string | undefined;
    let silence: NodeJS.Timeout | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        log.warn('replication link silent; connecting again');
        ws.terminate();
      }, this.#options.silenceMs ?? 15_000);
    };
    ws.on('open', heard);
    ws.on('ping', heard);
    const secret = this.#options.secret ?? '';
    const drop = (code: number, reason: string) => {
      log.warn({ code, reason }, 'replication link refused');
      ws.close(code, reason);
    };
    ws.on('message', (data, isBinary) => {
      if (ws !== this.#ws) return;
      heard();
      const text = isBinary ? undefined : utf8Text(data);
      const decoded = text === undefined ? { ok: false as const, error: 'not a text frame' } : decodeMasterMessage(text);
      if (!decoded.ok) return drop(CloseCode.BAD_MESSAGE, decoded.error.slice(0, 120));
      const message = decoded.message;
      switch (message.type) {
        case 'hello':
          if (masterNonce !== undefined) return drop(CloseCode.BAD_MESSAGE, 'hello twice');
          if (!isSupportedVersion(message.version)) return drop(CloseCode.WRONG_VERSION, `format version ${REPLICA_FORMAT_VERSION} only`);
          if (message.role !== 'master') return; // the peer closes: it is standby too
          masterNonce = message.nonce;
          ws.send(encodeMessage({
            type: 'subscribe', version: REPLICA_FORMAT_VERSION, nonce, proof: proofOf(secret, 'subscribe', masterNonce, nonce),
          }));
          return;
        case 'snapshot':
          if (masterNonce === undefined || this.#following) return drop(CloseCode.BAD_MESSAGE, 'snapshot out of turn');
          if (!isSupportedVersion(message.version)) return drop(CloseCode.WRONG_VERSION, `format version ${REPLICA_FORMAT_VERSION} only`);
          if (!proofMatches(secret, 'snapshot', masterNonce, nonce, message.proof)) return drop(CloseCode.WRONG_SECRET, 'wrong cluster secret');
          copy.applySnapshot(message.seq, message.state);
          this.#following = true;
          log.info({ seq: message.seq, agents: message.state.agents.length, calls: message.state.calls.length }, 'replication snapshot taken');
          return;
        case 'delta': {
          if (!this.#following) return drop(CloseCode.BAD_MESSAGE, 'delta before snapshot');
          const { type: _type, seq, ...delta } = message;
          const applied = copy.applyDelta(seq, delta);
          if (!applied.ok) drop(CloseCode.OUT_OF_ORDER, applied.error);
          return;
        }
      }
    });
    ws.on('error', (err) => log.debug({ err }, 'replication link failed'));
    ws.on('close', (code, reason) => {
      clearTimeout(silence);
      if (ws !== this.#ws) return;
      if (this.#following) log.info({ code, reason: reason.toString() }, 'replication link lost');
      this.#following = false;
      this.#ws = undefined;
      copy.expectSnapshot();
      if (this.#running) this.#retry = setTimeout(() => { this.#retry = undefined; if (this.#running) this.#connect(); }, this.#options.retryMs ?? 500);
    });
  }
}
