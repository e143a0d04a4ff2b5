// Everything derived once per layout: sizes, a tag table, and the generated decoder and encoder (codegen.ts).
import { generateEncoder, generateFieldDecoder, generateFixedDecoder, type Encoder, type FieldDecoder,
  type FixedDecoder } from './codegen.ts';
import { FLOAT_IO } from './float-io.ts';
import type { FixedSpec, FloatSpec, GroupSpec, Layout } from './layout.ts';
import { LAYOUTS } from './messages.ts';

export interface TagEntry { readonly spec: FloatSpec; readonly group: GroupSpec | undefined; readonly starts: boolean }

export interface CompiledLayout {
  readonly layout: Layout;
  readonly fixedLength: number;
  /** Indexed by tag (version 14 tags are one byte, §2.2). */
  readonly byTag: readonly (TagEntry | undefined)[];
  readonly required: readonly FloatSpec[];
  readonly startsWithInvokeId: boolean;
  readonly decodeFixed: FixedDecoder;
  readonly decodeField: FieldDecoder;
  readonly encode: Encoder;
}

const FIXED_SIZE: Record<FixedSpec['type'], number> = { U1: 1, U2: 2, U4: 4, I4: 4, B2: 2, T4: 4, X8: 8 };

export function compileLayout(layout: Layout): CompiledLayout {
  const byTag: (TagEntry | undefined)[] = new Array<TagEntry | undefined>(256).fill(undefined);
  for (const spec of layout.floating) byTag[spec.tag] = { spec, group: undefined, starts: false };
  for (const group of layout.groups) {
    group.fields.forEach((spec, i) => { byTag[spec.tag] = { spec, group, starts: i === 0 }; });
  }
  return {
    layout,
    fixedLength: layout.fixed.reduce((n, f) => n + FIXED_SIZE[f.type], 0),
    byTag,
    required: layout.floating.filter((f) => f.required),
    startsWithInvokeId: layout.fixed[0]?.name === 'invokeId',
    decodeFixed: generateFixedDecoder(layout),
    decodeField: generateFieldDecoder(layout, FLOAT_IO),
    encode: generateEncoder(layout, FLOAT_IO),
  };
}

const BY_CODE: ReadonlyMap<number, CompiledLayout> = new Map(LAYOUTS.map((l) => [l.code, compileLayout(l)]));
const BY_NAME: ReadonlyMap<string, CompiledLayout> = new Map([...BY_CODE.values()].map((c) => [c.layout.type, c]));

export function compiledByCode(code: number): CompiledLayout | undefined { return BY_CODE.get(code); }
export function compiledByName(type: string): CompiledLayout | undefined { return BY_NAME.get(type); }
