// Specialised functions per layout, generated once at load time from our own layouts (never from input): the
// fixed part becomes one object literal and each floating tag a named store, so V8 sees one shape per message
// type instead of megamorphic keyed accesses. This is what takes the codec past 500,000 messages per second
// (docs/performance.md). The generic readers and writers they call are in decode.ts and encode.ts.
import type { BufferReader } from './buffer-reader.ts';
import type { BufferWriter } from './buffer-writer.ts';
import type { FloatSpec, GroupSpec, Layout } from './layout.ts';

export type Fields = Record<string, unknown>;

/** The fixed part as an object, or the name of an enumerated field whose value is out of range. */
export type FixedDecoder = (r: BufferReader) => Fields | string;
/** Stores one top-level floating field: 'ok', 'length' (cannot hold its type) or 'other' (unknown or in a group). */
export type FieldDecoder = (m: Fields, tag: number, r: BufferReader, length: number) => 'ok' | 'length' | 'other';
export type Encoder = (w: BufferWriter, m: Fields) => void;

export interface FloatIo {
  read(r: BufferReader, spec: FloatSpec, length: number): unknown;
  write(w: BufferWriter, spec: FloatSpec, value: unknown): void;
  writeGroup(w: BufferWriter, group: GroupSpec, entries: readonly Fields[] | undefined): void;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkNames(layout: Layout): void {
  for (const f of [...layout.fixed, ...layout.floating, ...layout.groups]) {
    if (!IDENTIFIER.test(f.name)) throw new Error(`${layout.type}: field name ${f.name} is not an identifier`);
  }
}

const READ: Record<string, string> = { U1: 'r.u1()', U2: 'r.u2()', U4: 'r.u4()', T4: 'r.u4()', I4: 'r.i4()', B2: 'r.b2()', X8: 'r.bytes(8)' };
const WRITE: Record<string, string> = { U1: 'u1', U2: 'u2', U4: 'u4', T4: 'u4', I4: 'i4', B2: 'b2' };

export function generateFixedDecoder(layout: Layout): FixedDecoder {
  checkNames(layout);
  const lines: string[] = [];
  const props: string[] = [`type: ${JSON.stringify(layout.type)}`];
  layout.fixed.forEach((f, i) => {
    if (f.countOf !== undefined) { lines.push(`${READ[f.type]};`); return; }
    if (f.values) {
      lines.push(`const f${i} = values[${i}][r.u2()]; if (f${i} === undefined) return ${JSON.stringify(f.name)};`);
    } else lines.push(`const f${i} = ${READ[f.type]};`);
    props.push(`${f.name}: f${i}`);
  });
  const body = `${lines.join('\n')}\nreturn { ${props.join(', ')} };`;
  const values = layout.fixed.map((f) => f.values);
  return new Function('values', `return function decodeFixed_${layout.type}(r) {\n${body}\n};`)(values) as FixedDecoder;
}

export function generateFieldDecoder(layout: Layout, io: FloatIo): FieldDecoder {
  const cases = layout.floating.map((spec, i) => {
    const store = spec.list ? `(m.${spec.name} ??= []).push(v)` : `m.${spec.name} = v`;
    return `case ${spec.tag}: { const v = io.read(r, specs[${i}], length); if (v === undefined) return 'length'; ${store}; return 'ok'; }`;
  });
  const body = `switch (tag) {\n${cases.join('\n')}\ndefault: return 'other';\n}`;
  return new Function('io', 'specs', `return function decodeField_${layout.type}(m, tag, r, length) {\n${body}\n};`)(
    io, layout.floating) as FieldDecoder;
}

export function generateEncoder(layout: Layout, io: FloatIo): Encoder {
  checkNames(layout);
  const lines = [`w.u4(0);`, `w.u4(${layout.code});`];
  layout.fixed.forEach((f, i) => {
    const value = f.countOf !== undefined ? `(m.${f.countOf}?.length ?? 0)`
      : f.values ? `values[${i}].indexOf(m.${f.name})`
      : `m.${f.name}`;
    lines.push(f.type === 'X8' ? `w.bytes(pad8(${value}));` : `w.${WRITE[f.type]}(${value});`);
  });
  layout.floating.forEach((f, i) => lines.push(`if (m.${f.name} !== undefined) io.write(w, floats[${i}], m.${f.name});`));
  layout.groups.forEach((g, i) => lines.push(`io.writeGroup(w, groups[${i}], m.${g.name});`));
  const values = layout.fixed.map((f) => f.values);
  return new Function('io', 'values', 'floats', 'groups', 'pad8',
    `return function encode_${layout.type}(w, m) {\n${lines.join('\n')}\n};`)(
    io, values, layout.floating, layout.groups, pad8) as Encoder;
}

function pad8(b: Uint8Array | undefined): Uint8Array {
  const out = new Uint8Array(8);
  if (b) out.set(b.subarray(0, 8));
  return out;
}
