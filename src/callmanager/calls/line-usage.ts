// Calls present on each device's line appearance, for the busy trigger and the line's maximum (spec §3.1).
// Nested maps keyed device → pattern avoid building a string key on every offer. A count that falls to zero
// stays in place: the entries are bounded by the dial plan's line appearances, and deleting and re-adding the
// same Map key on every call (a route point's line goes 0 → 1 → 0 per call) makes V8 walk ever longer chains
// of deleted entries until the next rehash, slowing every lookup a hundredfold.
export class LineUsage {
  #byDevice = new Map<string, Map<string, number>>();

  count(device: string, pattern: string): number {
    return this.#byDevice.get(device)?.get(pattern) ?? 0;
  }

  acquire(devices: readonly string[], pattern: string): void {
    for (const device of devices) {
      let lines = this.#byDevice.get(device);
      if (!lines) this.#byDevice.set(device, (lines = new Map()));
      lines.set(pattern, (lines.get(pattern) ?? 0) + 1);
    }
  }

  release(devices: readonly string[], pattern: string): void {
    for (const device of devices) {
      const lines = this.#byDevice.get(device);
      const n = lines?.get(pattern);
      if (lines && n !== undefined && n > 0) lines.set(pattern, n - 1);
    }
  }
}
