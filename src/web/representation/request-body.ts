// Request bodies in, one ltx Element out: XML through the strict shared parser, JSON (rest-api.md §11 E1) mapped
// onto the same element shape so every resource validates one form. Pure; refusals are values.
import { Element, parseXml } from '../../shared/xml/index.ts';
import { badRequest, type FinesseApiError } from '../errors.ts';

export type BodyResult = { ok: true; root: Element } | { ok: false; error: FinesseApiError };

/** Deep enough for a layout; Finesse bodies are shallow, so anything deeper is abuse. */
const XML_LIMITS = { maxDepth: 32, maxElements: 50_000 };

/** Leading whitespace, even before the declaration, is accepted (rest-api.md §1.5). */
export function parseXmlBody(text: string): BodyResult {
  const parsed = parseXml(text.trimStart(), XML_LIMITS);
  if (!parsed.ok) return { ok: false, error: badRequest(parsed.error.condition, `Malformed XML: ${parsed.error.message}`) };
  return { ok: true, root: parsed.root };
}

/** `{"ReasonCode": {"label": "Break", …}}` → `<ReasonCode><label>Break</label>…</ReasonCode>`. */
export function parseJsonBody(text: string): BodyResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: badRequest('json', `Malformed JSON: ${err instanceof Error ? err.message : String(err)}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: badRequest('json', 'the JSON body must be an object with one property, the root element') };
  }
  const entries = Object.entries(value);
  const first = entries[0];
  if (entries.length !== 1 || !first || !validName(first[0])) {
    return { ok: false, error: badRequest('json', 'the JSON body must be an object with one property, the root element') };
  }
  const root = new Element(first[0]);
  const problem = fill(root, first[1], 1);
  return problem ? { ok: false, error: badRequest('json', problem) } : { ok: true, root };
}

function fill(element: Element, value: unknown, depth: number): string | undefined {
  if (depth > XML_LIMITS.maxDepth) return `JSON nested deeper than ${XML_LIMITS.maxDepth}`;
  if (value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    element.t(String(value));
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return `unexpected JSON value in ${element.getName()}`;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@')) {
      if (typeof child !== 'string') return `attribute ${key} must be a string`;
      element.attrs[key.slice(1)] = child;
      continue;
    }
    if (!validName(key)) return `${key} is not an element name`;
    for (const item of Array.isArray(child) ? child : [child]) {
      const sub = new Element(key);
      element.cnode(sub);
      const problem = fill(sub, item, depth + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

const validName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);
