// Building AXL response elements: ltx Elements, UUIDs in CUCM's response form.
import { Element } from '../../shared/xml/index.ts';

export type XmlValue = string | number | boolean | null | undefined;

/** CUCM writes uuids upper case in braces in responses (axl.md §4). */
export function formatUuid(uuid: string): string {
  return `{${uuid.toUpperCase()}}`;
}

export function el(name: string, attrs: Record<string, string> = {}, ...children: ReadonlyArray<Element | string>): Element {
  const element = new Element(name, attrs);
  for (const child of children) {
    if (typeof child === 'string') element.t(child);
    else element.cnode(child);
  }
  return element;
}

/** A leaf element; null or undefined is an empty element, as CUCM renders an unset field. */
export function leaf(name: string, value: XmlValue, attrs: Record<string, string> = {}): Element {
  return value === null || value === undefined || value === '' ? el(name, attrs) : el(name, attrs, String(value));
}

/** The object with only the children `tags` names; no `tags` keeps everything (axl.md §4 returnedTags). */
export function pickTags(element: Element, tags: ReadonlySet<string> | undefined): Element {
  if (tags === undefined || tags.size === 0) return element;
  const picked = new Element(element.name, { ...element.attrs });
  for (const child of element.getChildElements()) if (tags.has(child.getName())) picked.cnode(child);
  return picked;
}
