// The media properties layout (rest-api.md §7) as gadgets use it: which call data to show, with what label.
import { asArray, field, isRecord, text } from './data.ts';
import type { RestCollection, RestObject } from './finesse-api.ts';

/** A layout entry: the label an agent sees and the media property it shows. */
export interface LayoutEntry { displayName: string; mediaProperty: string }

/** The entries of a MediaPropertiesLayout object's data: header first, then each column. */
export function layoutEntries(layout: RestObject | undefined): LayoutEntry[] | undefined {
  const data = layout?.getData();
  if (!isRecord(data)) return undefined;
  const containers = [field(data, 'header'), ...asArray(field(data, 'column'))];
  const entries = containers.flatMap((c) => asArray(field(c, 'entry')))
    .map((e) => ({ displayName: text(e, 'displayName'), mediaProperty: text(e, 'mediaProperty') }))
    .filter((e) => e.mediaProperty !== '');
  return entries.length > 0 ? entries : undefined;
}

/** Each layout of the user's MediaPropertiesLayouts by its name. */
export function layoutsByName(layouts: RestCollection<RestObject>): Map<string, LayoutEntry[]> {
  const byName = new Map<string, LayoutEntry[]>();
  for (const layout of Object.values(layouts.getCollection())) {
    const entries = layoutEntries(layout);
    const name = text(layout.getData(), 'name');
    if (name && entries) byName.set(name, entries);
  }
  return byName;
}

/** ECC variable naming a call's layout: user.layout on UCCX, user.Layout as UCCE spells it (rest-api.md §7). */
const LAYOUT_VARIABLES = ['user.layout', 'user.Layout'];

/** The layout a call is shown with: the one its user.layout names, else the user's default layout. */
export function layoutForCall(mediaProperties: Record<string, unknown>, byName: ReadonlyMap<string, LayoutEntry[]>,
                              fallback: LayoutEntry[] | undefined): LayoutEntry[] | undefined {
  for (const variable of LAYOUT_VARIABLES) {
    const named = byName.get(text(mediaProperties, variable));
    if (named) return named;
  }
  return fallback;
}
