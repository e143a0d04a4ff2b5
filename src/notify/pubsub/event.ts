// The event message (notifications.md §4.1): rendered once per publish; per session only `to` and `id` are
// spliced in. No whitespace between tags (R2), no body or SubID headers (R3), the Update as escaped text (R1).
import { escapeXML, escapeXMLText } from 'ltx';
import { NS } from '../xmpp/namespaces.ts';
import type { PublishedItem } from './service.ts';

export interface RenderedEvent {
  /** The whole `<message>` for one recipient. */
  to(jid: string, messageId: string): string;
}

export function renderEvent(pubsubDomain: string, item: PublishedItem): RenderedEvent {
  // jabber:client is declared on every message so the same string is right on TCP, in a WebSocket frame and in
  // a BOSH body (§4.1).
  const head = `<message xmlns='${NS.client}' from='${escapeXML(pubsubDomain)}' to='`;
  const tail = `'><event xmlns='${NS.pubsubEvent}'><items node='${escapeXML(item.node)}'><item id='${escapeXML(item.id)}'>`
    + `<notification xmlns='${NS.pubsub}'>${escapeXMLText(item.payload)}</notification></item></items></event></message>`;
  return { to: (jid, messageId) => `${head}${escapeXML(jid)}' id='${escapeXML(messageId)}${tail}` };
}

/** The `<Update>` as Finesse sends it: no XML declaration, no leading whitespace (§4.1). */
export function normalisePayload(payloadXml: string): string {
  return payloadXml.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
}
