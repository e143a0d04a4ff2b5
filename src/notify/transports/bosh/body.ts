// BOSH `<body/>` wrappers (XEP-0124 §4, XEP-0206): request decoding and response rendering. Pure.
import { escapeXML, type Element } from 'ltx';
import { parseXml } from '../../../shared/xml/index.ts';
import { NS } from '../../xmpp/namespaces.ts';

export type BoshCondition = 'bad-request' | 'item-not-found' | 'policy-violation' | 'remote-stream-error' | 'host-unknown' | 'undefined-condition';

export interface BoshRequest {
  attrs: Record<string, string>;
  rid: number;
  sid: string | undefined;
  payloads: Element[];
}

export type DecodedBody = { ok: true; request: BoshRequest } | { ok: false; condition: BoshCondition };

/** rid is a positive integer below 2^53 (XEP-0124 §7.3); anything else is a bad request. */
const RID = /^[0-9]{1,16}$/;

export function decodeBody(bytes: Uint8Array, maxBytes: number): DecodedBody {
  if (bytes.length > maxBytes) return { ok: false, condition: 'policy-violation' };
  const parsed = parseXml(bytes, { maxDepth: 34, maxElements: 10_000 });
  if (!parsed.ok) return { ok: false, condition: parsed.error.condition === 'policy-violation' ? 'policy-violation' : 'bad-request' };
  const root = parsed.root;
  if (root.getName() !== 'body' || root.getNS() !== NS.httpbind) return { ok: false, condition: 'bad-request' };
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(root.attrs)) if (typeof v === 'string') attrs[k] = v;
  const rid = attrs.rid;
  if (rid === undefined || !RID.test(rid)) return { ok: false, condition: 'bad-request' };
  const payloads = root.getChildElements();
  for (const payload of payloads) payload.parent = null; // stanzas stand alone once out of the wrapper
  return { ok: true, request: { attrs, rid: Number(rid), sid: attrs.sid, payloads } };
}

/** A response body; payloads are already serialised (event messages are rendered once for all sessions). */
export function renderBody(attrs: Record<string, string | number>, payloads: readonly string[] = []): string {
  let open = `<body xmlns='${NS.httpbind}'`;
  for (const [k, v] of Object.entries(attrs)) open += ` ${k}='${escapeXML(String(v))}'`;
  return payloads.length === 0 ? `${open}/>` : `${open}>${payloads.join('')}</body>`;
}

export const terminateBody = (condition?: BoshCondition, payloads: readonly string[] = []): string =>
  renderBody(condition === undefined ? { type: 'terminate' } : {
    type: 'terminate', condition, ...(condition === 'remote-stream-error' ? { 'xmlns:stream': NS.stream } : {}),
  }, payloads);
