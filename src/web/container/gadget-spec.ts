// The gadget spec XML (OpenSocial Core Gadget 1.1 as desktop-and-gadgets.md §3.1 uses it): ModulePrefs with
// Require/Optional features and Locales, UserPrefs, and Content by view. Pure; a refusal is a value with a
// message a gadget developer can act on.
import { childElements, parseXml, type Element } from '../../shared/xml/index.ts';

export interface GadgetFeature { name: string; params: Record<string, string> }
export interface UserPref { name: string; displayName: string; defaultValue: string; datatype: string; required: boolean }
export interface GadgetLocale { lang: string; country: string; messagesUrl: string; messages: Record<string, string> }
export type GadgetContent =
  | { type: 'html'; views: string[]; html: string }
  | { type: 'url'; views: string[]; href: string };

export interface GadgetSpec {
  title: string;
  description: string;
  thumbnail: string;
  height: number | undefined;
  scrolling: boolean;
  required: GadgetFeature[];
  optional: GadgetFeature[];
  locales: GadgetLocale[];
  userPrefs: UserPref[];
  contents: GadgetContent[];
}

export type SpecResult = { ok: true; spec: GadgetSpec } | { ok: false; message: string };

const SPEC_LIMITS = { maxDepth: 32, maxElements: 5000 };

export function parseGadgetSpec(xml: string): SpecResult {
  const parsed = parseXml(xml.trimStart(), SPEC_LIMITS);
  if (!parsed.ok) return { ok: false, message: `The gadget spec is not well-formed XML: ${parsed.error.message}` };
  const module = parsed.root;
  if (module.getName() !== 'Module') return { ok: false, message: `The gadget spec's root is <${module.getName()}>, not <Module>` };
  const prefs = childElements(module, 'ModulePrefs')[0];
  const contents: GadgetContent[] = [];
  for (const content of childElements(module, 'Content')) {
    const result = parseContent(content);
    if (typeof result === 'string') return { ok: false, message: result };
    contents.push(result);
  }
  if (contents.length === 0) return { ok: false, message: 'The gadget spec has no <Content>' };
  const userPrefs: UserPref[] = [];
  for (const pref of childElements(module, 'UserPref')) {
    const name = pref.attrs.name;
    if (typeof name !== 'string' || name === '') return { ok: false, message: 'A <UserPref> has no name' };
    userPrefs.push({
      name, displayName: attr(pref, 'display_name') || name, defaultValue: attr(pref, 'default_value'),
      datatype: attr(pref, 'datatype') || 'string', required: attr(pref, 'required') === 'true',
    });
  }
  const height = Number(attr(prefs, 'height'));
  return {
    ok: true,
    spec: {
      title: attr(prefs, 'title'), description: attr(prefs, 'description'), thumbnail: attr(prefs, 'thumbnail'),
      height: Number.isFinite(height) && height > 0 ? height : undefined,
      scrolling: attr(prefs, 'scrolling') === 'true',
      required: prefs ? features(prefs, 'Require') : [],
      optional: prefs ? features(prefs, 'Optional') : [],
      locales: prefs ? childElements(prefs, 'Locale').map(parseLocale) : [],
      userPrefs, contents,
    },
  };
}

function attr(element: Element | undefined, name: string): string {
  const value = element?.attrs[name];
  return typeof value === 'string' ? value : '';
}

/** `<Require feature="a"/>`; a comma-separated feature attribute names several. */
function features(prefs: Element, kind: 'Require' | 'Optional'): GadgetFeature[] {
  return childElements(prefs, kind).flatMap((element) => {
    const params: Record<string, string> = {};
    for (const param of childElements(element, 'Param')) {
      if (param.attrs.name) params[String(param.attrs.name)] = param.getText().trim();
    }
    return attr(element, 'feature').split(',').map((name) => name.trim()).filter(Boolean)
      .map((name) => ({ name, params }));
  });
}

function parseLocale(locale: Element): GadgetLocale {
  const messages: Record<string, string> = {};
  for (const msg of childElements(locale, 'msg')) {
    if (msg.attrs.name) messages[String(msg.attrs.name)] = msg.getText().trim();
  }
  return { lang: attr(locale, 'lang').toLowerCase(), country: attr(locale, 'country').toUpperCase(), messagesUrl: attr(locale, 'messages'), messages };
}

function parseContent(content: Element): GadgetContent | string {
  const views = attr(content, 'view').split(',').map((v) => v.trim()).filter(Boolean);
  const type = (attr(content, 'type') || 'html').toLowerCase();
  if (type === 'url') {
    const href = attr(content, 'href').trim();
    if (!href) return 'A <Content type="url"> has no href';
    return { type: 'url', views: views.length ? views : ['default'], href };
  }
  if (type !== 'html' && type !== 'html-sanitized') return `Content type "${type}" is not supported (html or url)`;
  return { type: 'html', views: views.length ? views : ['default'], html: content.getText() };
}

/** `<messagebundle><msg name="k">text</msg>…</messagebundle>` → messages; unparseable → none. */
export function parseMessageBundle(xml: string): Record<string, string> {
  const parsed = parseXml(xml.trimStart(), SPEC_LIMITS);
  if (!parsed.ok) return {};
  const messages: Record<string, string> = {};
  for (const msg of childElements(parsed.root, 'msg')) {
    if (msg.attrs.name) messages[String(msg.attrs.name)] = msg.getText().trim();
  }
  return messages;
}

/** The Content elements of a view, joined; a view the spec lacks falls back to `default` (§3.1). */
export function contentForView(spec: GadgetSpec, view: string): GadgetContent | undefined {
  const pick = (name: string) => spec.contents.filter((c) => c.views.includes(name));
  const chosen = pick(view).length ? pick(view) : pick('default').length ? pick('default') : spec.contents.slice(0, 1);
  const first = chosen[0];
  if (!first || first.type === 'url') return first;
  return { type: 'html', views: first.views, html: chosen.map((c) => (c.type === 'html' ? c.html : '')).join('') };
}

/** The Locale that best fits lang and country: exact, then lang, then the spec's default (`all`/none). */
export function localeFor(spec: GadgetSpec, lang: string, country: string): GadgetLocale | undefined {
  const l = lang.toLowerCase();
  const c = country.toUpperCase();
  const wild = (value: string) => value === '' || value === 'ALL' || value === 'all';
  return spec.locales.find((x) => x.lang === l && x.country === c)
    ?? spec.locales.find((x) => x.lang === l && wild(x.country))
    ?? spec.locales.find((x) => wild(x.lang) && wild(x.country));
}
