// The CTI client's ways out (cti.md §9.1): close() ends the connection and waits for the server to close its side;
// reset() drops it at once, for a server that no longer answers and would never close its side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { CtiClient } from '../../../src/engine/cti/client.ts';

/** A server that reads but never answers nor closes its side, even after the client's FIN: a hung engine. */
async function hungServer(): Promise<{ port: number; accepted: Promise<net.Socket>; close(): void }> {
  const sockets: net.Socket[] = [];
  let accept: (socket: net.Socket) => void = () => {};
  const accepted = new Promise<net.Socket>((resolve) => { accept = resolve; });
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    accept(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port, accepted,
    close() { for (const s of sockets) s.destroy(); server.close(); },
  };
}

// The timeouts only keep a regression from hanging the run; nothing here waits on a timer.
test('reset() drops the connection without the server closing its side; the server sees it go', { timeout: 10_000 }, async () => {
  const server = await hungServer();
  try {
    const client = await CtiClient.connect({ host: '127.0.0.1', port: server.port });
    const socket = await server.accepted;
    void client.heartbeat().catch(() => undefined); // never answered
    await once(socket, 'data');
    const gone = new Promise((resolve) => socket.on('close', resolve)); // after ECONNRESET, mostly
    await client.reset();
    await gone;
  } finally {
    server.close();
  }
});

test('reset() after close() still drops the connection the server leaves half-open', { timeout: 10_000 }, async () => {
  const server = await hungServer();
  try {
    const client = await CtiClient.connect({ host: '127.0.0.1', port: server.port });
    const socket = await server.accepted;
    const ended = once(socket, 'end');
    const closing = client.close(); // the FIN goes out; the server never answers it
    await ended;
    await client.reset();
    await closing;
  } finally {
    server.close();
  }
});
