// The UCCX XML mapping shared by every /adminapi/ resource (adminapi.md §1.2): an object tree written in the
// spec's element order, and a reader that takes elements in any order, refuses unknown ones and resolves
// `refURL` references to their key.
import { Element, escapeXML, escapeXMLText, parseXml } from '../../shared/xml/index.ts';
import { invalidInput, malformed } from './errors.ts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export type AdminNode =
  | { readonly kind: 'leaf'; readonly name: string; readonly text: string; readonly attrs?: Record<string, string> }
  | { readonly kind: 'record'; readonly name: string; readonly children: readonly AdminNode[]; readonly attrs?: Record<string, string> };

export const leaf = (name: string, value: string | number | boolean | undefined, attrs?: Record<string, string>): AdminNode =>
  ({ kind: 'leaf', name, text: value === undefined ? '' : String(value), ...(attrs ? { attrs } : {}) });
export const record = (name: string, children: readonly AdminNode[], attrs?: Record<string, string>): AdminNode =>
  ({ kind: 'record', name, children, ...(attrs ? { attrs } : {}) });
/** A nameUriPair: `<skill name="Billing"><refURL>…/adminapi/skill/7</refURL></skill>`. */
export const reference = (element: string, name: string, url: string): AdminNode =>
  record(element, [leaf('refURL', url)], { name });

/** Empty elements are self-closing, as UCCX writes `<primarySupervisorOf/>`. */
export function renderXml(root: AdminNode): string {
  return XML_DECLARATION + render(root);
}

function render(node: AdminNode): string {
  const attrs = Object.entries(node.attrs ?? {}).map(([k, v]) => ` ${k}="${escapeXML(v)}"`).join('');
  const inner = node.kind === 'leaf' ? escapeXMLText(node.text) : node.children.map(render).join('');
  return inner === '' ? `<${node.name}${attrs}/>` : `<${node.name}${attrs}>${inner}</${node.name}>`;
}

const XML_LIMITS = { maxDepth: 16, maxElements: 100_000 };

/** A body that does not parse → the 400 of adminapi.md §1.4 ("malformed syntax"). */
export function parseBody(text: string): Element {
  const parsed = parseXml(text.trimStart(), XML_LIMITS);
  if (!parsed.ok) throw malformed();
  return parsed.root;
}

/** Element names compare without case on the root only: samples write `<Skill>` (§1.2, inference). */
export function expectRoot(body: unknown, name: string): Fields {
  if (!(body instanceof Element)) throw invalidInput(name, `the request requires a ${name} body`);
  if (body.getName().toLowerCase() !== name.toLowerCase()) throw invalidInput(body.getName(), `the root element must be ${name}`);
  return new Fields(body, name);
}

/**
 * The children of one element, read in any order. `allow` names every element the object has; anything else
 * is refused (§1.2 [Poise]). A repeated single element counts as wrong input.
 */
export class Fields {
  constructor(readonly element: Element, readonly path: string) {}

  allow(names: readonly string[]): this {
    for (const child of this.element.getChildElements()) {
      if (!names.includes(child.getName())) {
        throw invalidInput(child.getName(), `Unknown element ${child.getName()} in ${this.path}`);
      }
    }
    return this;
  }

  has(name: string): boolean { return this.all(name).length > 0; }

  all(name: string): Element[] { return this.element.getChildElements().filter((c) => c.getName() === name); }

  child(name: string): Fields | undefined {
    const found = this.#one(name);
    return found ? new Fields(found, `${this.path}/${name}`) : undefined;
  }

  children(name: string): Fields[] { return this.all(name).map((e) => new Fields(e, `${this.path}/${name}`)); }

  text(name: string): string | undefined { return this.#one(name)?.getText().trim(); }

  requiredText(name: string, max = Infinity): string {
    const value = this.text(name);
    if (value === undefined || value === '') throw invalidInput(name, `${name} is required`);
    if (value.length > max) throw invalidInput(name, `${name} must have at most ${max} characters`);
    return value;
  }

  int(name: string, min: number, max: number): number | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === '') return undefined;
    const value = /^-?[0-9]{1,10}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) throw invalidInput(name, `${name} must be an integer from ${min} to ${max}`);
    return value;
  }

  bool(name: string): boolean | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === '') return undefined;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw invalidInput(name, `${name} must be true or false`);
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === '') return undefined;
    const match = values.find((v) => v.toLowerCase() === raw.toLowerCase());
    if (match === undefined) throw invalidInput(name, `${name} must be one of ${values.join(', ')}`);
    return match;
  }

  #one(name: string): Element | undefined {
    const found = this.all(name);
    if (found.length > 1) throw invalidInput(name, `${name} may appear only once in ${this.path}`);
    return found[0];
  }
}

export interface Link { readonly path: string; readonly key: string }

/**
 * The key a nameUriPair's `refURL` names: its path alone, absolute or relative, object segment in any case
 * (samples write `/adminapi/Skill/4`); `name` is ignored (§1.2). A refURL to another object type → 400.
 */
export function linkOf(pair: Fields, object: string): Link {
  pair.allow(['refURL']);
  const url = pair.requiredText('refURL');
  let path: string;
  try {
    path = new URL(url, 'http://localhost').pathname;
  } catch {
    throw invalidInput(url, 'Not a valid link uri');
  }
  const m = /^\/adminapi\/([^/]+)\/([^/]+)\/?$/i.exec(path);
  if (!m || m[1]!.toLowerCase() !== object.toLowerCase()) throw invalidInput(url, `Not a valid link uri to ${object}`);
  return { path, key: decodeURIComponent(m[2]!) };
}
