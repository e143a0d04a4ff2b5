import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Element } from 'ltx';
import { XmlError } from './xml-error.ts';

export interface XmlLimits {
  /** Deepest element nesting accepted; the root is depth 1. */
  maxDepth: number;
  /** Most elements accepted in one document. */
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 64, maxElements: 100_000 };

export type XmlParseResult = { ok: true; root: Element } | { ok: false; error: XmlError };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown inside saxes callbacks to stop at the first offence; never escapes `parseXml`. */
class Abort extends Error {
  constructor(readonly xmlError: XmlError) {
    super(xmlError.message);
  }
}

/**
 * Parses one whole document into ltx Elements. Pure: returns the refusal as a value and never throws on
 * input. A DOCTYPE (hence every entity declaration: billion laughs, external entities) and processing
 * instructions are refused outright, as XMPP does (RFC 6120 §11.1); the `<?xml …?>` declaration is allowed.
 */
export function parseXml(input: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlParseResult {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = utf8.decode(input); // fatal: a bad byte sequence is an error, never U+FFFD
    } catch {
      return refuse('unsupported-encoding', 'input is not valid UTF-8');
    }
  }
  const parser = new SaxesParser({ xmlns: true, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  let root: Element | undefined;
  let current: Element | undefined;
  let depth = 0;
  let count = 0;

  parser.on('xmldecl', (decl) => {
    if (decl.version !== undefined && decl.version !== '1.0') abort('not-well-formed', `XML version ${decl.version} is not supported`);
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'us-ascii') {
      abort('unsupported-encoding', `encoding ${decl.encoding} is not supported; use UTF-8`);
    }
  });
  parser.on('doctype', () => abort('restricted-xml', 'DOCTYPE and entity declarations are not allowed'));
  parser.on('processinginstruction', (pi) => abort('restricted-xml', `processing instruction <?${pi.target}?> is not allowed`));
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    count += 1;
    if (depth > limits.maxDepth) abort('policy-violation', `elements nested deeper than ${limits.maxDepth}`);
    if (count > limits.maxElements) abort('policy-violation', `more than ${limits.maxElements} elements`);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attrs[attr.name] = attr.value;
    const element = new Element(tag.name, attrs);
    if (current) current.cnode(element);
    else root = element;
    current = element;
  });
  parser.on('closetag', () => {
    depth -= 1;
    current = current?.parent ?? undefined;
  });
  const appendText = (chunk: string): void => {
    if (current) current.children.push(chunk); // outside the root saxes only allows whitespace
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Abort) return { ok: false, error: err.xmlError };
    return refuse('not-well-formed', err instanceof Error ? err.message : String(err));
  }
  if (!root) return refuse('not-well-formed', 'document has no root element');
  return { ok: true, root };
}

function abort(condition: XmlError['condition'], message: string): never {
  throw new Abort(new XmlError(condition, message));
}

function refuse(condition: XmlError['condition'], message: string): XmlParseResult {
  return { ok: false, error: new XmlError(condition, message) };
}
