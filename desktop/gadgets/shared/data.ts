// Narrowing for the Goessner-style objects finesse.js hands out (desktop-and-gadgets.md §4.3): an element is a
// property, a repeated element an array, an empty one null. Gadgets read them by name and tolerate either shape.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path of property names, or undefined. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Text at a path: strings and numbers as text, anything else as ''. */
export function text(value: unknown, ...path: string[]): string {
  const found = field(value, ...path);
  if (typeof found === 'string') return found;
  if (typeof found === 'number' || typeof found === 'boolean') return String(found);
  return '';
}

/** One element or many, as an array (absent or null → []). */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
