// The web service's publisher when the notification service runs in another node (notifications.md §3.4, X5):
// one XMPP c2s link, signed in with web's service account as `finesse@<domain>`. It provisions the nodes it has
// been told of, sends every update in order with a bounded number of iqs unanswered, and keeps updates while the
// link is down, dropping the oldest past a bound. A lost or refused link is retried with back-off; after each
// sign-in every node is provisioned again, since a restarted notification service has forgotten them. The same link
// carries the team map (team-memberships.ts), whole after each sign-in and again after team changes settle.
import { client, type XmppClient } from '@xmpp/client';
import type { Element } from 'ltx';
import type { Logger } from '../../shared/logger.ts';
import type { Publisher } from './publisher.ts';
import { escapeXML } from '../../shared/xml/index.ts';
import { createIq, deleteIq, isXmlText, publishIq } from './pubsub-stanzas.ts';
import { renderTeamsQuery, type TeamMemberships } from '../../notify/pubsub/team-memberships.ts';

export interface XmppPublisherOptions {
  /** The c2s listener, `xmpp://host:5222`. */
  service: string;
  /** The notification service's XMPP domain; pubsub is `pubsub.<domain>`, the publisher `finesse@<domain>`. */
  domain: string;
  /** The service account that may act as the publisher (SASL PLAIN authcid; the authzid is the publisher). */
  account: { userid: string; password: string };
  resource: string;
  log: Logger;
  retryInitialMs?: number;   // first retry after a loss or refusal; doubles up to retryMaxMs
  retryMaxMs?: number;
  maxQueued?: number;        // requests kept while the link is down or busy; past it the oldest go
  window?: number;           // iqs sent and not yet answered (a notify session holds 256 in flight)
  answerTimeoutMs?: number;  // no answer for this long: the link is taken for dead
  teamsDebounceMs?: number;  // team changes arriving together are sent as one map
}

type Work =
  | { op: 'publish'; node: string; xml: string; retried?: boolean }
  | { op: 'create'; node: string }
  | { op: 'delete'; node: string }
  | { op: 'teams'; node?: undefined };

const PUBLISHER_LOCALPART = 'finesse';
const MAX_STANZA_CHARS = 64 * 1024; // the notification service's inbound stanza limit (notifications.md §11)

export class XmppPublisher implements Publisher {
  readonly #options: XmppPublisherOptions;
  readonly #log: Logger;
  readonly #pubsubDomain: string;
  /** Nodes that exist while web says so, by lower-case id (ids match case-insensitively, §3.1). */
  readonly #nodes = new Map<string, string>();
  /** Nodes created over the current link. */
  readonly #provisioned = new Set<string>();
  #provisioning: string[] = [];
  #outbox: Work[] = [];
  readonly #inFlight = new Map<string, Work>();
  #link: XmppClient | undefined;
  #connecting: XmppClient | undefined;
  #retry: NodeJS.Timeout | undefined;
  #answerTimer: NodeJS.Timeout | undefined;
  #failedAttempts = 0;
  #nextId = 0;
  #dropped = 0;
  #closed = false;
  readonly #idleWaiters: Array<() => void> = [];
  readonly #linkListeners = new Set<(up: boolean) => void>();
  #teams: (() => TeamMemberships) | undefined;
  #teamsTimer: NodeJS.Timeout | undefined;

  constructor(options: XmppPublisherOptions) {
    this.#options = options;
    this.#log = options.log.child({ component: 'notify-link', service: options.service });
    this.#pubsubDomain = `pubsub.${options.domain}`;
  }

  get connected(): boolean { return this.#link !== undefined; }
  /** Requests waiting to be sent. */
  get queued(): number { return this.#outbox.length; }

  start(): void { void this.#connect(); }

  /** Told each time the link comes up (signed in as the publisher) or goes down; returns the unsubscribe. */
  onLinkChange(listener: (up: boolean) => void): () => void {
    this.#linkListeners.add(listener);
    return () => this.#linkListeners.delete(listener);
  }

  /** Resolves once the link is up and everything handed over so far has been answered. */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** The team map to send after each sign-in and after `teamsChanged()`. */
  shareTeams(teams: () => TeamMemberships): void {
    this.#teams = teams;
    this.teamsChanged();
  }

  /** Sends the whole team map once the changes arriving together have settled. */
  teamsChanged(): void {
    if (!this.#teams || this.#closed) return;
    clearTimeout(this.#teamsTimer);
    this.#teamsTimer = setTimeout(() => {
      this.#teamsTimer = undefined;
      if (this.#link) this.#sendTeams(this.#link);
      this.#pump();
    }, this.#options.teamsDebounceMs ?? 200);
  }

  publish(node: string, updateXml: string): void {
    // As in one process, a node is created the first time it is published to (pubsub-publisher.ts).
    if (!this.#nodes.has(node.toLowerCase())) this.#nodes.set(node.toLowerCase(), node);
    this.#enqueue({ op: 'publish', node, xml: updateXml });
  }

  createNode(node: string): void {
    if (this.#nodes.has(node.toLowerCase())) return;
    this.#nodes.set(node.toLowerCase(), node);
    this.#enqueue({ op: 'create', node });
  }

  deleteNode(node: string): void {
    this.#nodes.delete(node.toLowerCase());
    this.#enqueue({ op: 'delete', node });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearTimeout(this.#answerTimer);
    clearTimeout(this.#teamsTimer);
    const links = [this.#link, this.#connecting];
    this.#link = undefined;
    this.#connecting = undefined;
    await Promise.all(links.map((link) => link && discard(link)));
  }

  #enqueue(work: Work): void {
    this.#outbox.push(work);
    this.#trim();
    this.#pump();
  }

  #trim(): void {
    const max = this.#options.maxQueued ?? 10_000;
    if (this.#outbox.length <= max) return;
    const excess = this.#outbox.length - max;
    this.#outbox.splice(0, excess);
    if (this.#dropped === 0) this.#log.warn({ maxQueued: max }, 'notification queue full; dropping the oldest');
    this.#dropped += excess;
  }

  async #connect(): Promise<void> {
    this.#retry = undefined;
    if (this.#closed) return;
    const { service, domain, resource, account } = this.#options;
    const link = client({
      service, domain, resource,
      credentials: (authenticate) => authenticate(
        { username: account.userid, password: account.password, authzid: `${PUBLISHER_LOCALPART}@${domain}` }, 'PLAIN'),
    });
    link.reconnect.stop(); // the back-off below replaces xmpp.js's fixed delay
    link.on('error', (err: unknown) => this.#log.debug({ err }, 'XMPP link error'));
    link.on('stanza', (stanza: Element) => this.#answered(link, stanza));
    link.on('disconnect', () => this.#lost(link, 'link to the notification service lost; reconnecting'));
    this.#connecting = link;
    try {
      await link.start();
    } catch (err) {
      this.#connecting = undefined;
      void discard(link);
      if (this.#closed) return;
      this.#log.warn({ err, attempt: this.#failedAttempts + 1 }, 'notification service unreachable or sign-in refused; retrying');
      return this.#scheduleRetry();
    }
    this.#connecting = undefined;
    if (this.#closed || link.status !== 'online') {
      void discard(link);
      if (!this.#closed) this.#scheduleRetry();
      return;
    }
    this.#link = link;
    this.#failedAttempts = 0;
    this.#provisioned.clear();
    this.#provisioning = [...this.#nodes.keys()];
    this.#log.info({ jid: String(link.jid), nodes: this.#provisioning.length, queued: this.#outbox.length }, 'publishing to the notification service');
    if (this.#dropped > 0) {
      this.#log.warn({ dropped: this.#dropped }, 'notifications dropped while the notification service was unreachable');
      this.#dropped = 0;
    }
    // Available, so desktops hear that the web service is back (notifications.md §9).
    link.write('<presence/>').catch(() => undefined);
    for (const listener of this.#linkListeners) listener(true);
    // A notification service that has just started knows no teams: they go, whole, before the first update.
    clearTimeout(this.#teamsTimer);
    this.#teamsTimer = undefined;
    this.#sendTeams(link);
    this.#pump();
  }

  #scheduleRetry(): void {
    if (this.#closed) return;
    const initial = this.#options.retryInitialMs ?? 1_000;
    const backoff = Math.min(this.#options.retryMaxMs ?? 30_000, initial * 2 ** this.#failedAttempts);
    this.#failedAttempts++;
    this.#retry = setTimeout(() => void this.#connect(), backoff);
  }

  /** Requests sent and unanswered go back to the front, in order: at least once beats never. */
  #lost(link: XmppClient, message: string): void {
    if (this.#link !== link) return;
    this.#link = undefined;
    clearTimeout(this.#answerTimer);
    this.#answerTimer = undefined;
    // Nodes are provisioned and the teams sent again after the next sign-in anyway.
    const unanswered = [...this.#inFlight.values()].filter((work) => work.op !== 'create' && work.op !== 'teams');
    this.#inFlight.clear();
    this.#outbox = [...unanswered, ...this.#outbox];
    this.#trim();
    this.#log.warn({ requeued: unanswered.length }, message);
    void discard(link);
    for (const listener of this.#linkListeners) listener(false);
    this.#scheduleRetry();
  }

  #pump(): void {
    const link = this.#link;
    const window = this.#options.window ?? 32;
    while (link && this.#link === link && this.#inFlight.size < window) {
      const lower = this.#provisioning.shift();
      if (lower !== undefined) {
        const node = this.#nodes.get(lower);
        if (node !== undefined) this.#ensureNode(link, node);
        continue;
      }
      const work = this.#outbox.shift();
      if (!work) break;
      if (work.op === 'create') {
        if (this.#nodes.has(work.node.toLowerCase())) this.#ensureNode(link, work.node);
      } else if (work.op === 'delete') {
        this.#provisioned.delete(work.node.toLowerCase());
        this.#send(link, work, (id) => deleteIq(id, this.#pubsubDomain, work.node));
      } else if (work.op === 'publish') {
        this.#sendPublish(link, work);
      }
    }
    if (this.#isIdle()) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #ensureNode(link: XmppClient, node: string): void {
    if (this.#provisioned.has(node.toLowerCase())) return;
    this.#provisioned.add(node.toLowerCase()); // a conflict answer means it was there already: the same outcome
    this.#send(link, { op: 'create', node }, (id) => createIq(id, this.#pubsubDomain, node));
  }

  #sendTeams(link: XmppClient): void {
    if (!this.#teams) return;
    const query = renderTeamsQuery(this.#teams());
    const stanza = (id: string) => `<iq type='set' id='${escapeXML(id)}' to='${escapeXML(this.#options.domain)}'>${query}</iq>`;
    if (stanza('').length > MAX_STANZA_CHARS - 64) {
      this.#log.error({ bytes: query.length }, 'team map larger than an XMPP stanza may be; not sent');
      return;
    }
    this.#send(link, { op: 'teams' }, stanza);
  }

  #sendPublish(link: XmppClient, work: Extract<Work, { op: 'publish' }>): void {
    if (!isXmlText(work.xml)) {
      this.#log.error({ node: work.node }, 'update holds characters XML cannot carry; not published');
      return;
    }
    const stanza = (id: string) => publishIq(id, this.#pubsubDomain, work.node, work.xml);
    if (stanza('').length > MAX_STANZA_CHARS - 64) {
      this.#log.error({ node: work.node, bytes: work.xml.length }, 'update larger than an XMPP stanza may be; not published');
      return;
    }
    this.#ensureNode(link, work.node);
    this.#send(link, work, stanza);
  }

  #send(link: XmppClient, work: Work, render: (id: string) => string): void {
    this.#nextId += 1;
    const id = `pub${this.#nextId.toString(36)}`;
    this.#inFlight.set(id, work);
    if (this.#answerTimer === undefined) this.#armAnswerTimer(link);
    link.write(render(id)).catch(() => undefined); // a failed write is a lost link, which 'disconnect' reports
  }

  #armAnswerTimer(link: XmppClient): void {
    clearTimeout(this.#answerTimer);
    this.#answerTimer = this.#inFlight.size === 0 ? undefined : setTimeout(
      () => this.#lost(link, 'notification service stopped answering; reconnecting'), this.#options.answerTimeoutMs ?? 30_000);
  }

  #answered(link: XmppClient, stanza: Element): void {
    if (!stanza.is('iq') || (stanza.attrs.type !== 'result' && stanza.attrs.type !== 'error')) return;
    const id = String(stanza.attrs.id);
    const work = this.#inFlight.get(id);
    if (!work || this.#link !== link) return;
    this.#inFlight.delete(id);
    this.#armAnswerTimer(link);
    if (stanza.attrs.type === 'error') this.#refused(work, stanza.getChild('error')?.getChildElements()[0]?.getName() ?? 'undefined-condition');
    this.#pump();
  }

  #refused(work: Work, condition: string): void {
    if (work.op === 'create' && condition === 'conflict') return;
    if (work.op === 'delete' && condition === 'item-not-found') return;
    if (work.op === 'publish' && condition === 'item-not-found' && !work.retried) {
      // The node went away under us (deleted by another publisher): create it and publish once more.
      this.#provisioned.delete(work.node.toLowerCase());
      this.#outbox.unshift({ ...work, retried: true });
      return;
    }
    if (work.op === 'create') this.#provisioned.delete(work.node.toLowerCase());
    this.#log.error({ op: work.op, node: work.node, condition }, 'notification service refused the publisher');
  }

  #isIdle(): boolean {
    return this.#link !== undefined && this.#teamsTimer === undefined && this.#inFlight.size === 0 && this.#outbox.length === 0 && this.#provisioning.length === 0;
  }
}

/** Ends a link we no longer want, whatever state it is in. */
async function discard(link: XmppClient): Promise<void> {
  link.removeAllListeners();
  link.on('error', () => undefined);
  await link.stop().catch(() => undefined);
}
