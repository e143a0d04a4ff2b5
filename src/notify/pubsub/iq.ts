// Pubsub iqs (XEP-0060) to pubsub.<domain> onto the service, and its refusals onto stanza errors in one table
// (notifications.md §3.3).
import { Element } from 'ltx';
import { NS } from '../xmpp/namespaces.ts';
import { StanzaError } from '../xmpp/stanza-error.ts';
import type { Jid } from '../xmpp/jid.ts';
import type { IqAnswer } from '../session/iq-callee.ts';
import type { PubsubPolicy } from './policy.ts';
import type { PubsubFailure, PubsubService, Outcome } from './service.ts';

const FAILURES: Record<PubsubFailure, StanzaError> = {
  'item-not-found': new StanzaError('cancel', 'item-not-found'),
  'not-allowed': new StanzaError('cancel', 'not-allowed', 'closed-node'),
  forbidden: new StanzaError('auth', 'forbidden'),
  'invalid-jid': new StanzaError('modify', 'bad-request', 'invalid-jid'),
  'too-many-subscriptions': new StanzaError('wait', 'policy-violation', 'too-many-subscriptions'),
  'not-subscribed': new StanzaError('cancel', 'unexpected-request', 'not-subscribed'),
  'implicit-subscription': new StanzaError('cancel', 'not-allowed'),
  conflict: new StanzaError('cancel', 'conflict'),
};

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw FAILURES[outcome.failure];
  return outcome.value;
}

export interface PubsubIqContext {
  service: PubsubService;
  policy: PubsubPolicy;
  /** Stores and fans out an item (the publisher's in-process path does the same); returns the item id. */
  publish(node: string, payload: string, itemId?: string): Outcome<string>;
  requester: Jid;
}

const pubsubElement = (ns: string = NS.pubsub) => new Element('pubsub', { xmlns: ns });

export function handlePubsubIq(iq: Element, payload: Element, ctx: PubsubIqContext): IqAnswer {
  const ns = payload.attrs.xmlns;
  if (payload.getName() === 'query' && ns === NS.discoInfo) return discoInfo(payload, ctx);
  if (payload.getName() === 'query' && ns === NS.discoItems) return new Element('query', { xmlns: NS.discoItems, ...nodeAttr(payload) });
  if (payload.getName() !== 'pubsub' || (ns !== NS.pubsub && ns !== NS.pubsubOwner)) return null;
  const [op] = payload.getChildElements();
  if (!op) throw new StanzaError('modify', 'bad-request');
  const type = iq.attrs.type;
  const node = typeof op.attrs.node === 'string' ? op.attrs.node : undefined;
  const { service, requester } = ctx;
  const owner = () => {
    if (!ctx.policy.mayPublish(requester)) throw FAILURES.forbidden;
  };
  const needNode = () => {
    if (!node) throw new StanzaError('modify', 'bad-request', 'nodeid-required');
    return node;
  };
  switch (`${type}:${ns === NS.pubsubOwner ? 'owner#' : ''}${op.getName()}`) {
    case 'set:subscribe': {
      const jid = typeof op.attrs.jid === 'string' ? op.attrs.jid : '';
      const sub = value(service.subscribe(requester, needNode(), jid));
      return subscriptionResult(sub.node, sub.jid, 'subscribed');
    }
    case 'set:unsubscribe': {
      const jid = typeof op.attrs.jid === 'string' ? op.attrs.jid : '';
      value(service.unsubscribe(requester, needNode(), jid));
      return undefined;
    }
    case 'get:subscriptions': {
      const list = new Element('subscriptions', node ? { node } : {});
      for (const sub of service.subscriptions(requester)) {
        if (node && sub.node.toLowerCase() !== node.toLowerCase()) continue;
        list.c('subscription', { node: sub.node, jid: sub.jid, subscription: 'subscribed' });
      }
      return pubsubElement().cnode(list).root();
    }
    case 'get:items': {
      const name = needNode();
      if (!ctx.policy.maySubscribe(requester, service.canonicalName(name) ?? name)) {
        if (service.hasNode(name)) throw FAILURES['not-allowed'];
      }
      const last = value(service.lastItem(name));
      const items = new Element('items', { node: service.canonicalName(name) ?? name });
      if (last) items.c('item', { id: last.id }).c('notification', { xmlns: NS.pubsub }).t(last.payload);
      return pubsubElement().cnode(items).root();
    }
    case 'set:publish': {
      owner();
      const name = needNode();
      const item = op.getChild('item');
      const notification = item?.getChildElements()[0];
      if (!notification) throw new StanzaError('modify', 'bad-request', 'payload-required');
      const given = typeof item?.attrs.id === 'string' ? item.attrs.id : undefined;
      const id = value(ctx.publish(name, notification.getText(), given));
      return pubsubElement().cnode(new Element('publish', { node: name })).c('item', { id }).root();
    }
    case 'set:create':
      owner();
      // A <configure/> alongside <create/> is accepted and ignored: Poise nodes have one configuration.
      value(service.createNode(needNode()));
      return undefined;
    case 'set:configure':
    case 'set:owner#configure':
      owner();
      if (!service.hasNode(needNode())) throw FAILURES['item-not-found'];
      return undefined;
    case 'set:owner#delete':
      owner();
      value(service.deleteNode(needNode()));
      return undefined;
    default:
      throw new StanzaError('cancel', 'feature-not-implemented', 'unsupported');
  }
}

function subscriptionResult(node: string, jid: string, state: string): Element {
  return pubsubElement().c('subscription', { node, jid, subscription: state }).root();
}

function nodeAttr(query: Element): Record<string, string> {
  return typeof query.attrs.node === 'string' ? { node: query.attrs.node } : {};
}

/** §3.3: the service as `pubsub/service`; a node as `pubsub/leaf` first (R11). */
function discoInfo(query: Element, ctx: PubsubIqContext): Element {
  const node = typeof query.attrs.node === 'string' ? query.attrs.node : undefined;
  if (node !== undefined) {
    if (!ctx.service.hasNode(node)) throw FAILURES['item-not-found'];
    const info = new Element('query', { xmlns: NS.discoInfo, node });
    info.c('identity', { category: 'pubsub', type: 'leaf' });
    info.c('feature', { var: NS.pubsub });
    return info;
  }
  const info = new Element('query', { xmlns: NS.discoInfo });
  info.c('identity', { category: 'pubsub', type: 'service' });
  for (const feature of [NS.discoInfo, NS.discoItems, NS.pubsub, `${NS.pubsub}#subscribe`, `${NS.pubsub}#retrieve-subscriptions`, `${NS.pubsub}#publish`]) {
    info.c('feature', { var: feature });
  }
  return info;
}
