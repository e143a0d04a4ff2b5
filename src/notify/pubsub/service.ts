// The pubsub service (XEP-0060) as data: nodes, explicit subscriptions, the last item. No XML, no sockets;
// refusals are values named by their XEP-0060 condition, which iq.ts maps to stanza errors in one table.
import { randomUUID } from 'node:crypto';
import { bareJid, parseJid, type Jid } from '../xmpp/jid.ts';
import { implicitAudience, type PubsubPolicy } from './policy.ts';

export type PubsubFailure =
  | 'item-not-found' | 'not-allowed' | 'forbidden' | 'invalid-jid' | 'too-many-subscriptions' | 'not-subscribed'
  | 'implicit-subscription' | 'conflict';

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: PubsubFailure };

export interface Subscription { node: string; jid: string }

export interface PublishedItem { node: string; id: string; payload: string }

/** Who gets an item: every available session when `everyone`, else these bare and full JIDs. */
export interface Audience { everyone: boolean; bare: ReadonlySet<string>; full: ReadonlySet<string> }

interface NodeState {
  name: string;
  /** Explicit subscriber JIDs as given (bare or full), keyed by themselves. */
  subscribers: Set<string>;
  last?: PublishedItem;
}

export interface PubsubServiceOptions {
  domain: string;
  policy: PubsubPolicy;
  /** Explicit subscriptions one full JID may hold (notifications.md §11). */
  maxSubscriptionsPerSession: number;
  newItemId?: () => string;
}

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = <T>(failure: PubsubFailure): Outcome<T> => ({ ok: false, failure });

export class PubsubService {
  readonly #nodes = new Map<string, NodeState>();
  /** full JID → number of its explicit subscriptions, for the per-session limit. */
  readonly #perSession = new Map<string, number>();

  constructor(private readonly options: PubsubServiceOptions) {}

  /** Node ids match case-insensitively; events use the name the node was created with (§3.1). */
  #node(name: string): NodeState | undefined {
    return this.#nodes.get(name.toLowerCase());
  }

  hasNode(name: string): boolean {
    return this.#node(name) !== undefined;
  }

  canonicalName(name: string): string | undefined {
    return this.#node(name)?.name;
  }

  createNode(name: string): Outcome<string> {
    if (this.#node(name)) return fail('conflict');
    this.#nodes.set(name.toLowerCase(), { name, subscribers: new Set() });
    return ok(name);
  }

  deleteNode(name: string): Outcome<string> {
    const node = this.#node(name);
    if (!node) return fail('item-not-found');
    for (const jid of node.subscribers) this.#count(jid, -1);
    this.#nodes.delete(name.toLowerCase());
    return ok(node.name);
  }

  subscribe(requester: Jid, nodeName: string, jidText: string): Outcome<Subscription> {
    const target = this.#ownJid(requester, jidText);
    if (!target) return fail('invalid-jid');
    const node = this.#node(nodeName);
    if (!node) return fail('item-not-found');
    if (!this.options.policy.maySubscribe(requester, node.name)) return fail('not-allowed');
    if (this.#isImplicitFor(node.name, requester)) return ok({ node: node.name, jid: bareJid(requester) });
    if (node.subscribers.has(target)) return ok({ node: node.name, jid: target }); // idempotent (§3.3)
    const holder = target.includes('/') ? target : undefined;
    if (holder && (this.#perSession.get(holder) ?? 0) >= this.options.maxSubscriptionsPerSession) {
      return fail('too-many-subscriptions');
    }
    node.subscribers.add(target);
    this.#count(target, 1);
    return ok({ node: node.name, jid: target });
  }

  unsubscribe(requester: Jid, nodeName: string, jidText: string): Outcome<Subscription> {
    const target = this.#ownJid(requester, jidText);
    if (!target) return fail('invalid-jid');
    const node = this.#node(nodeName);
    if (!node) return fail('item-not-found');
    if (!node.subscribers.has(target)) {
      return fail(this.#isImplicitFor(node.name, requester) ? 'implicit-subscription' : 'not-subscribed');
    }
    node.subscribers.delete(target);
    this.#count(target, -1);
    return ok({ node: node.name, jid: target });
  }

  /** The requester's subscriptions: implicit ones with the bare JID first, as the 12.x tunnel expects (§3.3). */
  subscriptions(requester: Jid): Subscription[] {
    const bare = bareJid(requester);
    const full = `${bare}/${requester.resource}`;
    const out: Subscription[] = [];
    for (const node of this.#nodes.values()) {
      if (this.#isImplicitFor(node.name, requester)) out.push({ node: node.name, jid: bare });
    }
    for (const node of this.#nodes.values()) {
      for (const jid of node.subscribers) if (jid === bare || jid === full) out.push({ node: node.name, jid });
    }
    return out;
  }

  /** Stores the item as the node's last and says who gets it. The publisher's rights are checked by the caller. */
  /** The publisher's item id when it gives one (XEP-0060 §7.1.1), else a new one. */
  publish(nodeName: string, payload: string, itemId?: string): Outcome<{ item: PublishedItem; audience: Audience }> {
    const node = this.#node(nodeName);
    if (!node) return fail('item-not-found');
    const item: PublishedItem = { node: node.name, id: itemId || (this.options.newItemId ?? randomUUID)(), payload };
    node.last = item;
    return ok({ item, audience: this.audience(node.name) });
  }

  lastItem(nodeName: string): Outcome<PublishedItem | undefined> {
    const node = this.#node(nodeName);
    return node ? ok(node.last) : fail('item-not-found');
  }

  audience(nodeName: string): Audience {
    const node = this.#node(nodeName);
    const implicit = implicitAudience(nodeName);
    const bare = new Set<string>();
    const full = new Set<string>();
    if (implicit.kind === 'user') bare.add(`${implicit.local}@${this.options.domain}`);
    for (const jid of node?.subscribers ?? []) (jid.includes('/') ? full : bare).add(jid);
    return { everyone: implicit.kind === 'everyone', bare, full };
  }

  /** Explicit full-JID subscriptions end with their session; bare-JID ones persist (§3.2). */
  endSession(fullJid: string): void {
    if (!this.#perSession.has(fullJid)) return;
    for (const node of this.#nodes.values()) node.subscribers.delete(fullJid);
    this.#perSession.delete(fullJid);
  }

  #isImplicitFor(nodeName: string, jid: Jid): boolean {
    const implicit = implicitAudience(nodeName);
    return implicit.kind === 'everyone' || (implicit.kind === 'user' && implicit.local === jid.local && jid.domain === this.options.domain);
  }

  /** The `jid` attribute must name the sender's own account (§3.3 invalid-jid); it is kept bare or full as sent. */
  #ownJid(requester: Jid, jidText: string): string | undefined {
    const jid = parseJid(jidText);
    if (!jid || jid.local !== requester.local || jid.domain !== requester.domain) return undefined;
    return jid.resource ? `${bareJid(jid)}/${jid.resource}` : bareJid(jid);
  }

  #count(jid: string, delta: number): void {
    if (!jid.includes('/')) return;
    const next = (this.#perSession.get(jid) ?? 0) + delta;
    if (next <= 0) this.#perSession.delete(jid);
    else this.#perSession.set(jid, next);
  }
}
