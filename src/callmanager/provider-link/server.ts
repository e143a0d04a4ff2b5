// The provider link's listener (ARCHITECTURE.md: JTAPI between engine and call manager, JSON over WebSocket,
// port 2748): one LinkConnection per socket; a bad frame or a refused open concerns that link alone.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../../shared/logger.ts';
import type { TelephonyProvider } from '../provider/provider.ts';
import { encode } from './codec.ts';
import { LinkConnection } from './link-connection.ts';
import { MAX_FRAME_BYTES, type LinkAgent } from './messages.ts';

/** A link that has not opened the provider by then is closed (policy violation). */
const OPEN_WITHIN_MS = 30_000;

export interface ProviderLinkServerOptions {
  readonly provider: TelephonyProvider;
  readonly agents: () => Promise<readonly LinkAgent[]>;
  /** Called after any change to users or devices; returns the unsubscribe function. */
  readonly onDirectoryChange: (listener: () => void) => () => void;
  readonly host: string;
  readonly port: number;
  readonly log: Logger;
  /** A ping to every link this often; one that missed two pongs is dropped, its session shut down (default 5 s). */
  readonly pingMs?: number;
}

export class ProviderLinkServer {
  readonly #options: ProviderLinkServerOptions;
  readonly #connections = new Set<LinkConnection>();
  #wss: WebSocketServer | undefined;
  #unwatch: (() => void) | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  /** Links that answered since the last ping. */
  readonly #alive = new WeakSet<WebSocket>();
  #next = 0;

  constructor(options: ProviderLinkServerOptions) {
    this.#options = options;
  }

  /** Starts listening; resolves with the port. */
  async listen(): Promise<number> {
    const { host, port } = this.#options;
    const wss = new WebSocketServer({ host, port, maxPayload: MAX_FRAME_BYTES });
    this.#wss = wss;
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    wss.on('connection', (ws) => this.#connection(ws));
    // An engine whose node vanished without closing its socket would hold its route points forever.
    this.#heartbeat = setInterval(() => {
      for (const ws of wss.clients) {
        if (!this.#alive.has(ws)) { ws.terminate(); continue; }
        this.#alive.delete(ws);
        ws.ping();
      }
    }, this.#options.pingMs ?? 5000);
    wss.on('error', (err) => this.#options.log.error({ err }, 'provider link listener error'));
    this.#unwatch = this.#options.onDirectoryChange(() => {
      for (const connection of this.#connections) connection.directoryChanged();
    });
    return (wss.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.#unwatch?.();
    clearInterval(this.#heartbeat);
    const wss = this.#wss;
    if (!wss) return;
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  #connection(ws: WebSocket): void {
    const log = this.#options.log.child({ link: ++this.#next });
    const connection = new LinkConnection({
      send: (text) => ws.send(text),
      close: (code, reason) => ws.close(code, reason),
    }, { provider: this.#options.provider, agents: this.#options.agents, log });
    this.#connections.add(connection);
    this.#alive.add(ws);
    ws.on('pong', () => this.#alive.add(ws));
    const unopened = setTimeout(() => {
      if (connection.appUserId !== undefined) return;
      ws.send(encode({ type: 'error', condition: 'not-open', message: `no open within ${OPEN_WITHIN_MS / 1000} s` }));
      ws.close(1008, 'no open');
    }, OPEN_WITHIN_MS);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.send(encode({ type: 'error', condition: 'bad-message', message: 'text frames only' }));
        return;
      }
      this.#alive.add(ws);
      connection.receive(rawText(data));
    });
    // ws closes the socket itself on a frame over maxPayload (close code 1009).
    ws.on('error', (err) => log.warn({ err }, 'provider link socket error'));
    ws.on('close', () => {
      clearTimeout(unopened);
      this.#connections.delete(connection);
      if (connection.appUserId) log.info({ appUser: connection.appUserId }, 'provider link closed: session shut down');
      connection.closed();
    });
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
