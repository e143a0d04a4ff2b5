// The media properties layout (rest-api.md §7) as gadgets use it: which call data to show, with what label.
import { asArray, field, isRecord, text } from './data.ts';
import type { RestObject } from './finesse-api.ts';

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
