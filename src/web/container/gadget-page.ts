// The page /gadgets/ifr answers (desktop-and-gadgets.md §3.2): the runtime script, the gadget's configuration
// (prefs, module id, features), a <base> so the content's relative URLs resolve against the spec's URL, and the
// content with __UP_name__, __MSG_key__ and __MODULE_ID__ substituted. Pure.
import type { GadgetPageConfig } from '../../../desktop/gadget-runtime/page-config.ts';
import { PAGE_CONFIG_GLOBAL } from '../../../desktop/gadget-runtime/page-config.ts';
import { SUPPORTED_FEATURES } from './gadget-features.ts';
import { contentForView, type GadgetSpec } from './gadget-spec.ts';

export interface PageRequest {
  spec: GadgetSpec;
  /** Absolute URL of the spec: the base of the content's relative URLs. */
  specUrl: string;
  /** Origin of this node as the browser reached it, for the runtime script. */
  origin: string;
  view: string;
  mid: string;
  lang: string;
  country: string;
  /** Every `up_<name>` of the request, without the prefix. */
  userPrefParams: Record<string, string>;
  messages: Record<string, string>;
}

export type PageResult =
  | { kind: 'html'; html: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; status: 400; message: string };

export function renderGadgetPage(request: PageRequest): PageResult {
  const { spec } = request;
  const unknown = spec.required.filter((f) => !SUPPORTED_FEATURES.has(f.name)).map((f) => f.name);
  if (unknown.length > 0) {
    return { kind: 'error', status: 400, message: `The gadget requires features this container does not provide: ${unknown.join(', ')}` };
  }
  const content = contentForView(spec, request.view);
  if (!content) return { kind: 'error', status: 400, message: `The gadget has no content for the view "${request.view}"` };
  const prefs = userPrefValues(spec, request.userPrefParams);
  if (content.type === 'url') {
    const target = new URL(substitute(content.href, prefs, request.messages, request.mid, encodeURIComponent), request.specUrl);
    for (const [name, value] of Object.entries(prefs)) target.searchParams.set(`up_${name}`, value);
    target.searchParams.set('lang', request.lang);
    target.searchParams.set('country', request.country);
    target.searchParams.set('mid', request.mid);
    return { kind: 'redirect', location: target.toString() };
  }
  const features: Record<string, Record<string, string>> = {};
  for (const feature of [...spec.required, ...spec.optional]) {
    if (SUPPORTED_FEATURES.has(feature.name)) features[feature.name] = feature.params;   // unknown Optional: ignored
  }
  const config: GadgetPageConfig = {
    mid: request.mid, specUrl: request.specUrl, view: request.view,
    views: [...new Set(spec.contents.flatMap((c) => c.views))], features, prefs,
    messages: request.messages, lang: request.lang, country: request.country,
  };
  const featureList = Object.keys(features).sort().join(':') || 'core';
  const runtime = `${request.origin}/gadgets/js/${encodeURIComponent(featureList).replaceAll('%3A', ':')}.js?c=1&container=default`;
  const body = substitute(content.html, prefs, request.messages, request.mid, escapeHtml);
  const html = '<!DOCTYPE html>\n<html><head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(substitute(spec.title, prefs, request.messages, request.mid, (s) => s))}</title>\n` +
    `<script>window.${PAGE_CONFIG_GLOBAL} = ${scriptJson(config)};</script>\n` +
    `<script src="${escapeHtml(runtime)}"></script>\n` +
    `<base href="${escapeHtml(request.specUrl)}">\n` +
    `</head><body${spec.scrolling ? '' : ' style="overflow:hidden"'}>\n${body}\n</body></html>\n`;
  return { kind: 'html', html };
}

/** Each declared UserPref: its `up_` value, else its default; then any other `up_` the container sent. */
export function userPrefValues(spec: GadgetSpec, params: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = { ...params };
  for (const pref of spec.userPrefs) values[pref.name] = params[pref.name] ?? pref.defaultValue;
  return values;
}

/**
 * Substitutes the hangman variables. A pref value comes from the URL, so it is escaped for where it lands (HTML
 * content, or a URL): a crafted link must not put script into a page on the desktop's origin.
 */
export function substitute(text: string, prefs: Record<string, string>, messages: Record<string, string>, mid: string,
                           escapeValue: (value: string) => string): string {
  return text.replace(/__(UP|MSG|MODULE)_([A-Za-z0-9_.-]*?)__/g, (whole, kind: string, name: string) => {
    if (kind === 'UP') return Object.hasOwn(prefs, name) ? escapeValue(prefs[name] ?? '') : '';
    if (kind === 'MSG') return Object.hasOwn(messages, name) ? (messages[name] ?? '') : '';
    return name === 'ID' ? escapeValue(mid) : whole;
  });
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON that cannot close the script element it sits in. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A readable error page for the gadget's iframe. */
export function renderErrorPage(message: string): string {
  return '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Gadget error</title></head>' +
    '<body style="font-family:sans-serif;color:#900;padding:8px">' +
    `<p><strong>This gadget cannot be shown.</strong></p><p>${escapeHtml(message)}</p></body></html>\n`;
}
