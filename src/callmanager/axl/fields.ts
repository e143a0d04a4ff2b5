// Reading request elements. Children are matched by local name whatever their namespace: AXL children are
// unqualified, but some clients (the npm soap client among them) qualify them.
import { childElement, childElements, childText, type Element } from '../../shared/xml/index.ts';
import type { Page } from '../directory/index.ts';
import { invalidRequest } from './faults.ts';

export { childElement, childElements };

/** Trimmed text; `undefined` when the element is absent. */
export const text = (parent: Element, name: string): string | undefined => childText(parent, name);

/** For optional fields: absent → undefined (keep), empty → null (clear). */
export function optional(parent: Element, name: string): string | null | undefined {
  const value = childText(parent, name);
  return value === '' ? null : value;
}

/** A password or PIN exactly as sent (never trimmed); absent → undefined, empty → null. */
export function secret(parent: Element, name: string): string | null | undefined {
  const child = childElement(parent, name);
  if (!child) return undefined;
  const value = child.getText();
  return value === '' ? null : value;
}

/** xsd:boolean, plus CUCM's `t` / `f`. */
export function bool(parent: Element, name: string): boolean | undefined {
  const value = childText(parent, name);
  if (value === undefined || value === '') return undefined;
  if (['true', 't', '1'].includes(value.toLowerCase())) return true;
  if (['false', 'f', '0'].includes(value.toLowerCase())) return false;
  throw invalidRequest(`${name} must be true or false`);
}

export function int(parent: Element, name: string): number | undefined {
  const value = childText(parent, name);
  if (value === undefined || value === '') return undefined;
  if (!/^[0-9]{1,9}$/.test(value)) throw invalidRequest(`${name} must be a non-negative integer`);
  return Number(value);
}

/** `<container><item>a</item>…</container>` → ['a', …]; undefined when the container is absent. */
export function textList(parent: Element, container: string, item: string): string[] | undefined {
  const holder = childElement(parent, container);
  if (!holder) return undefined;
  return childElements(holder, item).map((e) => e.getText().trim()).filter((v) => v !== '');
}

/** `associatedGroups/userGroup/name`: CUCM access control groups, which Poise keeps as roles (axl.md §5.6). */
export function groups(parent: Element): string[] | undefined {
  const holder = childElement(parent, 'associatedGroups');
  if (!holder) return undefined;
  return childElements(holder, 'userGroup').map((g) => childText(g, 'name') ?? '').filter((v) => v !== '');
}

/** The field names `returnedTags` asks for; undefined when absent or empty (then every field is returned). */
export function returnedTags(parent: Element): Set<string> | undefined {
  const holder = childElement(parent, 'returnedTags');
  if (!holder) return undefined;
  const names = holder.getChildElements().map((e) => e.getName());
  return names.length === 0 ? undefined : new Set(names);
}

/** `searchCriteria`, restricted to the fields a list operation accepts; at least one must be given (axl.md §4). */
export function searchCriteria<K extends string>(parent: Element, accepted: readonly K[]): Partial<Record<K, string>> {
  const holder = childElement(parent, 'searchCriteria');
  const out: Partial<Record<K, string>> = {};
  let given = 0;
  for (const child of holder?.getChildElements() ?? []) {
    const name = child.getName();
    if (!(accepted as readonly string[]).includes(name)) throw invalidRequest(`searchCriteria does not accept ${name}`);
    out[name as K] = child.getText().trim();
    given += 1;
  }
  if (given === 0) throw invalidRequest(`searchCriteria must name at least one of ${accepted.join(', ')}`);
  return out;
}

/** `first` and `skip`; `skip` counts only with `first` (axl.md §4). */
export function page(parent: Element): Page {
  const first = int(parent, 'first');
  return first === undefined ? {} : { first, skip: int(parent, 'skip') ?? 0 };
}

/** An object key: `uuid`, else the named key field; the operation fails without either. */
export function identity<K extends string>(parent: Element, key: K, operation: string): { uuid: string } | Record<K, string> {
  const uuid = childText(parent, 'uuid') || parent.attrs.uuid;
  if (typeof uuid === 'string' && uuid !== '') return { uuid };
  const value = childText(parent, key);
  if (value === undefined || value === '') throw invalidRequest(`${operation} requires ${key} or uuid`);
  return { [key]: value } as Record<K, string>;
}
