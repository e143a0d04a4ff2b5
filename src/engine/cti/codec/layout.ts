// A message layout: its fixed fields in wire order, then its floating fields (cti.md §2.1–§2.2). Each message
// is declared once as a layout; its TypeScript type, its decoder and its encoder all follow from it, so the
// three cannot disagree.

/** Fixed-part wire types (cti.md "Types"). */
export type FixedType = 'U1' | 'U2' | 'U4' | 'I4' | 'B2' | 'T4' | 'X8';
/**
 * Floating wire types: S string with NUL, X bytes, XS text without NUL (ClientPassword), U2/U4/T4 integers,
 * B2 a BOOL (AutoWork: 2 bytes, 4 accepted, §8.1), NV NamedVariable, NA NamedArray (§2.2).
 */
export type FloatType = 'S' | 'X' | 'XS' | 'U2' | 'U4' | 'T4' | 'B2' | 'NV' | 'NA';

export interface FixedSpec {
  readonly name: string;
  readonly type: FixedType;
  /** This fixed field counts the entries of a floating list or group, named here; encode writes the count. */
  readonly countOf?: string;
  /** Enumerated values, index = wire value. */
  readonly values?: readonly string[];
}

export interface FloatSpec {
  readonly tag: number;
  readonly name: string;
  readonly type: FloatType;
  /** Largest FieldLength accepted, the n of S[n] / X[n] (NUL included, §2.2). */
  readonly max?: number;
  readonly required?: boolean;
  /** The tag repeats; the property is an array (NamedVariable, NamedArray). */
  readonly list?: boolean;
  readonly values?: readonly string[];
}

/** Repeated entries of several tags, e.g. the CSQ groups [62][63][64][65]; a new entry starts at the first tag. */
export interface GroupSpec {
  readonly name: string;
  readonly fields: readonly FloatSpec[];
}

/** request: client to server; reply and event: server to client. */
export type Direction = 'request' | 'reply' | 'event';

export interface Layout {
  readonly code: number;
  readonly type: string;
  readonly direction: Direction;
  readonly fixed: readonly FixedSpec[];
  readonly floating: readonly FloatSpec[];
  readonly groups: readonly GroupSpec[];
}

export interface NamedVariable { readonly name: string; readonly value: string }
export interface NamedArrayElement { readonly index: number; readonly name: string; readonly value: string }

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type WireValue<T> = T extends 'S' | 'XS' ? string
  : T extends 'X' | 'X8' ? Uint8Array
  : T extends 'B2' ? boolean
  : T extends 'NV' ? NamedVariable
  : T extends 'NA' ? NamedArrayElement
  : number;

type SpecValue<E> = E extends { values: readonly (infer V)[] } ? V
  : E extends { type: infer T } ? WireValue<T> : never;

type FloatValue<E> = E extends { list: true } ? readonly SpecValue<E>[] : SpecValue<E>;

type FixedProps<F extends readonly FixedSpec[]> = {
  readonly [E in F[number] as E extends { countOf: string } ? never : E['name']]: SpecValue<E>;
};

type FloatProps<F extends readonly FloatSpec[]> = {
  readonly [E in F[number] as E extends { required: true } ? E['name'] : never]: FloatValue<E>;
} & {
  readonly [E in F[number] as E extends { required: true } ? never : E['name']]?: FloatValue<E>;
};

type GroupProps<G extends readonly GroupSpec[]> = {
  readonly [E in G[number] as E['name']]?: readonly Simplify<FloatProps<E['fields']>>[];
};

/** The message type a layout describes. */
export type MessageOf<L extends Layout> = Simplify<
  { readonly type: L['type'] } & FixedProps<L['fixed']> & FloatProps<L['floating']> & GroupProps<L['groups']>
>;

/** Declares a layout; `const` keeps the literal names so `MessageOf` can read them. */
export function layout<const L extends Layout>(l: L): L {
  return l;
}

/** Fixed fields shorthand: `fx('invokeId', 'U4')`. */
export function fx<const N extends string, const T extends FixedType>(name: N, type: T): { name: N; type: T } {
  return { name, type };
}
