// A stream of bytes to messages: keeps unread bytes across chunks, checks the length before buffering a body,
// and returns failures as values (cti.md §2.3, §9.2). After a non-fatal failure the rest stays buffered and the
// next `push()` (with or without a chunk) continues after the bad message; after a fatal one the stream is
// dead, because a bad length leaves no way to find the next header.
import { compiledByCode } from './compiled-layout.ts';
import { decodeBody } from './decode.ts';
import { ABSOLUTE_MAX_BODY, HEADER_LENGTH, MAX_RECEIVE_BODY } from './header.ts';
import type { Direction } from './layout.ts';
import type { CtiMessage } from './messages.ts';
import { CtiFailure, CtiStatus } from './status.ts';

export interface FrameDecoderOptions {
  /** Largest MessageLength accepted (header excluded); clamped below 2^31. Default 12492 (§2.3). */
  readonly maxBodyLength?: number;
  /** server: only requests are valid; client: only replies and events (§9.2 "server-to-client MessageType"). */
  readonly role: 'server' | 'client';
}

export interface FrameResult {
  readonly messages: CtiMessage[];
  readonly error?: CtiFailure;
}

const EMPTY = Buffer.alloc(0);

export class FrameDecoder {
  readonly #max: number;
  readonly #accepts: (d: Direction) => boolean;
  #buffer: Buffer = EMPTY;
  #offset = 0;
  #dead: CtiFailure | undefined;

  constructor(options: FrameDecoderOptions) {
    this.#max = Math.min(options.maxBodyLength ?? MAX_RECEIVE_BODY, ABSOLUTE_MAX_BODY);
    this.#accepts = options.role === 'server' ? (d) => d === 'request' : (d) => d !== 'request';
  }

  /** Bytes received but not yet decoded. */
  get buffered(): number { return this.#buffer.length - this.#offset; }

  push(chunk?: Buffer): FrameResult {
    if (this.#dead) return { messages: [], error: this.#dead };
    if (chunk && chunk.length > 0) this.#append(chunk);
    const messages: CtiMessage[] = [];
    const buf = this.#buffer;
    while (buf.length - this.#offset >= HEADER_LENGTH) {
      const at = this.#offset;
      const length = buf.readUInt32BE(at);
      const type = buf.readUInt32BE(at + 4);
      if (length > this.#max) {
        this.#dead = new CtiFailure(CtiStatus.BAD_MESSAGE_FORMAT, `MessageLength ${length} over ${this.#max}`,
          { messageType: type, fatal: true });
        this.#buffer = EMPTY;
        this.#offset = 0;
        return { messages, error: this.#dead };
      }
      const end = at + HEADER_LENGTH + length;
      if (end > buf.length) break;
      this.#offset = end;
      const c = compiledByCode(type);
      if (!c || !this.#accepts(c.layout.direction)) {
        return this.#result(messages, new CtiFailure(CtiStatus.INVALID_MESSAGE_TYPE, `MessageType ${type} not accepted`,
          { messageType: type }));
      }
      const decoded = decodeBody(c, buf, at + HEADER_LENGTH, end);
      if (decoded instanceof CtiFailure) return this.#result(messages, decoded);
      messages.push(decoded);
    }
    return this.#result(messages, undefined);
  }

  #append(chunk: Buffer): void {
    if (this.#offset >= this.#buffer.length) {
      this.#buffer = chunk;
    } else {
      this.#buffer = Buffer.concat([this.#buffer.subarray(this.#offset), chunk]);
    }
    this.#offset = 0;
  }

  #result(messages: CtiMessage[], error: CtiFailure | undefined): FrameResult {
    if (this.#offset >= this.#buffer.length) {
      this.#buffer = EMPTY;
      this.#offset = 0;
    }
    return error ? { messages, error } : { messages };
  }
}
