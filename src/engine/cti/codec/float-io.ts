// Reading and writing one floating field by its wire type (cti.md §2.2).
import type { BufferReader } from './buffer-reader.ts';
import type { BufferWriter } from './buffer-writer.ts';
import type { Fields, FloatIo } from './codegen.ts';
import type { FloatSpec, GroupSpec, NamedArrayElement, NamedVariable } from './layout.ts';

/** FieldLength is one byte in version 14 (§2.2). */
const MAX_FIELD = 255;
/** VariableName S[33] and VariableValue S[211] of NamedVariable / NamedArray (§2.2), NUL excluded. */
const MAX_VARIABLE_NAME = 32;
const MAX_VARIABLE_VALUE = 210;

/** One floating value; undefined when its length cannot hold the type. */
export function readFloat(r: BufferReader, spec: FloatSpec, length: number): unknown {
  switch (spec.type) {
    case 'S': return r.cstring(length);
    case 'XS': return r.text(length);
    case 'X': return r.bytes(length);
    case 'U2': {
      if (length !== 2) return undefined;
      const v = r.u2();
      return spec.values ? spec.values[v] : v;
    }
    case 'U4': case 'T4': return length === 4 ? r.u4() : undefined;
    // AutoWork: Poise sends 2, accepts 2 or 4 (§8.1)
    case 'B2': return length === 2 ? r.u2() !== 0 : length === 4 ? r.u4() !== 0 : undefined;
    case 'NV': {
      const fieldEnd = r.offset + length;
      const name = r.cstringUntil(fieldEnd);
      return { name, value: r.cstringUntil(fieldEnd) } satisfies NamedVariable;
    }
    case 'NA': {
      if (length < 1) return undefined;
      const fieldEnd = r.offset + length;
      const index = r.u1();
      const name = r.cstringUntil(fieldEnd);
      return { index, name, value: r.cstringUntil(fieldEnd) } satisfies NamedArrayElement;
    }
  }
}

/** Writes a field, or each entry of a list field. Strings longer than the field are cut (§2.2: client truncates). */
export function writeFloat(w: BufferWriter, spec: FloatSpec, value: unknown): void {
  if (spec.list) for (const item of value as readonly unknown[]) writeOne(w, spec, item);
  else writeOne(w, spec, value);
}

export function writeGroup(w: BufferWriter, group: GroupSpec, entries: readonly Fields[] | undefined): void {
  if (!entries) return;
  for (const entry of entries) {
    for (const spec of group.fields) {
      const v = entry[spec.name];
      if (v !== undefined) writeFloat(w, spec, v);
    }
  }
}

function writeOne(w: BufferWriter, spec: FloatSpec, v: unknown): void {
  w.u1(spec.tag);
  const lengthAt = w.offset;
  w.u1(0);
  const max = Math.min(spec.max ?? MAX_FIELD, MAX_FIELD);
  let n: number;
  switch (spec.type) {
    case 'S': n = w.utf8(v as string, max - 1) + 1; w.u1(0); break;
    case 'XS': n = w.utf8(v as string, max); break;
    case 'X': { const b = (v as Uint8Array).subarray(0, max); w.bytes(b); n = b.length; break; }
    case 'U2': w.u2(spec.values ? spec.values.indexOf(v as string) : v as number); n = 2; break;
    case 'U4': case 'T4': w.u4(v as number); n = 4; break;
    case 'B2': w.b2(v as boolean); n = 2; break;
    case 'NV': {
      const nv = v as NamedVariable;
      n = w.utf8(nv.name, MAX_VARIABLE_NAME) + 1; w.u1(0);
      n += w.utf8(nv.value, MAX_VARIABLE_VALUE) + 1; w.u1(0);
      break;
    }
    case 'NA': {
      const na = v as NamedArrayElement;
      w.u1(na.index);
      n = 1 + w.utf8(na.name, MAX_VARIABLE_NAME) + 1; w.u1(0);
      n += w.utf8(na.value, MAX_VARIABLE_VALUE) + 1; w.u1(0);
      break;
    }
  }
  w.patchU1(lengthAt, n);
}

export const FLOAT_IO: FloatIo = { read: readFloat, write: writeFloat, writeGroup };
