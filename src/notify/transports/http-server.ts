// The notification service's HTTP listener (7071): BOSH at /http-bind and WebSocket at /ws, as Finesse serves
// both on its Openfire HTTP port (notifications.md §1, X1).
import http from 'node:http';
import type { Logger } from '../../shared/logger.ts';
import type { NotifyServer } from '../notify-server.ts';
import { BoshEndpoint } from './bosh/http-bind.ts';
import { XmppWebSocketEndpoint } from './websocket.ts';
import { listenOn } from '../../shared/listen.ts';

export interface NotifyHttpListener {
  readonly port: number;
  readonly bosh: BoshEndpoint;
  close(): Promise<void>;
}

const BOSH_PATHS = new Set(['/http-bind', '/http-bind/']);
const WS_PATHS = new Set(['/ws', '/ws/']);

export async function listenHttp(options: { host: string; port: number; notify: NotifyServer; log: Logger }): Promise<NotifyHttpListener> {
  const bosh = new BoshEndpoint(options.notify, options.log);
  const ws = new XmppWebSocketEndpoint(options.notify, options.log);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (BOSH_PATHS.has(path)) return bosh.handle(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!WS_PATHS.has(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  const port = await listenOn(server, options.port, options.host);
  return {
    port,
    bosh,
    async close() {
      bosh.close();
      await ws.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
