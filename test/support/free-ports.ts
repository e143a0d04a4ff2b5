// Ports free on every given loopback address at once, for processes that take their ports as flags (a pair's two
// nodes use the same ports on two addresses). They are drawn below the kernel's ephemeral range (32768–60999 on
// Linux): a port the kernel picked would be free again once checked, and another test binding port 0 could be
// handed it before the process that was told to use it starts.
import net from 'node:net';

const LOWEST = 20000;
const HIGHEST = 32767;

export async function freePorts(count: number, hosts: readonly string[] = ['127.0.0.1']): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (ports.includes(port)) continue;
    let freeEverywhere = true;
    for (const host of hosts) {
      if (await listenAndClose(host, port).then(() => false, () => true)) freeEverywhere = false;
    }
    if (freeEverywhere) ports.push(port);
  }
  return ports;
}

function listenAndClose(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
