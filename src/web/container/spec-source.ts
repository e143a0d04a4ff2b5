// Where a gadget spec comes from (desktop-and-gadgets.md §2, §3.2): a relative URL is this node's (a built-in
// gadget from its table, else a GET to the web listener the page came through); an absolute URL is fetched
// only when its host is on the allow-list.
import type { AllowedTargets, GuardedResult } from './allowed-targets.ts';
import { builtinGadgetSpec } from './builtin-gadgets.ts';

export type SpecFetch =
  | { ok: true; xml: string; url: URL }
  | { ok: false; status: 400 | 403 | 404 | 502 | 504; message: string };

export interface SpecSourceOptions {
  targets: AllowedTargets;
  /** Origin of this node's own listener (own-listener.ts). */
  ownOrigin: () => string;
}

const isAbsolute = (url: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(url);

/**
 * `pageOrigin` is this node as the browser reached it: relative specs take it as their base, so the content's
 * relative URLs load from where the page came from.
 */
export async function fetchSpec(specUrl: string, pageOrigin: string, options: SpecSourceOptions): Promise<SpecFetch> {
  if (specUrl.trim() === '') return { ok: false, status: 400, message: 'The url parameter (the gadget spec) is missing' };
  if (!isAbsolute(specUrl)) {
    if (!specUrl.startsWith('/')) return { ok: false, status: 400, message: `The spec URL "${specUrl}" must be absolute or start with /` };
    const url = new URL(specUrl, pageOrigin);
    const builtin = builtinGadgetSpec(url.pathname);
    if (builtin !== undefined) return { ok: true, xml: builtin, url };
    const own = new URL(`${url.pathname}${url.search}`, options.ownOrigin());
    const fetched = await get(own, options, true);
    return fetched.ok ? { ...fetched, url } : fetched;
  }
  let url: URL;
  try {
    url = new URL(specUrl);
  } catch {
    return { ok: false, status: 400, message: `The spec URL "${specUrl}" is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, status: 400, message: `The spec URL must be http or https, not ${url.protocol}` };
  }
  return get(url, options);
}

async function get(url: URL, { targets }: SpecSourceOptions, own = false): Promise<SpecFetch> {
  const request = { url, method: 'GET', headers: { accept: 'application/xml, text/xml, */*' } };
  const result: GuardedResult = own ? await targets.sendToSelf(request) : await targets.send(request);
  if (!result.ok) {
    switch (result.failure) {
      case 'refused': return { ok: false, status: 403, message: `The gadget spec's host is not allowed: ${result.message}` };
      case 'timeout': return { ok: false, status: 504, message: `The gadget spec did not arrive: ${result.message}` };
      default: return { ok: false, status: 502, message: `The gadget spec could not be fetched: ${result.message}` };
    }
  }
  if (result.status === 404) return { ok: false, status: 404, message: `No gadget spec at ${url.pathname}` };
  if (result.status !== 200) return { ok: false, status: 502, message: `Fetching the gadget spec answered ${result.status}` };
  return { ok: true, xml: result.body.toString('utf8'), url };
}
