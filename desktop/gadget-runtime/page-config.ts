// What /gadgets/ifr tells the runtime about the gadget it renders (src/web/container/gadget-page.ts writes it as
// `window.poiseGadgetConfig` before the runtime script). No DOM here: the server and the tests share the type.

export interface GadgetPageConfig {
  /** The module id (`mid`): unique per gadget instance on the page. */
  mid: string;
  specUrl: string;
  view: string;
  /** Views the spec's Content elements declare. */
  views: string[];
  /** Require and Optional features the server knows, with their Params. */
  features: Record<string, Record<string, string>>;
  /** UserPref values: `up_<name>` of the URL, else the spec's default_value. */
  prefs: Record<string, string>;
  /** The Locale message bundle for `getMsg`. */
  messages: Record<string, string>;
  lang: string;
  country: string;
}

export const PAGE_CONFIG_GLOBAL = 'poiseGadgetConfig';

const record = (value: unknown): Record<string, unknown> =>
  (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});
const strings = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(record(value)).filter((e): e is [string, string] => typeof e[1] === 'string'));
const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/**
 * A page without the config (a `Content type="url"` gadget, reached by redirect) takes its module id, language
 * and `up_` prefs from its own URL, which /gadgets/ifr filled in.
 */
export function configFromUrl(search: string): Record<string, unknown> {
  const query = new URLSearchParams(search);
  const prefs: Record<string, string> = {};
  for (const [name, value] of query) if (name.startsWith('up_')) prefs[name.slice(3)] = value;
  return {
    mid: query.get('mid') ?? undefined, lang: query.get('lang') ?? undefined, country: query.get('country') ?? undefined, prefs,
    features: { 'pubsub-2': {}, setprefs: {}, 'dynamic-height': {}, settitle: {}, views: {}, loadingindicator: {} },
  };
}

/** Narrows whatever the page holds into a config; a gadget page opened without one gets empty defaults. */
export function readPageConfig(raw: unknown): GadgetPageConfig {
  const r = record(raw);
  const features = Object.fromEntries(Object.entries(record(r.features)).map(([name, params]) => [name, strings(params)]));
  return {
    mid: text(r.mid, '0'), specUrl: text(r.specUrl, ''), view: text(r.view, 'default'),
    views: Array.isArray(r.views) ? r.views.filter((v): v is string => typeof v === 'string') : ['default'],
    features, prefs: strings(r.prefs), messages: strings(r.messages),
    lang: text(r.lang, 'en'), country: text(r.country, 'US'),
  };
}
