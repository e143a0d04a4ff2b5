// Which hosts the gadget server may reach (desktop-and-gadgets.md §3.3: "Targets MUST be limited to an
// allow-list"): this node's own web ports on its public host, 127.0.0.1 and localhost, which finesse.js sends
// every REST call to, plus the entries an administrator adds. An entry is `host:port`, or `host` alone for the
// scheme's default port (80, 443). Pure.

export interface AllowEntry {
  /** Lower case; an IPv6 address keeps its brackets, as URL.hostname gives it. */
  host: string;
  /** undefined: the default port of the URL's scheme. */
  port: number | undefined;
}

export type EntryResult = { ok: true; entry: AllowEntry } | { ok: false; message: string };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** `example.com`, `example.com:8443`, `10.0.0.5:80`, `[::1]:8082`. */
export function parseAllowEntry(text: string): EntryResult {
  const trimmed = text.trim().toLowerCase();
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(trimmed);
  if (!match) return { ok: false, message: `"${text}" is not host or host:port` };
  const host = match[1] ?? '';
  if (!HOST_NAME.test(host) && !IPV6.test(host)) return { ok: false, message: `"${host}" is not a host name or address` };
  if (match[2] === undefined) return { ok: true, entry: { host: host.replace(/\.$/, ''), port: undefined } };
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return { ok: false, message: `port ${match[2]} is out of range` };
  return { ok: true, entry: { host: host.replace(/\.$/, ''), port } };
}

export const formatAllowEntry = (entry: AllowEntry): string =>
  (entry.port === undefined ? entry.host : `${entry.host}:${entry.port}`);

export interface OwnPorts { publicHost: string; webHttpPort: number; webHttpsPort: number }

/** This node's own web listeners under every name a page or finesse.js may use for it. */
export function ownEntries(site: OwnPorts): AllowEntry[] {
  const hosts = [...new Set([site.publicHost.toLowerCase(), '127.0.0.1', 'localhost'])];
  return hosts.flatMap((host) => [{ host, port: site.webHttpPort }, { host, port: site.webHttpsPort }]);
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** Whether a request to `url` may leave: http or https, and its host and port on the list. */
export function isAllowedTarget(url: URL, entries: readonly AllowEntry[]): boolean {
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) return false;
  if (url.username || url.password) return false;   // credentials in the URL are no business of the proxy
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port === '' ? defaultPort : Number(url.port);
  return entries.some((entry) => entry.host === host && (entry.port ?? defaultPort) === port);
}
