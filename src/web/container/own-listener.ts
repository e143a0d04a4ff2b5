// This node's own web listener, as bound: where the gadget server sends a request for a relative URL (a spec
// under /3rdpartygadget/, a path given to makeRequest). Read at request time, because tests bind port 0 and a
// node may bind one address rather than all.
import type { FastifyInstance } from 'fastify';

export function ownListenerOrigin(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('the web listener is not bound');
  const scheme = app.initialConfig.https ? 'https' : 'http';
  const host = address.address === '0.0.0.0' ? '127.0.0.1'
    : address.address === '::' ? '[::1]'
      : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${host}:${address.port}`;
}
