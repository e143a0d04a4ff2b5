// Ports free on every given loopback address at once, for processes that take their ports as flags (a pair's two
// nodes use the same ports on two addresses). The kernel picks each; a port is checked free on the other addresses.
import net from 'node:net';

export async function freePorts(count: number, hosts: readonly string[] = ['127.0.0.1']): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await listenAndClose(hosts[0]!, 0);
    if (ports.includes(port)) continue;
    let freeEverywhere = true;
    for (const host of hosts.slice(1)) {
      if (await listenAndClose(host, port).then(() => false, () => true)) freeEverywhere = false;
    }
    if (freeEverywhere) ports.push(port);
  }
  return ports;
}

function listenAndClose(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}
