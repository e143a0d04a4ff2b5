// The /gadgets/ifr URL of a gadget instance (desktop-and-gadgets.md §3.2): spec, module id, container, view,
// and each user pref as `up_<name>`. The hub's fragment (`#rpctoken=…&oahParent=…`) is added by the
// IframeContainer. Pure.

export interface IfrUrlOptions {
  specUrl: string;
  mid: string | number;
  prefs: Record<string, string>;
  view?: 'default' | 'canvas';
  lang?: string;
  country?: string;
}

export function gadgetIframeUrl(options: IfrUrlOptions): string {
  const query = new URLSearchParams();
  query.set('url', options.specUrl);
  query.set('mid', String(options.mid));
  query.set('container', 'default');
  query.set('view', options.view ?? 'default');
  if (options.lang) query.set('lang', options.lang);
  if (options.country) query.set('country', options.country);
  query.set('nocache', '0');
  for (const [name, value] of Object.entries(options.prefs)) query.set(`up_${name}`, value);
  return `/gadgets/ifr?${query.toString()}`;
}

/** The `set_pref` rpc's arguments, `(editToken, name1, value1, name2, value2…)`, as name/value pairs. */
export function prefPairs(args: readonly unknown[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 1; i + 1 < args.length; i += 2) pairs.push([String(args[i]), String(args[i + 1])]);
  return pairs;
}
