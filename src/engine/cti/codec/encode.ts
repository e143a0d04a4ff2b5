// Typed messages to frames. The layout of each message gives the order of its fixed fields and of its floating
// fields; lists and groups follow the floating fields, each entry in its documented field order (§2.2).
import { BufferWriter } from './buffer-writer.ts';
import type { Fields } from './codegen.ts';
import { compiledByName } from './compiled-layout.ts';
import { HEADER_LENGTH } from './header.ts';
import type { CtiMessage } from './messages.ts';

const shared = new BufferWriter(4096);

/** One frame, header included. Strings longer than their field are cut to fit (§2.2: the client truncates). */
export function encode(message: CtiMessage, writer: BufferWriter = shared): Buffer {
  const c = compiledByName(message.type);
  if (!c) throw new Error(`no layout for ${message.type}`); // unreachable: CtiMessage is built from LAYOUTS
  const start = writer.offset;
  c.encode(writer, message as unknown as Fields);
  writer.patchU4(start, writer.offset - start - HEADER_LENGTH);
  return writer.flush();
}
