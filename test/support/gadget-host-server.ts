// A stand-in "external" host for gadget tests: an HTTP server on 127.0.0.1 that serves the files it is given,
// answers a few special paths, and records every request it receives (to prove a refused one never arrived).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';

export interface RecordedRequest { method: string; url: string; headers: IncomingMessage['headers']; body: string }

export interface GadgetHostServer {
  server: Server;
  origin: string;
  /** host:port, as the allow-list names it. */
  hostPort: string;
  requests: RecordedRequest[];
  files: Map<string, { type: string; body: string }>;
  close(): Promise<void>;
}

/**
 * Paths: a file from `files`; `/echo` answers 201 with the request as JSON and set-cookie, location and custom
 * headers; `/redirect?to=` answers 302; `/large?bytes=` a body of that size; anything else 404.
 */
export async function startGadgetHost(files: Record<string, string> = {}): Promise<GadgetHostServer> {
  const requests: RecordedRequest[] = [];
  const table = new Map(Object.entries(files).map(([path, body]) => [path, {
    type: path.endsWith('.xml') ? 'application/xml' : path.endsWith('.js') ? 'text/javascript' : 'text/html', body,
  }]));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/echo') {
        res.writeHead(201, {
          'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], location: '/echo/1', 'x-custom': 'yes',
          ...(typeof req.headers.requestid === 'string' ? { requestid: req.headers.requestid } : {}),
        });
        return res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
      }
      if (url.pathname === '/redirect') {
        res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
        return res.end();
      }
      if (url.pathname === '/large') return res.writeHead(200).end(Buffer.alloc(Number(url.searchParams.get('bytes')), 120));
      const file = table.get(url.pathname);
      if (!file) return res.writeHead(404).end('not here');
      res.writeHead(200, { 'content-type': `${file.type}; charset=utf-8` }).end(file.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return {
    server, origin: `http://127.0.0.1:${address.port}`, hostPort: `127.0.0.1:${address.port}`, requests, files: table,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
