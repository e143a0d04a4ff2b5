import { escapeXML, escapeXMLText } from '../../shared/xml/index.ts';
import type { FinesseNode } from './node.ts';

/** rest-api.md §1.2: every response starts with this declaration. */
export const FINESSE_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * Renders a tree as Finesse does: an empty leaf is `<a></a>` (`<pendingState></pendingState>`), an empty list
 * is `<Dialogs/>` (rest-api.md §1.2).
 */
export function renderXml(root: FinesseNode): string {
  return FINESSE_XML_DECLARATION + element(root);
}

/** The same rendering without the declaration, for documents carried inside another (notification `<Update>`s). */
export function renderXmlFragment(root: FinesseNode): string {
  return element(root);
}

function element(node: FinesseNode): string {
  const attrs = node.kind === 'leaf' || !node.attrs ? ''
    : Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeXML(v)}"`).join('');
  switch (node.kind) {
    case 'leaf': return `<${node.name}>${escapeXMLText(node.text)}</${node.name}>`;
    case 'record': return `<${node.name}${attrs}>${node.children.map(element).join('')}</${node.name}>`;
    case 'list': return node.items.length === 0 ? `<${node.name}${attrs}/>`
      : `<${node.name}${attrs}>${node.items.map(element).join('')}</${node.name}>`;
  }
}
