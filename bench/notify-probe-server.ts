// A notification service with no user directory behind it (every PLAIN sign-in accepted), for looking at what
// sessions cost in memory without a call manager in the picture. Prints its ports as JSON, then serves until
// SIGTERM. Not a Poise configuration: never expose it.
// Usage: node --import tsx [--expose-gc] bench/notify-probe-server.ts [--publisher NAME]
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { createRootLogger } from '../src/shared/logger.ts';
import { NotifyServer } from '../src/notify/notify-server.ts';
import { listenTcp } from '../src/notify/transports/tcp.ts';
import { listenHttp, NotifyWebEndpoints } from '../src/notify/transports/http-server.ts';

const { values } = parseArgs({ options: { publisher: { type: 'string', default: 'load10002' }, domain: { type: 'string', default: 'localhost' } } });
const log = createRootLogger('warn');
const server = new NotifyServer({ domain: values.domain, log, otherPublishers: [values.publisher], authenticate: async () => true });
const tcp = await listenTcp({ host: '127.0.0.1', port: 0, notify: server, log });
const endpoints = new NotifyWebEndpoints(server, log);
const http = await listenHttp({ host: '127.0.0.1', port: 0, endpoints });
process.stdout.write(`${JSON.stringify({ pid: process.pid, c2s: tcp.port, http: http.port })}\n`);
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  process.stderr.write(`${JSON.stringify({ sessions: server.openSessions, ...process.memoryUsage() })}\n`);
  if (process.env.PROBE_HEAP_SNAPSHOT) process.stderr.write(`heap snapshot ${v8.writeHeapSnapshot(process.env.PROBE_HEAP_SNAPSHOT)}\n`);
});
process.on('SIGTERM', () => {
  server.shutdown();
  void Promise.all([endpoints.close(), tcp.close(), http.close()]).then(() => process.exit(0));
});
