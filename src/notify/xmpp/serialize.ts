// Outgoing stream framing for TCP (RFC 6120 §4.7): the header is an open tag only, so it is written by hand.
import { escapeXML, type Element } from 'ltx';
import { NS } from './namespaces.ts';

export function streamHeader(attrs: { from: string; id: string; to?: string | undefined }): string {
  const to = attrs.to === undefined ? '' : ` to='${escapeXML(attrs.to)}'`;
  return `<?xml version='1.0'?><stream:stream xmlns='${NS.client}' xmlns:stream='${NS.stream}' from='${escapeXML(attrs.from)}'`
    + `${to} id='${escapeXML(attrs.id)}' version='1.0' xml:lang='en'>`;
}

export const STREAM_CLOSE = '</stream:stream>';

/** ltx escapes attributes and text; Poise never emits CDATA, comments or whitespace between tags (R2). */
export function serializeStanza(element: Element): string {
  return element.toString();
}
