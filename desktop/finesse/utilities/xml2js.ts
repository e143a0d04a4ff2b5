// Finesse XML as JavaScript objects, Goessner-style (desktop-and-gadgets.md §4.3): an element becomes a property
// of its parent, repeated elements an array, an empty element `null`, an attribute `"@name"`, text beside
// attributes `"#text"`. Pure, without the DOM, so it runs in a worker, a test or a page alike; a malformed
// document gives `undefined` instead of throwing.

export type XmlJsValue = string | null | XmlJsObject | XmlJsValue[];
export interface XmlJsObject { [name: string]: XmlJsValue }

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string | undefined {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', i)) {
    const match = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(text.slice(amp, amp + 12));
    const ref = match?.[1];
    if (!match || ref === undefined) return undefined; // a bare & is not well-formed
    let decoded: string | undefined;
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      decoded = code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    } else {
      decoded = ENTITIES[ref];
    }
    if (decoded === undefined) return undefined;
    out += text.slice(i, amp) + decoded;
    i = amp + match[0].length;
  }
  return out + text.slice(i);
}

interface Frame { name: string; attributes: [string, string][]; children: [string, XmlJsValue][]; text: string }

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/;

function valueOf(frame: Frame): XmlJsValue {
  const text = frame.text.trim() === '' ? '' : frame.text;
  if (frame.children.length === 0 && frame.attributes.length === 0) return text === '' ? null : text;
  const object: XmlJsObject = {};
  for (const [name, value] of frame.attributes) object[`@${name}`] = value;
  const byName = new Map<string, XmlJsValue[]>();
  for (const [name, value] of frame.children) {
    const values = byName.get(name);
    if (values) values.push(value);
    else byName.set(name, [value]);
  }
  for (const [name, values] of byName) object[name] = values.length === 1 ? values[0] ?? null : values;
  if (text !== '') object['#text'] = text;
  return object;
}

/** `<User><state>READY</state></User>` → `{ User: { state: 'READY' } }`; `undefined` if not well-formed. */
export function xml2js(xml: string): XmlJsObject | undefined {
  const stack: Frame[] = [];
  let root: XmlJsObject | undefined;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      const top = stack.at(-1);
      if (top) {
        const text = decodeEntities(raw);
        if (text === undefined) return undefined;
        top.text += text;
      } else if (raw.trim() !== '') {
        return undefined; // text outside the root element
      }
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const top = stack.at(-1);
      if (end < 0 || !top) return undefined;
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt);
      if (end < 0 || stack.length > 0) return undefined;
      i = end + 1;
    } else if (xml.startsWith('</', lt)) {
      const match = NAME.exec(xml.slice(lt + 2));
      const end = xml.indexOf('>', lt);
      const frame = stack.pop();
      if (!match || end < 0 || !frame || frame.name !== match[0] || xml.slice(lt + 2 + match[0].length, end).trim() !== '') return undefined;
      const value = valueOf(frame);
      const parent = stack.at(-1);
      if (parent) parent.children.push([frame.name, value]);
      else if (root === undefined) root = { [frame.name]: value };
      else return undefined;
      i = end + 1;
    } else {
      const match = NAME.exec(xml.slice(lt + 1));
      if (!match) return undefined;
      const frame: Frame = { name: match[0], attributes: [], children: [], text: '' };
      let rest = xml.slice(lt + 1 + match[0].length);
      let consumed = lt + 1 + match[0].length;
      for (let attribute = ATTRIBUTE.exec(rest); attribute; attribute = ATTRIBUTE.exec(rest)) {
        const value = decodeEntities(attribute[3] ?? attribute[4] ?? '');
        if (value === undefined) return undefined;
        frame.attributes.push([attribute[1] ?? '', value]);
        rest = rest.slice(attribute[0].length);
        consumed += attribute[0].length;
      }
      const close = /^\s*(\/?)>/.exec(rest);
      if (!close) return undefined;
      i = consumed + close[0].length;
      if (stack.length === 0 && root !== undefined) return undefined; // a second root
      if (close[1] === '/') {
        const parent = stack.at(-1);
        if (parent) parent.children.push([frame.name, valueOf(frame)]);
        else root = { [frame.name]: valueOf(frame) };
      } else {
        stack.push(frame);
      }
    }
  }
  return stack.length === 0 ? root : undefined;
}
