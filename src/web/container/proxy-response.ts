// The /gadgets/makeRequest wrapper (desktop-and-gadgets.md §3.3), pure: the unparseable prefix, the entry keyed
// by the url as sent, `rc`, header names in lower case with array values, and only set-cookie and location
// unless the gadget asked for every header.
import type { IncomingHttpHeaders } from 'node:http';

export const UNPARSEABLE_PREFIX = "throw 1; < don't be evil' >";

const ALWAYS_RETURNED = new Set(['set-cookie', 'location']);

export interface ProxyEntry { rc: number; body: string; headers: Record<string, string[]> }

export function responseHeaders(headers: IncomingHttpHeaders, full: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (value === undefined || (!full && !ALWAYS_RETURNED.has(key))) continue;
    out[key] = Array.isArray(value) ? value : [value];
  }
  return out;
}

export const renderProxyResponse = (url: string, entry: ProxyEntry): string =>
  UNPARSEABLE_PREFIX + JSON.stringify({ [url]: entry });

/** Headers a gadget may not set on the outgoing request: the connection's own, and the proxy's business. */
const HOP_BY_HOP = new Set([
  'host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'proxy-authorization', 'proxy-connection', 'expect',
]);

/** The `headers` parameter, a form-encoded list (`Authorization=Basic%20…&requestId=…`), as request headers. */
export function requestHeaders(encoded: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(encoded ?? '')) {
    const key = name.trim().toLowerCase();
    if (key === '' || HOP_BY_HOP.has(key) || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(key) || /[\r\n\0]/.test(value)) continue;
    headers[key] = value;
  }
  return headers;
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'] as const;
export type ProxyMethod = (typeof HTTP_METHODS)[number];
export const isProxyMethod = (value: string): value is ProxyMethod => (HTTP_METHODS as readonly string[]).includes(value);
