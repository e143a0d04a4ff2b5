// The desktop's one XMPP connection, held by the tunnel page: Strophe.js over BOSH (`/http-bind/`) or WebSocket
// (`/ws/`) on this page's own origin (notifications.md §13). Signs in, announces itself, forwards pubsub events and
// presence, keeps explicit subscriptions, and reconnects with back-off when the connection drops.
import { $iq, $pres, Strophe } from 'strophe.js';
import type { TunnelStatus } from './protocol.ts';

type Connection = InstanceType<typeof Strophe.Connection>;

export interface XmppCredentials {
  id: string;
  password: string;
  xmppDomain: string;
  pubsubDomain: string;
  resource: string;
}

export interface XmppLinkEvents {
  status(status: TunnelStatus): void;
  event(node: string, notification: string): void;
  presence(from: string, type: string): void;
}

const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];
const FAILED_ATTEMPTS_BEFORE_DISCONNECTED = 3; // then gadgets run their disconnect handlers (spec §7)
// The desktop is connected once the web service's `finesse` user is seen available (§13); a node whose web
// service is elsewhere may be slower to say so, and the connection is usable anyway.
const FINESSE_PRESENCE_WAIT_MS = 3000;

export type SubscribeOutcome = { ok: true } | { ok: false; errorXml: string };

export class XmppLink {
  #conn?: Connection;
  #credentials?: XmppCredentials;
  #transport: 'bosh' | 'websocket' = 'bosh';
  #wanted = false; // false after a requested disconnect: a drop is then not reconnected
  #everConnected = false;
  #attempt = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #readyTimer?: ReturnType<typeof setTimeout>;
  #ready = false;
  /** A BOSH request failed while connected; cleared by the next answer read. */
  #interrupted = false;
  /** Explicit subscriptions, renewed after each reconnect: full-JID ones end with their session (§3.2). */
  readonly #explicit = new Set<string>();

  constructor(private readonly events: XmppLinkEvents) {}

  setTransport(transport: 'bosh' | 'websocket'): void { this.#transport = transport; }

  get connected(): boolean { return this.#ready; }

  connect(credentials: XmppCredentials): void {
    this.#credentials = credentials;
    this.#wanted = true;
    this.#attempt = 0;
    clearTimeout(this.#retryTimer);
    this.#open();
  }

  disconnect(reason: string): void {
    this.#wanted = false;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#readyTimer);
    if (this.#conn?.connected) {
      this.events.status('disconnecting');
      this.#conn.disconnect(reason);
    }
  }

  /** Best effort on page unload: leave explicit nodes, end the session. */
  unload(): void {
    this.events.status('unloading');
    for (const node of this.#explicit) this.#conn?.send(this.#subscriptionIq('unsubscribe', node));
    this.disconnect('unloading');
    this.#conn?.flush();
  }

  subscribe(node: string): Promise<SubscribeOutcome> {
    return this.#subscription('subscribe', node).then((outcome) => {
      if (outcome.ok) this.#explicit.add(node);
      return outcome;
    });
  }

  unsubscribe(node: string): Promise<SubscribeOutcome> {
    this.#explicit.delete(node);
    return this.#subscription('unsubscribe', node);
  }

  #service(): string {
    const { protocol, host } = location;
    if (this.#transport === 'websocket') return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws/`;
    return `${protocol}//${host}/http-bind/`;
  }

  #open(): void {
    const credentials = this.#credentials;
    if (!credentials) return;
    this.#ready = false;
    this.#interrupted = false;
    const conn = new Strophe.Connection(this.#service());
    this.#conn = conn;
    // Over BOSH, Strophe sends its next poll from a 100 ms idle timer, so a notification published just after
    // another one waited up to 100 ms for a request to answer. Poll again as soon as an answer has been read.
    conn.xmlInput = () => {
      if (conn === this.#conn && this.#interrupted) {
        this.#interrupted = false;
        if (this.#ready) this.events.status('connected');
      }
      setTimeout(() => { if (conn === this.#conn && conn.connected) conn.flush(); }, 0);
    };
    // Over BOSH a node that died shows only as failed requests, which Strophe resends quietly for up to a minute
    // (five errors, growing back-off) before it gives up: say `reconnecting` at the first failure, so the desktop can
    // check its node (desktop-and-gadgets.md §7), and `connected` again with the next answer read.
    const interrupted = (): void => {
      if (conn !== this.#conn || !this.#ready || this.#interrupted) return;
      this.#interrupted = true;
      this.events.status('reconnecting');
    };
    for (const code of [0, 500, 502, 503, 504]) conn.addProtocolErrorHandler('HTTP', code, interrupted);
    const jid = `${credentials.id.toLowerCase()}@${credentials.xmppDomain}/${credentials.resource}`;
    let authFailed = false;
    let conflict = false;
    conn.connect(jid, credentials.password, (status, condition) => {
      if (conn !== this.#conn) return; // a connection replaced by a reconnect
      switch (status) {
        case Strophe.Status.CONNECTING:
          this.events.status(this.#everConnected ? 'reconnecting' : 'connecting');
          break;
        case Strophe.Status.CONNECTED:
          this.#onConnected(conn);
          break;
        case Strophe.Status.AUTHFAIL:
          authFailed = true;
          this.events.status('unauthorized');
          break;
        case Strophe.Status.CONNFAIL:
        case Strophe.Status.ERROR:
          if (condition === 'conflict') conflict = true;
          break;
        case Strophe.Status.DISCONNECTED:
          this.#onDisconnected(authFailed, conflict);
          break;
        default:
          break;
      }
    });
  }

  #onConnected(conn: Connection): void {
    this.#attempt = 0;
    this.#everConnected = true;
    conn.addHandler((message) => this.#onMessage(message), null, 'message', null);
    conn.addHandler((presence) => this.#onPresence(presence), null, 'presence', null);
    conn.send($pres().tree());
    for (const node of this.#explicit) void this.#subscription('subscribe', node);
    this.#readyTimer = setTimeout(() => this.#markReady(), FINESSE_PRESENCE_WAIT_MS);
  }

  #markReady(): void {
    clearTimeout(this.#readyTimer);
    if (this.#ready || !this.#conn?.connected) return;
    this.#ready = true;
    this.events.status('connected');
  }

  #onDisconnected(authFailed: boolean, conflict: boolean): void {
    this.#ready = false;
    clearTimeout(this.#readyTimer);
    if (authFailed) return; // the password will not get better by retrying
    if (conflict) {
      this.events.status('conflict');
      return;
    }
    if (!this.#wanted) {
      this.events.status('disconnected');
      return;
    }
    const delay = BACKOFF_MS[Math.min(this.#attempt, BACKOFF_MS.length - 1)] ?? 30_000;
    this.#attempt++;
    if (this.#attempt === FAILED_ATTEMPTS_BEFORE_DISCONNECTED + 1) this.events.status('disconnected');
    this.events.status('reconnecting');
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#open(), delay);
  }

  #onMessage(message: Element): boolean {
    for (const items of Array.from(message.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'items'))) {
      const node = items.getAttribute('node');
      if (!node) continue;
      for (const notification of Array.from(items.getElementsByTagName('notification'))) {
        // The <Update> travels escaped (notifications.md R1): the DOM's text is the document itself.
        this.events.event(node, notification.textContent ?? '');
      }
    }
    return true;
  }

  #onPresence(presence: Element): boolean {
    const from = presence.getAttribute('from') ?? '';
    const type = presence.getAttribute('type') ?? 'available';
    this.events.presence(from, type);
    if (from.startsWith('finesse@') && type === 'available') this.#markReady();
    return true;
  }

  #subscriptionIq(verb: 'subscribe' | 'unsubscribe', node: string): Element {
    const credentials = this.#credentials;
    return $iq({ type: 'set', to: credentials?.pubsubDomain ?? '' })
      .c('pubsub', { xmlns: NS_PUBSUB })
      .c(verb, { node, jid: this.#conn?.jid ?? '' })
      .tree();
  }

  #subscription(verb: 'subscribe' | 'unsubscribe', node: string): Promise<SubscribeOutcome> {
    const conn = this.#conn;
    if (!conn?.connected || !conn.authenticated) return Promise.resolve({ ok: false, errorXml: '<ApiErrors/>' });
    return new Promise((resolve) => {
      conn.sendIQ(this.#subscriptionIq(verb, node),
        () => resolve({ ok: true }),
        (error) => {
          const errorElement = error?.getElementsByTagName('error')[0];
          resolve({ ok: false, errorXml: errorElement ? Strophe.serialize(errorElement) : '<error type="cancel"><remote-server-timeout xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error>' });
        },
        10_000);
    });
  }
}
