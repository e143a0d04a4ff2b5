// SOAP 1.1 request decoding (axl.md §1). Pure: bytes and the SOAPAction header in, a request or its refusal out.
import { parseXml, type Element, type XmlLimits } from '../../shared/xml/index.ts';
import { AxlFault, malformed } from './faults.ts';
import { namespaceVersion, parseSoapAction, resolveVersion, type AxlVersion } from './versions.ts';

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface AxlRequest {
  version: AxlVersion;
  /** The operation element's namespace, echoed on the response (axl.md §1). */
  namespace: string;
  operation: string;
  /** The operation element itself: `<ns:getUser>…</ns:getUser>`. */
  element: Element;
  /** The optional `sequence` attribute, echoed on the response. */
  sequence?: string | undefined;
}

export type DecodedRequest =
  | { ok: true; request: AxlRequest }
  | { ok: false; kind: 'fault'; fault: AxlFault; operation: string | undefined }
  | { ok: false; kind: 'version'; operation: string | undefined };

const SEQUENCE = /^[0-9]{1,20}$/;

export function decodeRequest(body: Uint8Array | string, soapAction: string | undefined, limits?: XmlLimits): DecodedRequest {
  const hinted = parseSoapAction(soapAction)?.operation; // labels faults found before the Body is read
  const refuse = (reason: string, operation = hinted): DecodedRequest =>
    ({ ok: false, kind: 'fault', fault: malformed(reason), operation });
  if (body.length === 0) return refuse('the request body is empty');
  const parsed = parseXml(body, limits);
  if (!parsed.ok) return refuse(parsed.error.message);
  const envelope = parsed.root;
  if (envelope.getName() !== 'Envelope' || envelope.getNS() !== SOAP_ENVELOPE_NS) {
    return refuse('the document is not a SOAP 1.1 Envelope');
  }
  const parts = envelope.getChildElements();
  const bodies = parts.filter((c) => c.getName() === 'Body' && c.getNS() === SOAP_ENVELOPE_NS);
  const [soapBody] = bodies;
  if (!soapBody || bodies.length > 1) return refuse('the Envelope must hold exactly one Body');
  const operations = soapBody.getChildElements();
  const [element] = operations;
  if (!element) return refuse('no operation in the SOAP Body');
  const operation = element.getName();
  if (operations.length > 1) return refuse('the SOAP Body must hold exactly one operation', operation);
  const namespace = element.getNS();
  const nsVersion = namespaceVersion(namespace);
  if (namespace === undefined || nsVersion === undefined) return refuse('the operation is not in an AXL namespace', operation);
  const version = resolveVersion(nsVersion, soapAction);
  if (version === undefined) return { ok: false, kind: 'version', operation };
  const sequence = element.attrs.sequence;
  if (sequence !== undefined && (typeof sequence !== 'string' || !SEQUENCE.test(sequence))) {
    return refuse('sequence must be an unsigned integer', operation);
  }
  return { ok: true, request: { version, namespace, operation, element, sequence } };
}
