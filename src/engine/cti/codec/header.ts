// The 8-byte message header (cti.md §2.1) and the size limits of §2.3.

/** MessageLength excludes the 8-byte header ("Message Header Data Format", cti.md §2.1). */
export const HEADER_LENGTH = 8;

/** Poise sends at most 4329 bytes with header, the limit of public implementations of versions 15–19 (§2.3). */
export const MAX_SEND_MESSAGE = 4329;
export const MAX_SEND_BODY = MAX_SEND_MESSAGE - HEADER_LENGTH;

/** Poise accepts up to 12500 bytes with header, the version 24 maximum (§2.3); a longer MessageLength closes (§9.2). */
export const MAX_RECEIVE_BODY = 12500 - HEADER_LENGTH;

/** MessageLength is a U4 but no sane peer sends 2^31 or more; a configured maximum is clamped below it. */
export const ABSOLUTE_MAX_BODY = 2 ** 31 - 1;

export interface MessageHeader { readonly length: number; readonly type: number }

export function readHeader(buffer: Buffer, offset: number): MessageHeader {
  return { length: buffer.readUInt32BE(offset), type: buffer.readUInt32BE(offset + 4) };
}
