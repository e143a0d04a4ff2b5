/** Ends a switch over a union: a member added later breaks the build wherever it is not handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
