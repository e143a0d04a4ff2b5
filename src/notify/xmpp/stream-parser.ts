// The c2s stream parser (RFC 6120 §4): bytes in, stream events out. Built on saxes, like the shared document
// parser, with the same refusals; every offence becomes a stream error value and the parser stops. Never throws.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Element } from 'ltx';
import { StreamError, type StreamErrorCondition } from './stream-error.ts';

export interface StreamLimits {
  /** Characters of one stanza, tags included (notifications.md §11: 64 KiB). */
  maxStanzaChars: number;
  /** Element nesting inside a stanza; the stanza itself is depth 1. */
  maxDepth: number;
  maxAttributes: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxStanzaChars: 64 * 1024, maxDepth: 32, maxAttributes: 64 };

export type StreamEvent =
  | { type: 'open'; attrs: Record<string, string> }
  | { type: 'stanza'; element: Element }
  | { type: 'close' };

export interface PushResult { events: StreamEvent[]; error?: StreamError }

/** Feeds saxes in slices this long, so a stanza over the limit is refused before much of it is buffered. */
const SLICE_CHARS = 8 * 1024;

/** Thrown inside saxes callbacks to stop at the first offence; never escapes `push`. */
class Abort extends Error {
  constructor(readonly streamError: StreamError) { super(streamError.message); }
}

export class StreamParser {
  #saxes!: SaxesParser<{ xmlns: true; position: true }>;
  #decoder!: TextDecoder;
  #events: StreamEvent[] = [];
  #current: Element | undefined;
  /** 0 outside the stream, 1 inside `<stream:stream>`, 2 and more inside a stanza. */
  #depth = 0;
  #stanzaStart = 0;
  #failed: StreamError | undefined;

  constructor(private readonly limits: StreamLimits = DEFAULT_STREAM_LIMITS) {
    this.reset();
  }

  /** A stream restart (RFC 6120 §4.3.3, after STARTTLS and SASL): a new header is expected, nothing carries over. */
  reset(): void {
    this.#decoder = new TextDecoder('utf-8', { fatal: true });
    this.#depth = 0;
    this.#current = undefined;
    this.#stanzaStart = 0;
    const saxes = new SaxesParser({ xmlns: true, position: true });
    saxes.on('xmldecl', (decl) => {
      if (decl.version !== undefined && decl.version !== '1.0') this.#abort('unsupported-version');
      const encoding = decl.encoding?.toLowerCase();
      if (encoding !== undefined && encoding !== 'utf-8') this.#abort('unsupported-encoding');
    });
    // RFC 6120 §11.1: no DTD (so no entity declarations: billion laughs, XXE), comments or PIs.
    saxes.on('doctype', () => this.#abort('restricted-xml'));
    saxes.on('processinginstruction', () => this.#abort('restricted-xml'));
    saxes.on('comment', () => this.#abort('restricted-xml'));
    saxes.on('opentag', (tag) => this.#open(tag));
    saxes.on('closetag', () => this.#close());
    saxes.on('text', (text) => this.#current?.children.push(text));
    saxes.on('cdata', (text) => this.#current?.children.push(text));
    this.#saxes = saxes;
  }

  push(chunk: Uint8Array | string): PushResult {
    if (this.#failed) return { events: [] };
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    } catch {
      return this.#fail(new StreamError('unsupported-encoding')); // RFC 6120 §4.9.3.22: improperly encoded UTF-8
    }
    let committed = 0;
    try {
      for (let i = 0; i < text.length; i += SLICE_CHARS) {
        const slice = text.slice(i, i + SLICE_CHARS);
        committed = this.#events.length;
        this.#saxes.write(slice);
        if (this.#depth >= 2) this.#checkSize(this.#saxes.position);
      }
    } catch (err) {
      // saxes reports a mismatched end tag after handing it to us, so stanzas completed in the failing slice are
      // not trusted; the stream header is.
      const events = this.#take().filter((e, i) => i < committed || e.type === 'open');
      if (err instanceof Abort) return { ...this.#fail(err.streamError), events };
      return { ...this.#fail(new StreamError(saxesCondition(err))), events };
    }
    return { events: this.#take() };
  }

  #open(tag: SaxesTagNS): void {
    this.#depth += 1;
    const attrs: Record<string, string> = {};
    const list = Object.values(tag.attributes);
    if (list.length > this.limits.maxAttributes) this.#abort('policy-violation', 'too many attributes');
    for (const attr of list) attrs[attr.name] = attr.value;
    if (this.#depth === 1) {
      if (tag.local !== 'stream' || tag.uri !== 'http://etherx.jabber.org/streams') this.#abort('invalid-namespace');
      this.#events.push({ type: 'open', attrs });
      return;
    }
    if (this.#depth - 1 > this.limits.maxDepth) this.#abort('policy-violation', 'elements nested too deep');
    const element = new Element(tag.name, attrs);
    if (this.#depth === 2) this.#stanzaStart = this.#saxes.position;
    else this.#current?.cnode(element);
    this.#current = element;
  }

  #close(): void {
    this.#depth -= 1;
    if (this.#depth === 0) {
      this.#events.push({ type: 'close' });
      return;
    }
    const element = this.#current;
    this.#current = element?.parent ?? undefined;
    if (this.#depth === 1 && element) {
      this.#checkSize(this.#saxes.position);
      this.#current = undefined;
      this.#events.push({ type: 'stanza', element });
    }
  }

  /** saxes' position counts characters from the stream header, so a stanza's size is a difference of two. */
  #checkSize(position: number): void {
    if (position - this.#stanzaStart > this.limits.maxStanzaChars) this.#abort('policy-violation', 'stanza too large');
  }

  #abort(condition: StreamErrorCondition, text?: string): never {
    throw new Abort(new StreamError(condition, text));
  }

  #fail(error: StreamError): PushResult {
    this.#failed = error;
    return { events: [], error };
  }

  #take(): StreamEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}

/** saxes reports syntax errors by message; a few deserve their own RFC 6120 condition. */
function saxesCondition(err: unknown): StreamErrorCondition {
  const message = err instanceof Error ? err.message : '';
  if (/unbound namespace prefix/i.test(message)) return 'bad-namespace-prefix';
  if (/undefined entity|entity/i.test(message)) return 'restricted-xml'; // §11.1: only the five predefined entities
  return 'not-well-formed';
}
