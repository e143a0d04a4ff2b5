// The node-wide XMPP state every transport's sessions share: bound sessions, the pubsub service, presence, and
// the in-process publisher `web` calls (notifications.md §3.4, X5). Transports only create sessions here.
import { randomBytes } from 'node:crypto';
import type { Element } from 'ltx';
import type { Logger } from '../shared/logger.ts';
import { NS } from './xmpp/namespaces.ts';
import { escapeXML } from 'ltx';
import { DEFAULT_SESSION_LIMITS, XmppSession, type SessionHost, type SessionLimits } from './session/session.ts';
import type { SessionTransport } from './session/transport.ts';
import { SessionRegistry } from './session/registry.ts';
import { LoginThrottle } from './session/login-throttle.ts';
import { SignInLimiter } from './session/sign-in-limiter.ts';
import type { ConnectionLog } from './session/connection-log.ts';
import type { IqAnswer } from './session/iq-callee.ts';
import { PubsubService, type Outcome } from './pubsub/service.ts';
import { ownNodesPolicy, type PubsubPolicy, type TeamDirectory } from './pubsub/policy.ts';
import { handlePubsubIq } from './pubsub/iq.ts';
import { parseTeamsQuery, type TeamMemberships } from './pubsub/team-memberships.ts';
import { StanzaError } from './xmpp/stanza-error.ts';
import { normalisePayload, renderEvent } from './pubsub/event.ts';
import type { FanoutItem, NotificationFanout } from './fanout/notification-fanout.ts';

/** What `web` holds to publish (§3.4): nodes come and go with their users, teams and queues. */
export interface NotifyPublisher {
  /** Stores the item as the node's last and sends it to every subscribed session; returns the item id. */
  publish(node: string, updateXml: string, itemId?: string): Outcome<string>;
  createNode(node: string): Outcome<string>;
  deleteNode(node: string): Outcome<string>;
}

export interface NotifyServerOptions {
  domain: string;
  authenticate(userid: string, password: string): Promise<boolean>;
  log: Logger;
  /** Default: ownNodesPolicy over `teams` (policy.ts). */
  policy?: PubsubPolicy;
  /** Directory users (local parts) who may publish, create and delete every node over c2s, like the web service. */
  otherPublishers?: readonly string[];
  /**
   * Service accounts that may sign in as the publisher, `finesse@<domain>` (SASL authzid, §3.4): a web service in
   * another node. Their passwords are checked like everyone's; nobody else can become the publisher.
   */
  publisherAccounts?: readonly string[];
  /**
   * Whether `web` publishes in this process (default). When it is in another node, the `finesse` presence a session
   * gets is that of the publisher's signed-in links, and every session hears them come and go (§9).
   */
  publisherInProcess?: boolean;
  /** Team membership for supervisors' subscriptions; default: none yet. */
  teams?: TeamDirectory;
  /** Told the team map the publisher's session sent (a web service in another node); without it the iq is refused. */
  onTeams?(teams: TeamMemberships): void;
  limits?: Partial<SessionLimits>;
  /** Bound sessions per user (notifications.md §11: 10). */
  maxSessionsPerUser?: number;
  /** Explicit subscriptions per session (§11: 200). */
  maxSubscriptionsPerSession?: number;
  /** Directory sign-ins in flight at once; more wait in order (default 8). */
  maxConcurrentSignIns?: number;
  /** Clock of the sign-in lockout (§11); default Date.now. */
  now?: () => number;
  /** Told when a desktop becomes available or goes away (§9); `web` will force logout from it. */
  onPresence?(bareJid: string, fullJid: string, available: boolean): void;
}

/** The Finesse web service's XMPP account (§1), and the resource its presence comes from (§9). */
export const PUBLISHER_LOCALPART = 'finesse';
const PUBLISHER_RESOURCE = 'poise-web';

export class NotifyServer implements SessionHost, NotifyPublisher {
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly publisherBareJid: string;
  readonly limits: SessionLimits;
  readonly pubsub: PubsubService;
  readonly sessions = new SessionRegistry<XmppSession>();
  readonly #open = new Set<XmppSession>();
  readonly #policy: PubsubPolicy;
  readonly #maxSessionsPerUser: number;
  readonly #idPrefix = randomBytes(4).toString('hex');
  readonly #throttle: LoginThrottle;
  readonly #signIns: SignInLimiter;
  readonly #publisherAccounts: ReadonlySet<string>;
  #nextId = 0;
  #fanout: { fanout: NotificationFanout; origin: string } | undefined;

  constructor(private readonly options: NotifyServerOptions) {
    this.domain = options.domain.toLowerCase();
    this.pubsubDomain = `pubsub.${this.domain}`;
    this.publisherBareJid = `${PUBLISHER_LOCALPART}@${this.domain}`;
    this.limits = { ...DEFAULT_SESSION_LIMITS, ...options.limits };
    this.#policy = options.policy ?? ownNodesPolicy({
      publisherBareJid: this.publisherBareJid,
      otherPublishers: (options.otherPublishers ?? []).map((local) => `${local.toLowerCase()}@${this.domain}`),
      ...(options.teams ? { teams: options.teams } : {}),
    });
    this.#publisherAccounts = new Set((options.publisherAccounts ?? []).map((userid) => userid.toLowerCase()));
    this.#maxSessionsPerUser = options.maxSessionsPerUser ?? 10;
    this.#throttle = new LoginThrottle(options.now);
    this.#signIns = new SignInLimiter(options.maxConcurrentSignIns ?? 8);
    this.pubsub = new PubsubService({
      domain: this.domain, policy: this.#policy, maxSubscriptionsPerSession: options.maxSubscriptionsPerSession ?? 200,
    });
  }

  /** A transport's new connection. */
  openSession(transport: SessionTransport, log: ConnectionLog): XmppSession {
    const session = new XmppSession(transport, this, log);
    this.#open.add(session);
    return session;
  }

  /** Called by transports once the connection is gone, so the server forgets the session. */
  forgetSession(session: XmppSession): void {
    session.transportClosed();
    this.#open.delete(session);
  }

  get openSessions(): number {
    return this.#open.size;
  }

  /** A locked user is refused without asking the call manager, so guessing costs it nothing (§11). */
  async authenticate(userid: string, password: string): Promise<boolean> {
    if (this.#throttle.isLocked(userid)) {
      this.options.log.warn({ user: userid }, 'XMPP sign-in locked after repeated failures');
      return false;
    }
    const ok = await this.#signIns.run(() => this.options.authenticate(userid, password));
    if (ok) this.#throttle.succeeded(userid);
    else this.#throttle.failed(userid);
    return ok;
  }

  mayActAsPublisher(userid: string): boolean {
    return this.#publisherAccounts.has(userid.toLowerCase());
  }

  bind(session: XmppSession): 'ok' | 'resource-constraint' {
    const older = this.sessions.get(session.fullJid);
    if (older) {
      // Openfire's default (§2): the newer session wins, the older one ends with <conflict/>.
      older.log.info('resource taken by a newer session; closing');
      older.close('conflict');
    } else if (this.sessions.ofUser(session.bareJid).size >= this.#maxSessionsPerUser) {
      return 'resource-constraint';
    }
    this.sessions.add(session);
    return 'ok';
  }

  unbind(session: XmppSession): void {
    this.sessions.remove(session);
    this.pubsub.endSession(session.fullJid);
  }

  pubsubIq(session: XmppSession, iq: Element, payload: Element): IqAnswer {
    const requester = session.jid;
    if (!requester) return null;
    return handlePubsubIq(iq, payload, {
      service: this.pubsub, policy: this.#policy, requester, publish: (node, text, itemId) => this.publish(node, text, itemId),
    });
  }

  /** Only the publisher's session (`finesse@`) tells the teams; a malformed map changes nothing. */
  teamsIq(session: XmppSession, iq: Element, payload: Element): IqAnswer {
    if (session.bareJid !== this.publisherBareJid || !this.options.onTeams) throw new StanzaError('auth', 'forbidden');
    if (iq.attrs.type !== 'set' || payload.getName() !== 'query') throw new StanzaError('modify', 'bad-request');
    const teams = parseTeamsQuery(payload);
    if (!teams) throw new StanzaError('modify', 'bad-request');
    this.options.onTeams(teams);
    session.log.info({ teams: teams.size }, 'teams received from the web service');
    return undefined;
  }

  /** RFC 6121 §4.2, §4.5: echo to the user's available sessions; the publisher's presence on initial presence (R5). */
  presence(session: XmppSession, available: boolean): void {
    const type = available ? '' : ` type='unavailable'`;
    const from = escapeXML(session.fullJid);
    for (const peer of this.sessions.ofUser(session.bareJid)) {
      if (peer.available || peer === session) peer.deliver(`<presence xmlns='${NS.client}' from='${from}' to='${escapeXML(peer.fullJid)}'${type}/>`);
    }
    if (session.bareJid === this.publisherBareJid) return this.#publisherPresence(session, available);
    if (available) {
      const publishers = this.options.publisherInProcess === false
        ? [...this.sessions.ofUser(this.publisherBareJid)].filter((s) => s.available).map((s) => s.fullJid)
        : [`${this.publisherBareJid}/${PUBLISHER_RESOURCE}`];
      for (const publisher of publishers) {
        session.deliver(`<presence xmlns='${NS.client}' from='${escapeXML(publisher)}' to='${escapeXML(session.fullJid)}'/>`);
      }
    }
    this.options.onPresence?.(session.bareJid, session.fullJid, available);
  }

  /** §9: a publisher's link in another node came or went; every desktop hears it (12.x waits for it to come back). */
  #publisherPresence(publisher: XmppSession, available: boolean): void {
    const head = `<presence xmlns='${NS.client}' from='${escapeXML(publisher.fullJid)}' to='`;
    const tail = available ? `'/>` : `' type='unavailable'/>`;
    for (const session of this.sessions.all()) {
      if (session.available && session.bareJid !== this.publisherBareJid) session.deliver(`${head}${escapeXML(session.fullJid)}${tail}`);
    }
  }

  /** Items published here also go to the other nodes of the cluster, and theirs come here (docs/notify.md). */
  useFanout(fanout: NotificationFanout, origin: string): void {
    this.#fanout = { fanout, origin };
    fanout.subscribe((item) => this.#deliverFromPeer(item));
  }

  publish(node: string, updateXml: string, itemId?: string): Outcome<string> {
    const payload = normalisePayload(updateXml);
    const published = this.#publishHere(node, payload, itemId);
    if (published.ok && this.#fanout) {
      this.#fanout.fanout.publish({ node, itemId: published.value, payload, origin: this.#fanout.origin });
    }
    return published;
  }

  /** Another node's item: its node is made here if this node has not made it yet (its users may sign in here later). */
  #deliverFromPeer(item: FanoutItem): void {
    if (!this.pubsub.lastItem(item.node).ok) this.pubsub.createNode(item.node);
    const delivered = this.#publishHere(item.node, item.payload, item.itemId);
    if (!delivered.ok) this.options.log.warn({ node: item.node, condition: delivered.failure }, 'item from another node not delivered');
  }

  #publishHere(node: string, payload: string, itemId?: string): Outcome<string> {
    const published = this.pubsub.publish(node, payload, itemId);
    if (!published.ok) return published;
    const { item, audience } = published.value;
    const event = renderEvent(this.pubsubDomain, item);
    // One copy per session even if bare and full both match; `to` the bare JID first (§3.2).
    const recipients = new Map<XmppSession, string>();
    if (audience.everyone) {
      // The publisher's own links publish SystemInfo; they do not read it.
      for (const s of this.sessions.all()) if (s.available && s.bareJid !== this.publisherBareJid) recipients.set(s, s.bareJid);
    }
    for (const bare of audience.bare) {
      for (const s of this.sessions.ofUser(bare)) if (s.available && !recipients.has(s)) recipients.set(s, bare);
    }
    for (const full of audience.full) {
      const s = this.sessions.get(full);
      if (s && !recipients.has(s)) recipients.set(s, full);
    }
    for (const [session, to] of recipients) session.deliver(event.to(to, this.#messageId()));
    this.options.log.debug({ node: item.node, item: item.id, sessions: recipients.size }, 'item published');
    return { ok: true, value: item.id };
  }

  createNode(node: string): Outcome<string> {
    return this.pubsub.createNode(node);
  }

  deleteNode(node: string): Outcome<string> {
    return this.pubsub.deleteNode(node);
  }

  /** Planned shutdown (§12): every open session gets `system-shutdown`. */
  shutdown(): void {
    for (const session of [...this.#open]) session.close('system-shutdown');
    this.#open.clear();
  }

  #messageId(): string {
    this.#nextId += 1;
    return `${this.#idPrefix}${this.#nextId.toString(36)}`;
  }
}

