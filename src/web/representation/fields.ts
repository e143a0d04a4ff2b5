// Reading request elements by the rules of rest-api.md §1.5: unknown elements are ignored and a duplicated
// element counts once, the last one winning.
import type { Element } from '../../shared/xml/index.ts';
import { invalidInput, parameterMissing } from '../errors.ts';

export function lastChild(parent: Element, name: string): Element | undefined {
  const matches = parent.getChildElements().filter((c) => c.getName() === name);
  return matches[matches.length - 1];
}

/** Trimmed text of the last `name` child; undefined when absent. */
export function optionalText(parent: Element, name: string): string | undefined {
  return lastChild(parent, name)?.getText().trim();
}

/** Present and not empty, else 400 Parameter Missing naming the element (rest-api.md §1.4). */
export function requiredText(parent: Element, name: string): string {
  const value = optionalText(parent, name);
  if (value === undefined || value === '') throw parameterMissing(name);
  return value;
}

export function optionalBoolean(parent: Element, name: string): boolean | undefined {
  const value = optionalText(parent, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidInput(name, `${name} must be true or false`);
}

export function requiredBoolean(parent: Element, name: string): boolean {
  const value = optionalBoolean(parent, name);
  if (value === undefined) throw parameterMissing(name);
  return value;
}

export function optionalEnum<T extends string>(parent: Element, name: string, values: readonly T[]): T | undefined {
  const value = optionalText(parent, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw invalidInput(name, `${name} must be one of ${values.join(', ')}`);
  return value as T;
}

export function requiredEnum<T extends string>(parent: Element, name: string, values: readonly T[]): T {
  const raw = optionalText(parent, name);
  if (raw === undefined || raw === '') throw parameterMissing(name);
  return optionalEnum(parent, name, values) ?? values[0]!;
}

/** The element itself must be the named root (rest-api.md §1.2: root = type name). */
export function expectRoot(root: Element, name: string): Element {
  if (root.getName() !== name) throw invalidInput(root.getName(), `the body's root element must be ${name}`);
  return root;
}
