// A loopback TCP proxy a test can cut and restore, to take a real broker "away" from one client without touching
// the broker itself (which other clients share).
import net from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Drops every proxied connection and stops accepting new ones. */
  cut(): Promise<void>;
  /** A silent partition: connections, old and new, stay open but nothing crosses in either direction until thaw(). */
  freeze(): void;
  thaw(): void;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  const makeServer = () => net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client); sockets.add(upstream);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    if (frozen) { client.pause(); upstream.pause(); } else { client.pipe(upstream); upstream.pipe(client); }
    const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); pairs.delete(pair); };
    client.on('error', drop); upstream.on('error', drop); client.on('close', drop); upstream.on('close', drop);
  });
  let server = makeServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    cut: stop,
    freeze() {
      frozen = true;
      for (const [client, upstream] of pairs) { client.unpipe(upstream); upstream.unpipe(client); client.pause(); upstream.pause(); }
    },
    thaw() {
      frozen = false;
      for (const [client, upstream] of pairs) { client.pipe(upstream); upstream.pipe(client); }
    },
    async restore() {
      server = makeServer();
      await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', resolve); });
    },
    async close() { if (server.listening) await stop(); else for (const socket of sockets) socket.destroy(); },
  };
}
