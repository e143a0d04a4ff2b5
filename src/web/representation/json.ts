// rest-api.md §11 E1: element → property, repeated element → array, text → string. Attributes become `@name`
// properties [Poise]; a list is an array under its item name, whatever its length [Poise].
import type { FinesseNode } from './node.ts';

export type JsonValue = string | JsonValue[] | { [key: string]: JsonValue };

export function renderJson(root: FinesseNode): string {
  return JSON.stringify({ [root.name]: value(root) });
}

function value(node: FinesseNode): JsonValue {
  switch (node.kind) {
    case 'leaf': return node.text;
    case 'record': {
      const out: { [key: string]: JsonValue } = attributes(node.attrs);
      for (const child of node.children) {
        const existing = out[child.name];
        const v = value(child);
        if (existing === undefined) out[child.name] = v;
        else if (Array.isArray(existing)) existing.push(v);
        else out[child.name] = [existing, v];
      }
      return out;
    }
    case 'list': return { ...attributes(node.attrs), [node.itemName]: node.items.map(value) };
  }
}

function attributes(attrs: Readonly<Record<string, string>> | undefined): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(attrs ?? {})) out[`@${k}`] = v;
  return out;
}
