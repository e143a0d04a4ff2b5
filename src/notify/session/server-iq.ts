// iqs to the server itself (notifications.md §2): session, roster, ping, disco. Anything else is unhandled
// and the callee answers service-unavailable.
import { Element } from 'ltx';
import { NS } from '../xmpp/namespaces.ts';
import { StanzaError } from '../xmpp/stanza-error.ts';
import type { IqAnswer } from './iq-callee.ts';

export interface ServerIqContext { domain: string; pubsubDomain: string; publisherBareJid: string }

export function handleServerIq(iq: Element, payload: Element, ctx: ServerIqContext): IqAnswer {
  const key = `${iq.attrs.type}:${payload.getName()}:${payload.attrs.xmlns}`;
  switch (key) {
    case `set:session:${NS.session}`:
      return undefined; // RFC 3921 session establishment: Strophe requires the empty result (§2)
    case `get:ping:${NS.ping}`:
      return undefined; // XEP-0199
    case `get:query:${NS.roster}`: {
      // Read-only roster with the publisher, whose presence tells clients the web service is alive (§2, §9).
      const query = new Element('query', { xmlns: NS.roster });
      query.c('item', { jid: ctx.publisherBareJid, subscription: 'both' });
      return query;
    }
    case `set:query:${NS.roster}`:
      throw new StanzaError('cancel', 'not-allowed');
    case `get:query:${NS.discoInfo}`: {
      if (payload.attrs.node !== undefined) throw new StanzaError('cancel', 'item-not-found');
      const info = new Element('query', { xmlns: NS.discoInfo });
      info.c('identity', { category: 'server', type: 'im', name: 'Poise' });
      for (const feature of [NS.discoInfo, NS.discoItems, NS.ping]) info.c('feature', { var: feature });
      return info;
    }
    case `get:query:${NS.discoItems}`: {
      if (payload.attrs.node !== undefined) throw new StanzaError('cancel', 'item-not-found');
      return new Element('query', { xmlns: NS.discoItems }).c('item', { jid: ctx.pubsubDomain, name: 'Finesse notifications' }).root();
    }
    default:
      return null;
  }
}
