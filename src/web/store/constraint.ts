// Which database constraint a write broke, whatever the driver (pg, PGlite) and however Drizzle wraps it.
export type ConstraintViolation = 'unique' | 'foreign-key';

export function constraintViolation(err: unknown): ConstraintViolation | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = 'code' in e ? e.code : undefined;
    if (code === '23505') return 'unique';
    if (code === '23503' || code === '23001') return 'foreign-key'; // 23001: ON DELETE RESTRICT
  }
  return undefined;
}
