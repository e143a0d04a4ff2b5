// Stanza errors (RFC 6120 §8.3), with the XEP-0060 application condition when pubsub adds one (§7, §6.1.3).
import { Element } from 'ltx';
import { NS } from './namespaces.ts';

export type StanzaErrorType = 'cancel' | 'modify' | 'auth' | 'wait';

/** RFC 6120 §8.3.3, the conditions Poise sends. */
export type StanzaErrorCondition =
  | 'bad-request' | 'conflict' | 'feature-not-implemented' | 'forbidden' | 'internal-server-error' | 'item-not-found'
  | 'jid-malformed' | 'not-acceptable' | 'not-allowed' | 'not-authorized' | 'policy-violation' | 'resource-constraint'
  | 'service-unavailable' | 'unexpected-request';

/** XEP-0060 pubsub#errors conditions Poise sends. */
export type PubsubErrorCondition =
  | 'invalid-jid' | 'closed-node' | 'too-many-subscriptions' | 'not-subscribed' | 'nodeid-required' | 'item-required'
  | 'payload-required' | 'unsupported';

export class StanzaError extends Error {
  constructor(
    readonly type: StanzaErrorType,
    readonly condition: StanzaErrorCondition,
    readonly pubsubCondition?: PubsubErrorCondition,
  ) {
    super(condition);
    this.name = 'StanzaError';
  }
}

/** The error reply to `stanza`: same name and id, addresses swapped, the request's payload not echoed. */
export function errorReply(stanza: Element, error: StanzaError, from: string | undefined): Element {
  const attrs: Record<string, string> = { type: 'error' };
  if (typeof stanza.attrs.id === 'string') attrs.id = stanza.attrs.id;
  if (from !== undefined) attrs.from = from;
  if (typeof stanza.attrs.from === 'string') attrs.to = stanza.attrs.from;
  const reply = new Element(stanza.getName(), attrs);
  const body = reply.c('error', { type: error.type });
  body.c(error.condition, { xmlns: NS.stanzas });
  if (error.pubsubCondition) body.c(error.pubsubCondition, { xmlns: NS.pubsubErrors });
  return reply;
}
