// Message bodies to typed messages. Never throws on input: every violation is a CtiFailure value carrying the
// status cti.md §9.2 gives it. Requests (client to server) are checked strictly (unknown tag 3, too long 23,
// missing 6); server messages leniently (unknown tags skipped, §2.3), as a client must read a newer server.
import { BufferReader } from './buffer-reader.ts';
import type { Fields } from './codegen.ts';
import { compiledByCode, type CompiledLayout } from './compiled-layout.ts';
import { readFloat } from './float-io.ts';
import type { CtiMessage } from './messages.ts';
import { CtiFailure, CtiStatus } from './status.ts';

export { compiledByCode as compiledLayout };

function failure(c: CompiledLayout, invokeId: number | undefined, status: CtiStatus, why: string): CtiFailure {
  return new CtiFailure(status, `${c.layout.type}: ${why}`, { invokeId, messageType: c.layout.code });
}

/** Decodes the body `buffer[start, end)` of a message of layout `c`. */
export function decodeBody(c: CompiledLayout, buffer: Buffer, start: number, end: number): CtiMessage | CtiFailure {
  const strict = c.layout.direction === 'request';
  const invokeId = c.startsWithInvokeId && end - start >= 4 ? buffer.readUInt32BE(start) : undefined;
  if (end - start < c.fixedLength) {
    return failure(c, invokeId, CtiStatus.BAD_MESSAGE_FORMAT, 'body shorter than its fixed part');
  }
  const r = new BufferReader(buffer, start, end);
  const m = c.decodeFixed(r);
  if (typeof m === 'string') return failure(c, invokeId, CtiStatus.BAD_MESSAGE_FORMAT, `${m} out of range`);

  while (r.offset < end) {
    if (end - r.offset < 2) return failure(c, invokeId, CtiStatus.BAD_MESSAGE_FORMAT, 'floating field header past the body end');
    const tag = r.u1();
    const length = r.u1();
    if (length > end - r.offset) {
      return failure(c, invokeId, CtiStatus.BAD_MESSAGE_FORMAT, `floating field ${tag} overruns the body`);
    }
    const entry = c.byTag[tag];
    if (!entry) {
      if (strict) return failure(c, invokeId, CtiStatus.INVALID_FIELD, `tag ${tag} not allowed`);
      r.offset += length; // a newer server's field: skip it (§2.3)
      continue;
    }
    const { spec } = entry;
    if (strict && spec.max !== undefined && length > spec.max) {
      return failure(c, invokeId, CtiStatus.INVALID_FIELD_LENGTH, `${spec.name} longer than ${spec.max}`);
    }
    const outcome = entry.group ? readGroupField(m, entry.group.name, entry.starts, r, length, spec)
      : c.decodeField(m, tag, r, length);
    if (outcome === 'length') {
      return failure(c, invokeId, strict ? CtiStatus.INVALID_FIELD_LENGTH : CtiStatus.BAD_MESSAGE_FORMAT,
        `${spec.name} has length ${length}`);
    }
  }

  for (const spec of c.required) {
    if (m[spec.name] === undefined) return failure(c, invokeId, CtiStatus.REQUIRED_DATA_MISSING, `${spec.name} missing`);
  }
  return m as unknown as CtiMessage; // the generated decoder built every field this message type declares
}

function readGroupField(m: Fields, group: string, starts: boolean, r: BufferReader, length: number,
  spec: CompiledLayout['required'][number]): 'ok' | 'length' {
  const v = readFloat(r, spec, length);
  if (v === undefined) return 'length';
  const list = (m[group] ??= []) as Fields[];
  let last = list[list.length - 1];
  // a new entry starts at the group's first tag, or when the current one already holds this field
  if (!last || starts || (!spec.list && spec.name in last)) list.push(last = {});
  if (spec.list) ((last[spec.name] ??= []) as unknown[]).push(v);
  else last[spec.name] = v;
  return 'ok';
}
