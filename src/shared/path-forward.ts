// Web's side of a service that runs in another process (Live Data, the notification service): every request under
// the paths a route claims, HTTP and the WebSocket upgrade alike, goes on to that service's own port. The bytes are
// piped, never parsed.
import { request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** Connection-level headers: they describe one hop, so they are not passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;
export interface ForwardLog { warn(fields: object, message: string): void }

/** Where requests go, and which: `route` maps a public URL to the target's path, undefined for the server's own. */
export interface ForwardRoute {
  target: { host: string; port: number };
  route: (url: string | undefined) => string | undefined;
  /** The service forwarded to, for the log and the 502 answer. */
  service: string;
}

/**
 * Serves the paths `route` claims on `server` by forwarding them to `target`; the other requests reach the
 * server's own handler as before. The returned function stops forwarding and closes the open WebSocket tunnels.
 */
export function forwardPaths(server: Server, { target, route, service }: ForwardRoute, log: ForwardLog): () => void {
  const tunnels = new Set<Duplex>();
  const own = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const path = route(request.url);
    if (path === undefined) { for (const listener of own) listener.call(server, request, response); return; }
    const upstream = httpRequest({
      host: target.host, port: target.port, method: request.method, path, headers: forwardedHeaders(request),
    }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.on('error', () => response.destroy());
      answer.pipe(response);
    });
    // A client gone mid-poll ends the upstream poll too, so the service sees it gone.
    response.on('close', () => { if (!response.writableFinished) upstream.destroy(); });
    request.on('error', () => upstream.destroy());
    upstream.on('error', (err) => {
      log.warn({ err: err.message, target }, `${service} not reachable from web`);
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end(response.headersSent ? undefined : JSON.stringify({ error: { code: 'unavailable', message: `${service} is not reachable` } }));
    });
    request.pipe(upstream);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = route(request.url);
    if (path === undefined) return;                              // not ours: whoever else listens answers it
    const upstream = net.connect(target.port, target.host);
    tunnels.add(socket); tunnels.add(upstream);
    let connected = false;
    const drop = () => {
      if (!tunnels.has(socket)) return;                          // already dropped, or answered 502 and ending
      socket.destroy(); upstream.destroy(); tunnels.delete(socket); tunnels.delete(upstream);
    };
    upstream.once('connect', () => {
      connected = true;
      const headers = { ...forwardedHeaders(request), connection: 'Upgrade', upgrade: request.headers.upgrade ?? 'websocket' };
      const lines = Object.entries(headers).flatMap(([name, value]) =>
        value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`));
      upstream.write(`${request.method ?? 'GET'} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', (err) => {
      log.warn({ err: err.message, target }, `${service} not reachable from web`);
      if (connected || !socket.writable) return drop();
      tunnels.delete(socket); tunnels.delete(upstream);
      socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    });
    socket.on('error', drop);
    socket.on('close', drop);
    upstream.on('close', drop);
  };

  server.on('request', onRequest);
  server.on('upgrade', onUpgrade);
  return () => {
    server.removeListener('request', onRequest);
    server.removeListener('upgrade', onUpgrade);
    for (const listener of own) server.on('request', listener);
    for (const tunnel of tunnels) tunnel.destroy();
    tunnels.clear();
  };
}

function forwardedHeaders(request: IncomingMessage): Record<string, string | string[] | undefined> {
  const headers = withoutHopByHop(request.headers);
  const from = request.socket.remoteAddress;
  const earlier = request.headers['x-forwarded-for'];
  if (from) headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${from}` : from;
  return headers;
}

function withoutHopByHop(headers: IncomingMessage['headers']): Record<string, string | string[] | undefined> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}
