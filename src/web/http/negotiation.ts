// rest-api.md §11 E1: JSON only when asked for; XML stays the default (no Accept, `*/*`, an XML type).
const CANDIDATES = ['application/json', 'application/xml', 'text/xml'] as const;

export type Representation = 'xml' | 'json';

/** The first of our types that Accept names wins; q-values are not weighed. */
export function chooseRepresentation(accept: string | undefined): Representation {
  if (!accept) return 'xml';
  for (const part of accept.split(',')) {
    const type = part.split(';')[0]!.trim().toLowerCase();
    if ((CANDIDATES as readonly string[]).includes(type)) return type === 'application/json' ? 'json' : 'xml';
  }
  return 'xml';
}
