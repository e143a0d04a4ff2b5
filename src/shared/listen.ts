import type { Server } from 'node:net';

/** Starts `server` listening and resolves with the port it bound (the real one when asked for port 0). */
export async function listenOn(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}
