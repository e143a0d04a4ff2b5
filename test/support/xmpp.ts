// XMPP clients for acceptance tests: @xmpp/client as a real client would use Poise, and a raw socket for
// sending what no client library would.
import net from 'node:net';
import { once } from 'node:events';
import type { Element } from 'ltx';
import WebSocket from 'ws';
import { client, xml, type XmppClient } from '@xmpp/client';

// @xmpp/websocket uses the browser's global WebSocket, which Node 20 lacks (22 has it); ws provides the same API.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;

export { xml };

export const PUBSUB_NS = 'http://jabber.org/protocol/pubsub';

export interface ConnectOptions {
  service: string; domain: string; username: string; password: string; resource?: string;
  /** SASL PLAIN's authorization identity, e.g. the publisher's JID. */
  authzid?: string;
}

/** A started client; PLAIN without TLS, as the Finesse samples use it on 5222 and 7071 (notifications.md §2). */
export async function connectClient(options: ConnectOptions): Promise<XmppClient> {
  const xmpp = client({
    service: options.service, domain: options.domain, resource: options.resource ?? 'desktop',
    credentials: (authenticate) => authenticate({
      username: options.username, password: options.password, ...(options.authzid ? { authzid: options.authzid } : {}),
    }, 'PLAIN'),
  });
  xmpp.on('error', () => {}); // failures surface through start() and the awaited requests
  xmpp.reconnect.stop();
  await xmpp.start();
  return xmpp;
}

/** Resolves with the first stanza `match` accepts. */
export function nextStanza(xmpp: XmppClient, match: (stanza: Element) => boolean): Promise<Element> {
  return new Promise((resolve) => {
    const listener = (stanza: Element) => {
      if (!match(stanza)) return;
      xmpp.off('stanza', listener);
      resolve(stanza);
    };
    xmpp.on('stanza', listener);
  });
}

export const pubsubIq = (type: 'get' | 'set', to: string, op: Element) => xml('iq', { type, to }, xml('pubsub', { xmlns: PUBSUB_NS }, op));

/** What the stanza error of a refused request says, from xmpp.js's StanzaError. */
export async function refusal(request: Promise<unknown>): Promise<{ condition: string; application: string | undefined; type: string | undefined }> {
  try {
    await request;
  } catch (err) {
    const e = err as { condition?: string; application?: Element; element?: Element };
    return { condition: e.condition ?? String(err), application: e.application?.name, type: e.element?.attrs.type };
  }
  throw new Error('the request was not refused');
}

/** Writes `chunks` on a fresh TCP connection and collects everything the server sends until it closes. */
export async function rawExchange(port: number, chunks: Array<string | Uint8Array>): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (data: Buffer) => { received += data.toString('utf8'); });
  socket.on('error', () => {});
  const closed = once(socket, 'close');
  for (const chunk of chunks) socket.write(chunk);
  await closed;
  return received;
}
