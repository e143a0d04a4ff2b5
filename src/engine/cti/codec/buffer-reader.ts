// A cursor over one message body with one method per CTI wire type (cti.md "Types"). It never reads past
// `end`: callers check `remaining` first, so a short body becomes a CtiFailure, not a RangeError.
export class BufferReader {
  constructor(readonly buffer: Buffer, public offset: number, readonly end: number) {}

  get remaining(): number { return this.end - this.offset; }

  u1(): number { return this.buffer[this.offset++]!; }
  u2(): number { const v = this.buffer.readUInt16BE(this.offset); this.offset += 2; return v; }
  u4(): number { const v = this.buffer.readUInt32BE(this.offset); this.offset += 4; return v; }
  i4(): number { const v = this.buffer.readInt32BE(this.offset); this.offset += 4; return v; }
  /** BOOL is two bytes, 0 or 1 (cti.md "Types"); any non-zero reads as true. */
  b2(): boolean { return this.u2() !== 0; }

  /** A NUL-terminated string inside `length` bytes: stops at the first NUL or the field end (§2.2). */
  cstring(length: number): string {
    const start = this.offset;
    const stop = start + length;
    let nul = start;
    while (nul < stop && this.buffer[nul] !== 0) nul++;
    this.offset = stop;
    return this.#utf8(start, nul);
  }

  /** Reads up to the next NUL (consumed) or `fieldEnd`: the two strings of a NamedVariable (§2.2). */
  cstringUntil(fieldEnd: number): string {
    let nul = this.offset;
    while (nul < fieldEnd && this.buffer[nul] !== 0) nul++;
    const s = this.#utf8(this.offset, nul);
    this.offset = Math.min(nul + 1, fieldEnd);
    return s;
  }

  /** Short ASCII, the usual case (device IDs, agent IDs), without a call into C++. */
  #utf8(start: number, end: number): string {
    if (end - start > 24) return this.buffer.toString('utf8', start, end);
    let s = '';
    for (let i = start; i < end; i++) {
      const b = this.buffer[i]!;
      if (b >= 0x80) return this.buffer.toString('utf8', start, end);
      s += String.fromCharCode(b);
    }
    return s;
  }

  /** UNSPEC data: a copy, so a decoded message never pins the receive buffer. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    out.set(this.buffer.subarray(this.offset, this.offset + length));
    this.offset += length;
    return out;
  }

  /** UNSPEC data that carries text without a NUL, as ClientPassword does (§2.2). */
  text(length: number): string {
    const v = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return v;
  }
}
