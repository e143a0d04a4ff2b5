// c2s over TCP (RFC 6120, notifications.md §8): a thin adapter from a socket to a session. 5222 offers STARTTLS
// when given a certificate (only a configured one: Smack rejects the self-signed one after accepting the offer);
// 5223 speaks TLS from the first byte.
import net from 'node:net';
import tls from 'node:tls';
import { escapeXML } from 'ltx';
import type { Logger } from '../../shared/logger.ts';
import { StreamParser, type StreamLimits } from '../xmpp/stream-parser.ts';
import { STREAM_CLOSE, streamHeader } from '../xmpp/serialize.ts';
import type { NotifyServer } from '../notify-server.ts';
import type { SessionTransport } from '../session/transport.ts';
import { listenOn } from '../../shared/listen.ts';
import { LazyConnectionLog } from '../session/connection-log.ts';

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
  /** `starttls`: offered on a plain listener; `direct`: TLS from the first byte (5223). */
  tls?: { cert: string; key: string; mode: 'starttls' | 'direct' };
}): Promise<TcpListener> {
  const secureContext = options.tls && tls.createSecureContext({ cert: options.tls.cert, key: options.tls.key });
  const keepalive = options.keepalive ?? DEFAULT_TCP_KEEPALIVE;
  const { notify, log } = options;
  const sockets = new Set<net.Socket>();
  let nextConn = 0;
  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    const connLog = new LazyConnectionLog(log, { conn: `tcp-${++nextConn}`, transport: options.tls?.mode === 'direct' ? 'tls' : 'tcp' });
    /** The socket stanzas travel on: the plain one, then its TLS wrapper after STARTTLS. */
    let stream: net.Socket = socket;
    let secure = options.tls?.mode === 'direct';
    connLog.debug({ remote: socket.remoteAddress }, 'connection opened');
    const parser = new StreamParser(options.streamLimits);
    let headerSent = false;
    let ended = false;
    let grace: NodeJS.Timeout | undefined;
    const transport: SessionTransport = {
      kind: 'tcp',
      openStream(streamId) {
        headerSent = true;
        stream.write(streamHeader({ from: notify.domain, id: streamId }));
      },
      send(xml) { if (!ended) stream.write(xml); },
      queuedBytes: () => stream.writableLength,
      restart: () => parser.reset(),
      canStartTls: () => options.tls?.mode === 'starttls' && !secure,
      startTls() {
        if (!options.tls || secure) return;
        secure = true;
        socket.write(`<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>`);
        socket.off('data', onData);
        parser.reset(); // RFC 6120 §5.4.3.3: the stream starts again over TLS
        const wrapped = new tls.TLSSocket(socket, { isServer: true, secureContext });
        wrapped.on('data', onData);
        wrapped.on('error', (err) => connLog.debug({ err }, 'TLS error'));
        wrapped.on('close', () => socket.destroy());
        stream = wrapped;
      },
      end(streamErrorXml) {
        if (ended) return;
        ended = true;
        // RFC 6120 §4.9.1.1: an error before the header still opens the stream first.
        if (streamErrorXml !== undefined && !headerSent) stream.write(streamHeader({ from: notify.domain, id: 'error' }));
        stream.end(`${streamErrorXml ?? ''}${STREAM_CLOSE}`);
        grace = setTimeout(() => stream.destroy(), CLOSE_GRACE_MS);
      },
    };
    const session = notify.openSession(transport, connLog);
    // An error reply to the ping counts too: each inbound byte resets both timers (§10).
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
    const onData = (chunk: Buffer) => {
      touch();
      const { events, error } = parser.push(chunk); // pure; never throws on input
      for (const event of events) session.receive(event);
      if (error) session.fail(error);
    };
    socket.on('data', onData);
    socket.on('error', (err) => connLog.debug({ err }, 'socket error'));
    socket.on('close', () => {
      clearTimeout(grace);
      clearTimeout(pingTimer);
      clearTimeout(dropTimer);
      sockets.delete(socket);
      notify.forgetSession(session);
      connLog.debug('connection closed');
    });
  };
  const server = options.tls?.mode === 'direct'
    ? tls.createServer({ cert: options.tls.cert, key: options.tls.key }, onConnection)
    : net.createServer(onConnection);
  const port = await listenOn(server, options.port, options.host);
  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
