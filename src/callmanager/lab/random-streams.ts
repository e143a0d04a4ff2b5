// Deterministic random streams of the load generator (telephony-and-routing.md §4.3): each stream is a
// mulberry32 generator seeded with FNV-1a-32 of "<seed>:<stream>", so one stream's draws never shift another's.

export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Uniform draws in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function stream(seed: number, name: string): () => number {
  return mulberry32(fnv1a32(`${seed >>> 0}:${name}`));
}

/** −ln(1 − u) × mean, the spec's exponential draw. */
export const exponential = (u: number, mean: number): number => -Math.log(1 - u) * mean;

/** Log-normal with the given mean and coefficient of variation, from two uniform draws (Box–Muller). */
export function lognormal(u1: number, u2: number, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  return Math.exp(mu + Math.sqrt(sigma2) * z);
}
