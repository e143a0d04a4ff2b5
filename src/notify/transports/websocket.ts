// XMPP over WebSocket (RFC 7395, notifications.md §7): one complete element per text frame, `<open/>` and
// `<close/>` in the framing namespace. A thin adapter onto the same sessions as TCP.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../../shared/logger.ts';
import { parseXml } from '../../shared/xml/index.ts';
import { NS } from '../xmpp/namespaces.ts';
import { StreamError } from '../xmpp/stream-error.ts';
import type { NotifyServer } from '../notify-server.ts';
import type { SessionTransport } from '../session/transport.ts';
import type { XmppSession } from '../session/session.ts';
import { LazyConnectionLog } from '../session/connection-log.ts';

/** Strophe string-compares this byte for byte (R7). */
export const WS_CLOSE = '<close xmlns="urn:ietf:params:xml:ns:xmpp-framing" />';

export interface WebSocketLimits {
  /** Largest frame accepted (§11: 64 KiB); a bigger one is a policy-violation stream error. */
  maxFrameBytes: number;
  /** Ping frame after this much silence, drop after three times as much (§10: 30 s, 90 s). */
  idleMs: number;
}

export const DEFAULT_WEBSOCKET_LIMITS: WebSocketLimits = { maxFrameBytes: 64 * 1024, idleMs: 30_000 };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class XmppWebSocketEndpoint {
  readonly #wss: WebSocketServer;
  #nextConn = 0;

  constructor(private readonly notify: NotifyServer, private readonly log: Logger, private readonly limits = DEFAULT_WEBSOCKET_LIMITS) {
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: limits.maxFrameBytes * 4, // ws's own hard cap; our smaller limit answers with a stream error
      handleProtocols: (protocols) => (protocols.has('xmpp') ? 'xmpp' : false), // RFC 7395 §3.1: echo `xmpp`
    });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#connection(ws));
  }

  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #connection(ws: WebSocket): void {
    const log = new LazyConnectionLog(this.log, { conn: `ws-${++this.#nextConn}`, transport: 'websocket' });
    let ended = false;
    let lastActivity = Date.now();
    const transport: SessionTransport = {
      kind: 'websocket',
      openStream: (streamId) => ws.send(`<open xmlns='${NS.framing}' from='${this.notify.domain}' id='${streamId}' version='1.0' xml:lang='en'/>`),
      send: (xml) => { if (!ended) ws.send(xml); },
      queuedBytes: () => ws.bufferedAmount,
      restart: () => {}, // every frame is a whole document; the client's next <open/> restarts
      end(streamErrorXml) {
        if (ended) return;
        ended = true;
        if (streamErrorXml !== undefined) ws.send(streamErrorXml); // its own frame, before <close/> (§7)
        ws.send(WS_CLOSE);
        ws.close(1000);
      },
    };
    const session = this.notify.openSession(transport, log);
    const keepalive = setInterval(() => {
      const idle = Date.now() - lastActivity;
      if (idle >= 3 * this.limits.idleMs) ws.terminate();
      else if (idle >= this.limits.idleMs) ws.ping();
    }, this.limits.idleMs);
    ws.on('pong', () => { lastActivity = Date.now(); });
    ws.on('message', (data, isBinary) => {
      lastActivity = Date.now();
      this.#frame(session, data, isBinary);
    });
    ws.on('error', (err) => log.debug({ err }, 'websocket error'));
    ws.on('close', () => {
      clearInterval(keepalive);
      this.notify.forgetSession(session);
    });
  }

  #frame(session: XmppSession, data: RawData, isBinary: boolean): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
    if (bytes.length > this.limits.maxFrameBytes) return session.fail(new StreamError('policy-violation', 'frame too large'));
    if (isBinary) return session.fail(new StreamError('bad-format', 'binary frame')); // RFC 7395 §3.2: UTF-8 text
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return session.fail(new StreamError('unsupported-encoding'));
    }
    const parsed = parseXml(text, { maxDepth: 33, maxElements: 10_000 });
    if (!parsed.ok) return session.fail(new StreamError(parsed.error.condition));
    const element = parsed.root;
    const framing = element.attrs.xmlns === NS.framing;
    if (framing && element.getName() === 'open') {
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(element.attrs)) if (typeof v === 'string') attrs[k] = v;
      return session.receive({ type: 'open', attrs });
    }
    if (framing && element.getName() === 'close') return session.receive({ type: 'close' });
    session.receive({ type: 'stanza', element });
  }
}
