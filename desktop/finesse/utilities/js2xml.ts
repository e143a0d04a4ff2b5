// The inverse of xml2js (desktop-and-gadgets.md §5 `js2xml`, `json2xml`): `{ User: { state: 'READY' } }` →
// `<User><state>READY</state></User>`. Arrays repeat their element, `null` is an empty element, `"@name"` is an
// attribute and `"#text"` text. Pure.

const escapeText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string): string => escapeText(text).replaceAll('"', '&quot;');

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item: unknown) => element(name, item)).join('');
  if (value === null || value === undefined) return `<${name}/>`;
  const text = scalar(value);
  if (text !== undefined) return text === '' ? `<${name}/>` : `<${name}>${escapeText(text)}</${name}>`;
  if (typeof value !== 'object') return `<${name}/>`;
  let attributes = '';
  let body = '';
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@')) attributes += ` ${key.slice(1)}="${escapeAttribute(scalar(child) ?? '')}"`;
    else if (key === '#text') body += escapeText(scalar(child) ?? '');
    else body += element(key, child);
  }
  return body === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${body}</${name}>`;
}

export function js2xml(object: unknown): string {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return '';
  return Object.entries(object).map(([name, value]) => element(name, value)).join('');
}
