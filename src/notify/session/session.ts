// One client session, whatever the transport (RFC 6120 §4–§7): stream negotiation, SASL PLAIN, resource
// binding, then routing of iq, presence and message stanzas. Transports feed it stream events and frame what it
// sends (transport.ts); the node-wide state (sessions, pubsub) lives in the host.
import { randomBytes } from 'node:crypto';
import { Element } from 'ltx';
import type { ConnectionLog } from './connection-log.ts';
import { NS } from '../xmpp/namespaces.ts';
import { StreamError, streamErrorElement, type StreamErrorCondition } from '../xmpp/stream-error.ts';
import { StanzaError, errorReply } from '../xmpp/stanza-error.ts';
import { parseJid, type Jid } from '../xmpp/jid.ts';
import type { StreamEvent } from '../xmpp/stream-parser.ts';
import { answerIq, type IqAnswer } from './iq-callee.ts';
import { decodePlain } from './sasl-plain.ts';
import { handleServerIq } from './server-iq.ts';
import { TEAMS_NS } from '../pubsub/team-memberships.ts';
import type { SessionTransport } from './transport.ts';

export interface SessionLimits {
  /** SASL must succeed this soon after connecting (notifications.md §11: 30 s). */
  authTimeoutMs: number;
  maxSaslFailures: number;
  /** Outbound bytes a slow reader may leave queued before `policy-violation` (§11: 2 MiB). */
  maxQueuedBytes: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { authTimeoutMs: 30_000, maxSaslFailures: 3, maxQueuedBytes: 2 * 1024 * 1024 };

export interface SessionHost {
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly publisherBareJid: string;
  readonly limits: SessionLimits;
  authenticate(userid: string, password: string): Promise<boolean>;
  /** Whether this account may sign in as the publisher (authzid `finesse@<domain>`, notifications.md §3.4). */
  mayActAsPublisher(userid: string): boolean;
  /** Registers a bound session, ending an older one with the same full JID; refuses past the per-user limit. */
  bind(session: XmppSession): 'ok' | 'resource-constraint';
  unbind(session: XmppSession): void;
  pubsubIq(session: XmppSession, iq: Element, payload: Element): IqAnswer;
  /** The team map a web service in another node sends to the server (team-memberships.ts). */
  teamsIq(session: XmppSession, iq: Element, payload: Element): IqAnswer;
  presence(session: XmppSession, available: boolean): void;
}

type State = 'header' | 'sasl' | 'restart' | 'bind' | 'ready' | 'closed';

const SASL_FEATURES = `<stream:features xmlns:stream='${NS.stream}'><mechanisms xmlns='${NS.sasl}'><mechanism>PLAIN</mechanism></mechanisms></stream:features>`;
const STARTTLS_FEATURES = `<stream:features xmlns:stream='${NS.stream}'><starttls xmlns='${NS.tls}'/><mechanisms xmlns='${NS.sasl}'><mechanism>PLAIN</mechanism></mechanisms></stream:features>`;
const BIND_FEATURES = `<stream:features xmlns:stream='${NS.stream}'><bind xmlns='${NS.bind}'/><session xmlns='${NS.session}'><optional/></session></stream:features>`;
const MAX_WAITING_STANZAS = 256;
const RESOURCE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class XmppSession {
  #state: State = 'header';
  #user: string | undefined;
  #jid: Jid | undefined;
  #streamTo: string | undefined;
  #available = false;
  #saslFailures = 0;
  #waiting = 0;
  #authTimer: NodeJS.Timeout | undefined;
  /** Stanzas are handled one after another, so an answer never overtakes the one before it. */
  #chain: Promise<void> = Promise.resolve();

  constructor(readonly transport: SessionTransport, private readonly host: SessionHost, readonly log: ConnectionLog) {
    this.#authTimer = setTimeout(() => this.close('connection-timeout'), host.limits.authTimeoutMs);
  }

  get jid(): Jid | undefined { return this.#jid; }
  get fullJid(): string { return this.#jid ? `${this.#jid.local}@${this.#jid.domain}/${this.#jid.resource}` : ''; }
  get bareJid(): string { return this.#jid ? `${this.#jid.local}@${this.#jid.domain}` : ''; }
  get available(): boolean { return this.#available; }
  get closed(): boolean { return this.#state === 'closed'; }

  receive(event: StreamEvent): void {
    if (this.#state === 'closed') return;
    // Stanzas wait here while one is in flight (a sign-in asks AXL): a client must not queue without bound.
    if (++this.#waiting > MAX_WAITING_STANZAS) return this.close('policy-violation', 'too many stanzas in flight');
    this.#chain = this.#chain.then(() => this.#handle(event)).catch((err: unknown) => {
      this.log.error({ err }, 'session failed on a stanza');
      this.close('internal-server-error');
    }).finally(() => { this.#waiting -= 1; });
  }

  /** Bad input from the transport's parser: the stream error, then close (RFC 6120 §4.9.1.1). */
  fail(error: StreamError): void {
    this.log.warn({ condition: error.condition }, 'client broke the stream; closing');
    this.close(error.condition, error.text);
  }

  /** Queues one serialised stanza, unless this reader is too far behind (notifications.md §11). */
  deliver(xml: string): void {
    if (this.#state === 'closed') return;
    if (this.transport.queuedBytes() > this.host.limits.maxQueuedBytes) {
      this.log.warn({ queued: this.transport.queuedBytes() }, 'client reads too slowly; closing');
      this.close('policy-violation', 'outbound queue full');
      return;
    }
    this.transport.send(xml);
  }

  /** Ends the stream, with a stream error when a condition is given. */
  close(condition?: StreamErrorCondition, text?: string): void {
    if (this.#state === 'closed') return;
    this.#end();
    this.transport.end(condition ? streamErrorElement(new StreamError(condition, text)).toString() : undefined);
  }

  /** The connection went away underneath us. */
  transportClosed(): void {
    if (this.#state !== 'closed') this.#end();
  }

  #end(): void {
    clearTimeout(this.#authTimer);
    const wasBound = this.#state === 'ready';
    this.#state = 'closed';
    if (wasBound) {
      if (this.#available) this.host.presence(this, false);
      this.#available = false;
      this.host.unbind(this);
    }
  }

  async #handle(event: StreamEvent): Promise<void> {
    if (this.#state === 'closed') return;
    if (event.type === 'close') {
      this.log.info('client closed the stream');
      return this.close();
    }
    if (event.type === 'open') return this.#open(event.attrs);
    const stanza = event.element;
    switch (this.#state) {
      case 'header':
      case 'restart':
        return this.close('not-well-formed'); // transports deliver the header first; nothing may precede it
      case 'sasl':
        return this.#sasl(stanza);
      case 'bind':
        return this.#bind(stanza);
      case 'ready':
        return this.#routed(stanza);
    }
  }

  #open(attrs: Record<string, string>): void {
    if (this.#state !== 'header' && this.#state !== 'restart') return this.close('not-well-formed');
    if (attrs.version !== undefined && !attrs.version.startsWith('1.')) return this.close('unsupported-version');
    this.#streamTo = attrs.to?.toLowerCase();
    this.transport.openStream(randomBytes(8).toString('hex'));
    if (this.#state === 'header') {
      this.#state = 'sasl';
      this.transport.send(this.transport.canStartTls?.() ? STARTTLS_FEATURES : SASL_FEATURES);
    } else {
      this.#state = 'bind';
      this.transport.send(BIND_FEATURES);
    }
  }

  async #sasl(stanza: Element): Promise<void> {
    const saslFailure = (condition: string) => `<failure xmlns='${NS.sasl}'><${condition}/></failure>`;
    if (stanza.attrs.xmlns === NS.tls && stanza.getName() === 'starttls') {
      if (!this.transport.canStartTls?.() || !this.transport.startTls) {
        this.transport.send(`<failure xmlns='${NS.tls}'/>`); // RFC 6120 §5.4.2.2: then the stream closes
        return this.close();
      }
      this.#state = 'header';
      this.transport.startTls();
      return;
    }
    if (stanza.attrs.xmlns !== NS.sasl) return this.close('not-authorized'); // RFC 6120 §6.4.1: SASL first
    if (stanza.getName() === 'abort') return this.transport.send(saslFailure('aborted'));
    if (stanza.getName() !== 'auth') return this.close('not-authorized');
    if (stanza.attrs.mechanism !== 'PLAIN') return this.transport.send(saslFailure('invalid-mechanism'));
    const plain = decodePlain(stanza.getText());
    if (!plain.ok) return this.transport.send(saslFailure(plain.condition));
    const bare = parseJid(`${plain.authcid}@${this.host.domain}`);
    const authzid = plain.authzid === '' ? undefined : parseJid(plain.authzid);
    const asPublisher = authzid !== undefined && this.#namesPublisher(authzid);
    if (!bare || (plain.authzid !== '' && !asPublisher && authzid?.local !== bare.local)) {
      return this.transport.send(saslFailure(bare ? 'invalid-authzid' : 'not-authorized'));
    }
    // The publisher's JID is granted, never signed in to: only its service account may act as it (§3.4, §11).
    if (asPublisher && !this.host.mayActAsPublisher(bare.local)) return this.transport.send(saslFailure('invalid-authzid'));
    const publisherLocal = parseJid(this.host.publisherBareJid)?.local;
    if (!asPublisher && bare.local === publisherLocal) return this.#refuse(plain.authcid, saslFailure('not-authorized'));
    let ok = false;
    try {
      ok = await this.host.authenticate(plain.authcid, plain.password);
    } catch (err) {
      this.log.error({ err }, 'authentication backend failed');
      return this.transport.send(saslFailure('temporary-auth-failure'));
    }
    if (this.#state !== 'sasl') return;
    if (!ok) return this.#refuse(plain.authcid, saslFailure('not-authorized'));
    clearTimeout(this.#authTimer);
    this.#user = asPublisher ? publisherLocal : bare.local;
    this.#state = 'restart';
    this.log.info({ user: bare.local, publisher: asPublisher }, 'SASL PLAIN succeeded');
    this.transport.restart();
    this.transport.send(`<success xmlns='${NS.sasl}'/>`);
  }

  #refuse(user: string, failure: string): void {
    this.#saslFailures += 1;
    this.log.info({ user, failures: this.#saslFailures }, 'SASL PLAIN refused');
    this.transport.send(failure);
    if (this.#saslFailures >= this.host.limits.maxSaslFailures) this.close('not-authorized');
  }

  /** An authzid naming the publisher's bare JID, on this domain or the one the stream was opened to. */
  #namesPublisher(jid: Jid): boolean {
    const publisher = parseJid(this.host.publisherBareJid);
    return publisher !== undefined && jid.resource === '' && jid.local === publisher.local
      && (jid.domain === publisher.domain || jid.domain === this.#streamTo);
  }

  #bind(stanza: Element): void {
    const bind = stanza.getName() === 'iq' && stanza.attrs.type === 'set' ? stanza.getChild('bind', NS.bind) : undefined;
    if (!bind || typeof stanza.attrs.id !== 'string') return this.close('not-authorized'); // RFC 6120 §7.1: bind first
    const requested = bind.getChildText('resource')?.trim();
    const resource = requested || randomResource();
    const jid = parseJid(`${this.#user ?? ''}@${this.host.domain}/${resource}`);
    if (!jid) return this.#send(errorReply(stanza, new StanzaError('modify', 'bad-request'), undefined));
    this.#jid = jid;
    if (this.host.bind(this) === 'resource-constraint') {
      this.#jid = undefined;
      return this.#send(errorReply(stanza, new StanzaError('wait', 'resource-constraint'), undefined));
    }
    this.#state = 'ready';
    this.log.info({ jid: this.fullJid }, 'resource bound');
    const reply = new Element('iq', { type: 'result', id: stanza.attrs.id });
    reply.c('bind', { xmlns: NS.bind }).c('jid').t(this.fullJid);
    this.#send(reply);
  }

  async #routed(stanza: Element): Promise<void> {
    const name = stanza.getName();
    if (name !== 'iq' && name !== 'message' && name !== 'presence') return this.close('unsupported-stanza-type');
    // RFC 6120 §8.1.2.1, notifications.md §11: a `from` must be the session's own JID; then it is overwritten.
    const from = typeof stanza.attrs.from === 'string' ? parseJid(stanza.attrs.from) : undefined;
    if (stanza.attrs.from !== undefined && (!from || from.local !== this.#jid?.local || from.domain !== this.#jid.domain
      || (from.resource !== '' && from.resource !== this.#jid.resource))) {
      return this.close('invalid-from');
    }
    stanza.attrs.from = this.fullJid;
    const to = typeof stanza.attrs.to === 'string' ? stanza.attrs.to.toLowerCase() : undefined;
    if (name === 'presence') return this.#presence(stanza, to);
    const target = this.#target(to);
    if (name === 'message') {
      if (target === 'other') this.#send(errorReply(stanza, new StanzaError('cancel', 'service-unavailable'), stanza.attrs.to));
      return;
    }
    const reply = await answerIq(stanza, (iq, payload) => {
      if (target === 'pubsub') return this.host.pubsubIq(this, iq, payload);
      if (target === 'server' && payload.attrs.xmlns === TEAMS_NS) return this.host.teamsIq(this, iq, payload);
      if (target === 'server') return handleServerIq(iq, payload, this.host);
      return null; // stanzas to other users are not routed (§11)
    }, target === 'server' ? undefined : stanza.attrs.to, this.log);
    if (reply) this.#send(reply);
  }

  #presence(stanza: Element, to: string | undefined): void {
    const type = stanza.attrs.type;
    if (to === undefined && (type === undefined || type === 'unavailable')) {
      this.#available = type === undefined;
      this.host.presence(this, this.#available);
      return;
    }
    if (type === 'subscribe' && to !== undefined) {
      // Rosters are fixed (§9): every other presence subscription is declined.
      this.#send(new Element('presence', { type: 'unsubscribed', from: to, to: this.fullJid }));
    }
  }

  #target(to: string | undefined): 'server' | 'pubsub' | 'other' {
    const { domain, pubsubDomain } = this.host;
    if (to === undefined || to === domain || to === this.#streamTo || to === this.bareJid) return 'server';
    if (to === pubsubDomain || (this.#streamTo !== undefined && to === `pubsub.${this.#streamTo}`)) return 'pubsub';
    return 'other';
  }

  #send(stanza: Element): void {
    stanza.attrs.xmlns = NS.client; // right on TCP and required in WebSocket frames and BOSH bodies
    this.deliver(stanza.toString());
  }
}

function randomResource(): string {
  return [...randomBytes(10)].map((b) => RESOURCE_CHARS[b % RESOURCE_CHARS.length]).join('');
}
