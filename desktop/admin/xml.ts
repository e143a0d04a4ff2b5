// XML for the REST API: request bodies built from values, answers read by element name.

export const escapeXml = (value: string): string => value
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `<Root><a>1</a><b>x</b></Root>` from ordered [name, value] pairs; undefined values are left out. */
export function xmlDocument(root: string, fields: readonly (readonly [string, string | undefined])[]): string {
  const children = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `<${k}>${escapeXml(v ?? '')}</${k}>`);
  return `<${root}>${children.join('')}</${root}>`;
}

export const childElements = (parent: Element, name?: string): Element[] =>
  [...parent.children].filter((c) => name === undefined || c.tagName === name);

export const childText = (parent: Element, name: string): string => childElements(parent, name)[0]?.textContent ?? '';

/** Path of a `uri` child (`/finesse/api/ReasonCode/3`), as the REST API gives it. */
export const uriOf = (item: Element): string => childText(item, 'uri');

/** An element as indented XML text for the XML editors. */
export function prettyXml(element: Element): string {
  const lines: string[] = [];
  const walk = (node: Element, depth: number) => {
    const pad = '  '.repeat(depth);
    const kids = childElements(node);
    const attrs = [...node.attributes].map((a) => ` ${a.name}="${escapeXml(a.value)}"`).join('');
    if (kids.length === 0) {
      lines.push(`${pad}<${node.tagName}${attrs}>${escapeXml(node.textContent ?? '')}</${node.tagName}>`);
      return;
    }
    lines.push(`${pad}<${node.tagName}${attrs}>`);
    for (const kid of kids) walk(kid, depth + 1);
    lines.push(`${pad}</${node.tagName}>`);
  };
  walk(element, 0);
  return lines.join('\n');
}
