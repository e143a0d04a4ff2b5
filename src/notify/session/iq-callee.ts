// Every iq get/set gets exactly one answer (RFC 6120 §8.2.3), as xmpp.js's iq callee does: a malformed one
// `bad-request`, a handler that throws something other than a StanzaError `internal-server-error`, and one
// nobody handles `service-unavailable`.
import { Element } from 'ltx';
import type { ConnectionLog } from './connection-log.ts';
import { StanzaError, errorReply } from '../xmpp/stanza-error.ts';

/** The result's payload, `undefined` for an empty result, `null` when no handler takes this iq. */
export type IqAnswer = Element | undefined | null;
export type IqHandler = (iq: Element, payload: Element) => IqAnswer | Promise<IqAnswer>;

/** `from` of the reply: the entity the iq was addressed to. Result/error iqs return `undefined` (never answered). */
export async function answerIq(iq: Element, handler: IqHandler, from: string | undefined, log: ConnectionLog): Promise<Element | undefined> {
  const type = iq.attrs.type;
  if (type === 'result' || type === 'error') return undefined;
  const children = iq.getChildElements();
  const [payload] = children;
  if ((type !== 'get' && type !== 'set') || children.length !== 1 || !payload || typeof iq.attrs.id !== 'string') {
    return errorReply(iq, new StanzaError('modify', 'bad-request'), from);
  }
  let answer: IqAnswer;
  try {
    answer = await handler(iq, payload);
  } catch (err) {
    if (err instanceof StanzaError) return errorReply(iq, err, from);
    log.error({ err, element: payload.getName(), ns: payload.attrs.xmlns }, 'iq handler failed');
    return errorReply(iq, new StanzaError('cancel', 'internal-server-error'), from);
  }
  if (answer === null) return errorReply(iq, new StanzaError('cancel', 'service-unavailable'), from);
  const attrs: Record<string, string> = { type: 'result', id: iq.attrs.id };
  if (from !== undefined) attrs.from = from;
  if (typeof iq.attrs.from === 'string') attrs.to = iq.attrs.from;
  const reply = new Element('iq', attrs);
  if (answer) reply.cnode(answer);
  return reply;
}
