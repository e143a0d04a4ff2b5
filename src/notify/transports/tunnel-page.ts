// The hidden event-tunnel page on the notification service's HTTP ports (desktop-and-gadgets.md §1, §4.3;
// notifications.md §13): `/tunnel/` is a bare HTML page that loads `/tunnel/EventTunnel.js`, the `tunnel` bundle.
// It runs on this origin so that its BOSH or WebSocket connection is same-origin.
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import { bundleFile } from '../../shared/desktop-dist.ts';

const TUNNEL_PAGE = '<!doctype html>\n<html><head><meta charset="utf-8"><title>Poise event tunnel</title></head>' +
  '<body><script src="/tunnel/EventTunnel.js"></script></body></html>\n';

// The container embeds the page from another origin; nothing else may frame it or run inline script in it.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': "default-src 'self'; connect-src 'self' ws: wss:",
  'x-content-type-options': 'nosniff',
};

/** Answers the tunnel's two URLs; false when `path` is neither, for the caller to go on. */
export function serveTunnel(path: string, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (path === '/tunnel') {
    res.writeHead(301, { location: '/tunnel/' }).end();
    return true;
  }
  if (path !== '/tunnel/' && path !== '/tunnel/EventTunnel.js') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
    return true;
  }
  if (path === '/tunnel/') {
    res.writeHead(200, PAGE_HEADERS).end(req.method === 'HEAD' ? undefined : TUNNEL_PAGE);
    return true;
  }
  readFile(bundleFile('tunnel')).then(
    (script) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' })
      .end(req.method === 'HEAD' ? undefined : script),
    // A node whose desktop was never built still serves XMPP; say what is missing.
    () => res.writeHead(404, { 'content-type': 'text/plain' }).end('tunnel bundle not built (npm run build:desktop)\n'),
  );
  return true;
}
