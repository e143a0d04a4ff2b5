// Web's side of the notification service when it runs on another node (notifications.md §1: "`web` forwards `/ws/`
// and `/http-bind/` on 8082/8445 to `notify`", and the tunnel page is on 8445 too). A split web node serves no
// 7071/7443 of its own, so desktops and finesse.js reach BOSH, WebSocket and the tunnel through web's ports.
import type { Server } from 'node:http';
import { forwardPaths, type ForwardLog } from '../shared/path-forward.ts';

const PREFIXES = ['/http-bind', '/ws', '/tunnel'];

/** `/http-bind`, `/ws` and `/tunnel` with what follows (`/…`, `?…`): the same path on notify; else undefined. */
export function notifyTargetPath(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return PREFIXES.some((prefix) => url.startsWith(prefix) && /^($|[/?])/.test(url.slice(prefix.length))) ? url : undefined;
}

/** Serves those paths on `server` by forwarding to notify's plain HTTP port at `target`; returns the function that stops it. */
export function forwardNotify(server: Server, target: { host: string; port: number }, log: ForwardLog): () => void {
  return forwardPaths(server, { target, route: notifyTargetPath, service: 'The notification service' }, log);
}
