// The notification service's HTTP listeners: 7071 in the clear and 7443 over TLS, each serving BOSH at
// /http-bind and WebSocket at /ws, as Finesse serves both on its Openfire HTTP ports (notifications.md §1, X1),
// and the event-tunnel page at /tunnel/ (§13).
// Both listeners share one set of endpoints, so a BOSH session is the same object whichever port created it.
import http from 'node:http';
import https from 'node:https';
import type { Logger } from '../../shared/logger.ts';
import type { NotifyServer } from '../notify-server.ts';
import { BoshEndpoint } from './bosh/http-bind.ts';
import { XmppWebSocketEndpoint } from './websocket.ts';
import { listenOn } from '../../shared/listen.ts';
import { serveTunnel } from './tunnel-page.ts';

/** The handlers behind every HTTP listener of the service; closed once, after the listeners. */
export class NotifyWebEndpoints {
  readonly bosh: BoshEndpoint;
  readonly ws: XmppWebSocketEndpoint;

  constructor(notify: NotifyServer, log: Logger) {
    this.bosh = new BoshEndpoint(notify, log);
    this.ws = new XmppWebSocketEndpoint(notify, log);
  }

  async close(): Promise<void> {
    this.bosh.close();
    await this.ws.close();
  }
}

export interface NotifyHttpListener {
  readonly port: number;
  readonly secure: boolean;
  close(): Promise<void>;
}

const BOSH_PATHS = new Set(['/http-bind', '/http-bind/']);
const WS_PATHS = new Set(['/ws', '/ws/']);

export async function listenHttp(options: {
  host: string; port: number; endpoints: NotifyWebEndpoints;
  /** Given: HTTPS (7443) with this certificate, the one the TLS c2s port uses. */
  tls?: { cert: string; key: string };
}): Promise<NotifyHttpListener> {
  const { bosh, ws } = options.endpoints;
  const onRequest: http.RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (BOSH_PATHS.has(path)) return bosh.handle(req, res);
    if (serveTunnel(path, req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  };
  const server: http.Server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : http.createServer(onRequest);
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!WS_PATHS.has(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  // A TLS handshake that fails (an untrusted certificate, a port scan) costs only that connection.
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  const port = await listenOn(server, options.port, options.host);
  return {
    port,
    secure: options.tls !== undefined,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
