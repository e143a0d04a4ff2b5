// Serves a browser test page and Strophe.js's browser bundle on 127.0.0.1, from a server of their own, so the page
// talks BOSH cross-origin as a desktop served by another host does.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `page`: the HTML file (its URL); the page loads Strophe from `/strophe.js`. */
export async function serveStrophePage(page: URL): Promise<{ server: Server; url: string }> {
  const html = await readFile(fileURLToPath(page));
  const strophePackage = path.dirname(fileURLToPath(import.meta.resolve('strophe.js/package.json')));
  const bundle = await readFile(path.join(strophePackage, 'dist', 'strophe.umd.min.js'));
  const server = createServer((req, res) => {
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (req.url === '/strophe.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
