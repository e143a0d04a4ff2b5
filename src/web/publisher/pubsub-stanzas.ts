// The publisher's iqs to pubsub.<domain> (notifications.md §3.4), serialised here so the `<Update>` arrives as the
// same characters that were rendered: the notification service keeps the text it parses, and an XML parser turns a
// raw carriage return into a line feed, so `\r` travels as a character reference. Pure.
import { escapeXML } from '../../shared/xml/index.ts';

const PUBSUB_NS = 'http://jabber.org/protocol/pubsub';
const PUBSUB_OWNER_NS = 'http://jabber.org/protocol/pubsub#owner';

/** Characters XML 1.0 cannot carry at all, not even as references (§2.2); lone surrogates included. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Whether the text can travel inside an XML stanza unchanged. */
export function isXmlText(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/** Element text that parses back to exactly `text`. */
export function escapeExactText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

const iq = (id: string, to: string, body: string) => `<iq type='set' id='${escapeXML(id)}' to='${escapeXML(to)}'>${body}</iq>`;

export function publishIq(id: string, pubsubDomain: string, node: string, updateXml: string): string {
  return iq(id, pubsubDomain, `<pubsub xmlns='${PUBSUB_NS}'><publish node='${escapeXML(node)}'><item>`
    + `<notification>${escapeExactText(updateXml)}</notification></item></publish></pubsub>`);
}

export function createIq(id: string, pubsubDomain: string, node: string): string {
  return iq(id, pubsubDomain, `<pubsub xmlns='${PUBSUB_NS}'><create node='${escapeXML(node)}'/></pubsub>`);
}

export function deleteIq(id: string, pubsubDomain: string, node: string): string {
  return iq(id, pubsubDomain, `<pubsub xmlns='${PUBSUB_OWNER_NS}'><delete node='${escapeXML(node)}'/></pubsub>`);
}
