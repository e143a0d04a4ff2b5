// What the session model needs from a transport (TCP, WebSocket, BOSH): each is a thin adapter that frames
// what the session sends, as Prosody's mod_websocket and mod_bosh reuse the c2s sessions.

export type TransportKind = 'tcp' | 'websocket' | 'bosh';

export interface SessionTransport {
  readonly kind: TransportKind;
  /** The server's stream header (TCP), `<open/>` (WebSocket) or session attributes (BOSH); again after a restart. */
  openStream(streamId: string): void;
  /** One serialised top-level element. */
  send(xml: string): void;
  /** Bytes accepted by `send` and not yet written: the session closes a reader this far behind. */
  queuedBytes(): number;
  /** The next bytes start a new stream (RFC 6120 §4.3.3): TCP resets its parser. */
  restart(): void;
  /** True while STARTTLS may be offered: TCP on 5222 with a configured certificate, before TLS (§8). */
  canStartTls?(): boolean;
  /** Sends `<proceed/>` and begins the TLS handshake; the next bytes start a new stream (RFC 6120 §5.4.3.3). */
  startTls?(): void;
  /** Ends the stream (with the stream error first, if any) and then the connection. Idempotent. */
  end(streamErrorXml?: string): void;
}
