// SOAP 1.1 response and fault rendering (axl.md §1, §3). Pure.
import { serialize, type Element } from '../../shared/xml/index.ts';
import { SOAP_ENVELOPE_NS } from './envelope.ts';
import type { AxlFault } from './faults.ts';
import { el } from './xml.ts';

/** What goes inside `<return>`: a uuid, an object, a list of objects. */
export type ReturnContent = ReadonlyArray<Element | string>;

function envelope(body: Element): string {
  return serialize(el('soapenv:Envelope', { 'xmlns:soapenv': SOAP_ENVELOPE_NS }, el('soapenv:Body', {}, body)));
}

/** `<ns:{operation}Response>` in the request's namespace, with the request's `sequence` echoed. */
export function renderResponse(
  request: { operation: string; namespace: string; sequence?: string | undefined }, content: ReturnContent,
): string {
  const attrs: Record<string, string> = { 'xmlns:ns': request.namespace };
  if (request.sequence !== undefined) attrs.sequence = request.sequence;
  return envelope(el(`ns:${request.operation}Response`, attrs, el('return', {}, ...content)));
}

/** A SOAP fault whose detail is an unprefixed `axlError`, as Poise writes it (axl.md §3). */
export function renderFault(fault: AxlFault, operation: string | undefined): string {
  return envelope(el('soapenv:Fault', {},
    el('faultcode', {}, `soapenv:${fault.faultCode}`),
    el('faultstring', {}, fault.message),
    el('detail', {}, el('axlError', {},
      el('axlcode', {}, String(fault.axlCode)),
      el('axlmessage', {}, fault.message),
      el('request', {}, operation ?? '')))));
}
