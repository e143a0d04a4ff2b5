// Helpers for CTI codec tests: hex to bytes, decode a list of chunks, and a sample of every message type
// with every field set, built from its layout.
import { FrameDecoder } from '../../src/engine/cti/codec/frame-decoder.ts';
import type { FloatSpec, Layout } from '../../src/engine/cti/codec/layout.ts';
import type { CtiMessage } from '../../src/engine/cti/codec/messages.ts';

export function hex(s: string): Buffer {
  return Buffer.from(s.replace(/\s+/g, ''), 'hex');
}

/** Decodes the chunks in order with one decoder; any failure is returned after the messages. */
export function decodeChunks(chunks: readonly Buffer[], role: 'server' | 'client' = 'client'): unknown[] {
  const decoder = new FrameDecoder({ role });
  const out: unknown[] = [];
  for (const chunk of chunks) {
    const { messages, error } = decoder.push(chunk);
    out.push(...messages);
    if (error) out.push(error);
  }
  return out;
}

export function roleFor(layout: Layout): 'server' | 'client' {
  return layout.direction === 'request' ? 'server' : 'client';
}

/** Every field of `layout` set to a value derived from `seed`, lists and groups with two entries. */
export function sampleMessage(layout: Layout, seed: number): CtiMessage {
  const m: Record<string, unknown> = { type: layout.type };
  let n = seed;
  const next = () => (n = (n * 7 + 3) % 251);
  for (const f of layout.fixed) {
    if (f.countOf !== undefined) continue;
    if (f.values) m[f.name] = f.values[next() % f.values.length];
    else if (f.type === 'B2') m[f.name] = next() % 2 === 0;
    else if (f.type === 'X8') m[f.name] = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, next()]);
    else if (f.type === 'I4') m[f.name] = -next();
    else if (f.type === 'U1') m[f.name] = next();
    else if (f.type === 'U2') m[f.name] = next() * 200;
    else m[f.name] = next() * 16_000_000;
  }
  const value = (spec: FloatSpec): unknown => {
    switch (spec.type) {
      case 'S': return spec.max === undefined || spec.max > 6 ? `v${next()}é` : `${next() % 10}`;
      case 'XS': return `pw${next()}`;
      case 'X': return Uint8Array.from([next(), 0, next()]);
      case 'U2': return spec.values ? spec.values[next() % spec.values.length] : next() * 100;
      case 'U4': case 'T4': return next() * 1_000_000;
      case 'B2': return next() % 2 === 1;
      case 'NV': return { name: `user.v${next()}`, value: `x${next()}` };
      case 'NA': return { index: next() % 5, name: `user.a${next()}`, value: `y${next()}` };
    }
  };
  const fill = (target: Record<string, unknown>, spec: FloatSpec) => {
    target[spec.name] = spec.list ? [value(spec), value(spec)] : value(spec);
  };
  for (const spec of layout.floating) fill(m, spec);
  for (const group of layout.groups) {
    m[group.name] = [0, 1].map(() => {
      const entry: Record<string, unknown> = {};
      for (const spec of group.fields) fill(entry, spec);
      return entry;
    });
  }
  return m as unknown as CtiMessage;
}
