// gadgets.io (desktop-and-gadgets.md §3.3): requests go through this node's /gadgets/makeRequest, always on the
// page's own origin (a gadget page's <base> points at its spec's host).
import {
  AuthorizationType, ContentType, MethodType, RequestParameters, gadgetResponse, requestForm, type GadgetResponse,
} from './io-response.ts';

export interface GadgetsIo {
  makeRequest(url: string, callback: (response: GadgetResponse) => void, params?: Record<string, unknown>): void;
  encodeValues(fields: Record<string, unknown>): string;
  RequestParameters: typeof RequestParameters;
  MethodType: typeof MethodType;
  ContentType: typeof ContentType;
  AuthorizationType: typeof AuthorizationType;
}

export function gadgetsIo(specUrl: () => string): GadgetsIo {
  const proxy = `${location.origin}/gadgets/makeRequest`;
  const parseDom = (xml: string): unknown => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return doc.getElementsByTagName('parsererror').length > 0 ? null : doc;
  };
  return {
    makeRequest(url, callback, params = {}) {
      const contentType = String(params[RequestParameters.CONTENT_TYPE] ?? ContentType.TEXT);
      const form = requestForm(url, params, { specUrl: specUrl() });
      const answer = (response: GadgetResponse) => {
        if (typeof callback === 'function') callback(response);
      };
      fetch(proxy, {
        method: 'POST', body: form, credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      }).then(async (res) => answer(gadgetResponse(res.status, await res.text(), url, contentType, parseDom)),
        (err: unknown) => answer({ data: undefined, text: '', rc: 500, headers: {}, errors: [`500 ${String(err)}`] }));
    },
    encodeValues: (fields) => new URLSearchParams(
      Object.entries(fields).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)])).toString(),
    RequestParameters, MethodType, ContentType, AuthorizationType,
  };
}
