// A growable output buffer with one method per CTI wire type. One writer is reused for every message it
// encodes; `flush` copies the finished frame out.
export class BufferWriter {
  #buffer: Buffer;
  #offset = 0;

  constructor(size = 1024) { this.#buffer = Buffer.allocUnsafe(size); }

  get offset(): number { return this.#offset; }

  #ensure(bytes: number): void {
    if (this.#offset + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#offset + bytes));
    this.#buffer.copy(grown, 0, 0, this.#offset);
    this.#buffer = grown;
  }

  u1(v: number): void { this.#ensure(1); this.#buffer[this.#offset++] = v & 0xff; }
  u2(v: number): void { this.#ensure(2); this.#buffer.writeUInt16BE(v & 0xffff, this.#offset); this.#offset += 2; }
  u4(v: number): void { this.#ensure(4); this.#buffer.writeUInt32BE(v >>> 0, this.#offset); this.#offset += 4; }
  i4(v: number): void { this.#ensure(4); this.#buffer.writeInt32BE(v | 0, this.#offset); this.#offset += 4; }
  b2(v: boolean): void { this.u2(v ? 1 : 0); }

  /** Writes UTF-8 text of at most `maxBytes`, cut on a character boundary; returns the bytes written. */
  utf8(s: string, maxBytes: number): number {
    this.#ensure(s.length * 3);
    if (s.length <= maxBytes && s.length <= 24) {
      // short ASCII, the usual case, without a call into C++
      let i = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        this.#buffer[this.#offset + i] = c;
      }
      if (i === s.length) { this.#offset += i; return i; }
    }
    let n = this.#buffer.write(s, this.#offset, 'utf8');
    if (n > maxBytes) {
      n = maxBytes;
      // never leave half a character: back off over UTF-8 continuation bytes (10xxxxxx)
      while (n > 0 && (this.#buffer[this.#offset + n]! & 0xc0) === 0x80) n--;
    }
    this.#offset += n;
    return n;
  }

  bytes(b: Uint8Array): void { this.#ensure(b.length); this.#buffer.set(b, this.#offset); this.#offset += b.length; }

  /** Overwrites a U1 or U4 already written (a length known only after its data). */
  patchU1(at: number, v: number): void { this.#buffer[at] = v; }
  patchU4(at: number, v: number): void { this.#buffer.writeUInt32BE(v >>> 0, at); }

  /** The bytes written since the last flush, as a new Buffer; the writer starts over. */
  flush(): Buffer {
    const out = Buffer.allocUnsafe(this.#offset);
    this.#buffer.copy(out, 0, 0, this.#offset);
    this.#offset = 0;
    return out;
  }
}
