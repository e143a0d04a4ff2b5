// Start-up time: from spawning `node --import tsx src/cli.ts` (what `npm start` runs) to the node printing that
// every listener is up. Runs once on an empty data directory (first start: database created, demo seeded,
// certificate made) and then three times on the same directory (a warm start).
// Usage: npm run bench:startup
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const LISTENERS = [
  'CALLMANAGER', 'CALLMANAGER_HTTP', 'XMPP', 'XMPP_TLS', 'BOSH', 'BOSH_HTTPS', 'CTI', 'WEB', 'WEB_HTTPS', 'LIVEDATA', 'PROVIDER',
];

async function startOnce(dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, POISE_DATA_DIR: dataDir, POISE_LOG_LEVEL: 'warn', POISE_DEMO_PASSWORD: 'bench-pass',
  };
  for (const name of LISTENERS) env[`POISE_${name}_PORT`] = String(await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'), env, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const elapsed = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Poise node started')) resolve(performance.now() - started);
    });
    child.on('exit', (code) => reject(new Error(`node exited with ${code} before it was ready:\n${out}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return elapsed;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-startup-'));
try {
  const first = await startOnce(dataDir);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await startOnce(dataDir));
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(JSON.stringify({
    firstStartSec: +(first / 1000).toFixed(2),
    warmStartSec: warm.map((ms) => +(ms / 1000).toFixed(2)),
  }));
  console.log(`first start (empty data dir): ${fmt(first)}; warm starts: ${warm.map(fmt).join(', ')}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
