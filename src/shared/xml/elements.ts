import { Element } from 'ltx';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A document ready to send: declaration plus the element, escaped by ltx (`Element#toString`). */
export function serialize(root: Element, withDeclaration = true): string {
  return withDeclaration ? XML_DECLARATION + root.toString() : root.toString();
}

/** Child elements by local name, whatever their prefix or namespace. */
export function childElements(parent: Element, localName: string): Element[] {
  return parent.getChildElements().filter((child) => child.getName() === localName);
}

export function childElement(parent: Element, localName: string): Element | undefined {
  return parent.getChildElements().find((child) => child.getName() === localName);
}

/** Trimmed text of a child element; `undefined` when the child is absent, `''` when it is empty. */
export function childText(parent: Element, localName: string): string | undefined {
  const child = childElement(parent, localName);
  return child === undefined ? undefined : child.getText().trim();
}
