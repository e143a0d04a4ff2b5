// The Finesse object tree every resource builds once and the edge renders as XML (the default) or JSON
// (rest-api.md §11 E1). Children keep the order the spec shows; lists know their item name, so JSON renders
// them as arrays even when they hold one item or none.

export type FinesseNode = FinesseLeaf | FinesseRecord | FinesseList;

export interface FinesseLeaf { readonly kind: 'leaf'; readonly name: string; readonly text: string }
export interface FinesseRecord {
  readonly kind: 'record'; readonly name: string; readonly children: readonly FinesseNode[];
  readonly attrs?: Readonly<Record<string, string>>;
}
export interface FinesseList {
  readonly kind: 'list'; readonly name: string; readonly itemName: string; readonly items: readonly FinesseNode[];
  readonly attrs?: Readonly<Record<string, string>>;
}

/** A text element; `undefined` and `null` give the empty element Finesse sends (rest-api.md §1.2). */
export const leaf = (name: string, value: string | number | boolean | null | undefined): FinesseLeaf =>
  ({ kind: 'leaf', name, text: value === undefined || value === null ? '' : String(value) });

export const record = (name: string, children: readonly FinesseNode[], attrs?: Record<string, string>): FinesseRecord =>
  attrs ? { kind: 'record', name, children, attrs } : { kind: 'record', name, children };

export const list = (name: string, itemName: string, items: readonly FinesseNode[], attrs?: Record<string, string>): FinesseList =>
  attrs ? { kind: 'list', name, itemName, items, attrs } : { kind: 'list', name, itemName, items };
