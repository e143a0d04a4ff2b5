// Stream errors (RFC 6120 §4.9): the condition names are the spec's own; the element keeps the `stream:` prefix,
// which CAXL matches by nodeName (notifications.md R6).
import { Element } from 'ltx';
import { NS } from './namespaces.ts';

/** RFC 6120 §4.9.3, the conditions Poise sends. */
export type StreamErrorCondition =
  | 'bad-format' | 'bad-namespace-prefix' | 'conflict' | 'connection-timeout' | 'host-unknown' | 'internal-server-error'
  | 'invalid-from' | 'invalid-namespace' | 'not-authorized' | 'not-well-formed' | 'policy-violation' | 'reset' | 'resource-constraint'
  | 'restricted-xml' | 'system-shutdown' | 'undefined-condition' | 'unsupported-encoding' | 'unsupported-stanza-type'
  | 'unsupported-version';

export class StreamError extends Error {
  constructor(readonly condition: StreamErrorCondition, readonly text?: string) {
    super(text ?? condition);
    this.name = 'StreamError';
  }
}

/** `<stream:error>` with its own `xmlns:stream`, so it stands alone in a WebSocket frame or a BOSH body. */
export function streamErrorElement(error: StreamError): Element {
  const element = new Element('stream:error', { 'xmlns:stream': NS.stream });
  element.c(error.condition, { xmlns: NS.streams });
  // The text is for humans and may leak parser internals; send it only for our own limits (RFC 6120 §4.9.2).
  if (error.text !== undefined && error.condition === 'policy-violation') {
    element.c('text', { xmlns: NS.streams }).t(error.text);
  }
  return element;
}
