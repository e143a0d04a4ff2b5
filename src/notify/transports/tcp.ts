// c2s over TCP (RFC 6120, notifications.md §8): a thin adapter from a socket to a session. Plain only for now;
// STARTTLS and 5223 come with a configured certificate.
import net from 'node:net';
import { escapeXML } from 'ltx';
import type { Logger } from '../../shared/logger.ts';
import { StreamParser, type StreamLimits } from '../xmpp/stream-parser.ts';
import { STREAM_CLOSE, streamHeader } from '../xmpp/serialize.ts';
import type { NotifyServer } from '../notify-server.ts';
import type { SessionTransport } from '../session/transport.ts';

/** A closed stream waits this long for the client's own close before the socket is destroyed (RFC 6120 §4.4). */
const CLOSE_GRACE_MS = 2_000;

export interface TcpKeepalive {
  /** Silence before the server pings (XEP-0199); any inbound byte is activity (notifications.md §10: 60 s). */
  pingAfterMs: number;
  /** Silence after which the connection is dropped with connection-timeout (§10: 120 s). */
  dropAfterMs: number;
}

export const DEFAULT_TCP_KEEPALIVE: TcpKeepalive = { pingAfterMs: 60_000, dropAfterMs: 120_000 };

export interface TcpListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenTcp(options: {
  host: string; port: number; notify: NotifyServer; log: Logger; streamLimits?: StreamLimits; keepalive?: TcpKeepalive;
}): Promise<TcpListener> {
  const keepalive = options.keepalive ?? DEFAULT_TCP_KEEPALIVE;
  const { notify, log } = options;
  const sockets = new Set<net.Socket>();
  let nextConn = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const connLog = log.child({ conn: `tcp-${++nextConn}`, transport: 'tcp' });
    connLog.debug({ remote: socket.remoteAddress }, 'connection opened');
    const parser = new StreamParser(options.streamLimits);
    let headerSent = false;
    let ended = false;
    let grace: NodeJS.Timeout | undefined;
    const transport: SessionTransport = {
      kind: 'tcp',
      openStream(streamId) {
        headerSent = true;
        socket.write(streamHeader({ from: notify.domain, id: streamId }));
      },
      send(xml) { if (!ended) socket.write(xml); },
      queuedBytes: () => socket.writableLength,
      restart: () => parser.reset(),
      end(streamErrorXml) {
        if (ended) return;
        ended = true;
        // RFC 6120 §4.9.1.1: an error before the header still opens the stream first.
        if (streamErrorXml !== undefined && !headerSent) socket.write(streamHeader({ from: notify.domain, id: 'error' }));
        socket.end(`${streamErrorXml ?? ''}${STREAM_CLOSE}`);
        grace = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
      },
    };
    const session = notify.openSession(transport, connLog);
    // An error reply to the ping counts too: any inbound byte resets both timers (§10).
    let pingTimer: NodeJS.Timeout | undefined;
    let dropTimer: NodeJS.Timeout | undefined;
    let pings = 0;
    const touch = () => {
      clearTimeout(pingTimer);
      clearTimeout(dropTimer);
      pingTimer = setTimeout(() => {
        if (session.fullJid) transport.send(`<iq xmlns='jabber:client' type='get' id='poise-ping-${++pings}' from='${notify.domain}' to='${escapeXML(session.fullJid)}'><ping xmlns='urn:xmpp:ping'/></iq>`);
        else transport.send(' ');
      }, keepalive.pingAfterMs);
      dropTimer = setTimeout(() => session.close('connection-timeout'), keepalive.dropAfterMs);
    };
    touch();
    socket.on('data', (chunk: Buffer) => {
      touch();
      const { events, error } = parser.push(chunk); // pure; never throws on input
      for (const event of events) session.receive(event);
      if (error) session.fail(error);
    });
    socket.on('error', (err) => connLog.debug({ err }, 'socket error'));
    socket.on('close', () => {
      clearTimeout(grace);
      clearTimeout(pingTimer);
      clearTimeout(dropTimer);
      sockets.delete(socket);
      notify.forgetSession(session);
      connLog.debug('connection closed');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
