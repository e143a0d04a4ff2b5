// The client side of bench/livedata-fanout.ts, in its own process so the clients do not share the server's CPU:
// N Socket.IO clients (WebSocket), client i signed in as supervisor benchsup<(i mod teams)+1>, each subscribed to its
// team's Agent State Detail and to the CSQ Summary. Measures, per agent row whose state start changed, the delay
// from the engine's state change (the row's stateSince, same host clock) to the client receiving it.
//   (spawned by the bench)  tsx bench/support/livedata-clients.ts <port> <clients> <teams> <seconds>
import { io, type Socket } from 'socket.io-client';
import { percentile } from '../../src/shared/percentiles.ts';

const [port, clientCount, teams, seconds] = process.argv.slice(2).map(Number) as [number, number, number, number];
const delays: number[] = [];
let rowsEvents = 0;
let rowUpdates = 0;
let measuring = false;

const sockets: Socket[] = [];
for (let i = 0; i < clientCount; i++) {
  const supervisor = `benchsup${(i % teams) + 1}`;
  const socket = io(`http://127.0.0.1:${port}/livedata`, {
    auth: { authorization: `Basic ${Buffer.from(`${supervisor}:bench`).toString('base64')}` },
    transports: ['websocket'], reconnection: false, forceNew: true,
  });
  sockets.push(socket);
  const lastSince = new Map<string, number>();
  socket.on('rows', (event: { upsert: { key: string; stateSince?: number }[] }) => {
    if (!measuring) return;
    const now = Date.now();
    rowsEvents++;
    rowUpdates += event.upsert.length;
    for (const row of event.upsert) {
      if (row.stateSince === undefined) continue;
      if (lastSince.get(row.key) !== row.stateSince) {
        if (lastSince.has(row.key)) delays.push(now - row.stateSince);
        lastSince.set(row.key, row.stateSince);
      }
    }
  });
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
  const team = await socket.emitWithAck('subscribe', { report: 'teamState', filter: { teamIds: [String((i % teams) + 1)] } }) as { rows: { key: string; stateSince: number }[] };
  for (const row of team.rows) lastSince.set(row.key, row.stateSince);
  await socket.emitWithAck('subscribe', { report: 'voiceCsqSummary' });
}
process.send?.({ ready: true });
await new Promise<void>((resolve) => process.once('message', () => resolve()));
measuring = true;
const started = Date.now();
await new Promise((r) => setTimeout(r, seconds * 1000));
const elapsed = (Date.now() - started) / 1000;
process.send?.({
  clients: clientCount, rowsEventsPerSecond: Math.round(rowsEvents / elapsed), rowUpdatesPerSecond: Math.round(rowUpdates / elapsed),
  stateChangeDelayMs: { samples: delays.length, p50: percentile(delays, 50), p99: percentile(delays, 99), max: delays.length ? Math.max(...delays) : null },
});
for (const s of sockets) s.close();
process.exit(0);
