// Web's side of Live Data when Live Data runs in another process (desktop-and-gadgets.md §6.2: `web` also forwards
// `/livedata/socket.io/`): every request under that path, HTTP long-polling and the WebSocket upgrade alike, goes
// on to Live Data's own port, where the service answers at `/socket.io/`.
import type { Server } from 'node:http';
import { forwardPaths, type ForwardLog } from '../../shared/path-forward.ts';

const PUBLIC_PATH = '/livedata/socket.io';
const TARGET_PATH = '/socket.io';

/** `/livedata/socket.io/…?q` → `/socket.io/…?q`; undefined for every other path. */
export function livedataTargetPath(url: string | undefined): string | undefined {
  if (!url?.startsWith(PUBLIC_PATH)) return undefined;
  const rest = url.slice(PUBLIC_PATH.length);
  return rest === '' || rest.startsWith('/') || rest.startsWith('?') ? TARGET_PATH + rest : undefined;
}

/** Serves `/livedata/socket.io` on `server` by forwarding to Live Data at `target`; returns the function that stops it. */
export function forwardLivedata(server: Server, target: { host: string; port: number }, log: ForwardLog): () => void {
  return forwardPaths(server, { target, route: livedataTargetPath, service: 'Live Data' }, log);
}
