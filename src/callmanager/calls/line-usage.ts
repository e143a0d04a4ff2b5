// Calls present on each device's line appearance, for the busy trigger and the line's maximum (spec §3.1).
// Nested maps keyed device → pattern avoid building a string key on every offer.
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
      if (!lines || n === undefined) continue;
      if (n > 1) lines.set(pattern, n - 1);
      else if (lines.delete(pattern) && lines.size === 0) this.#byDevice.delete(device);
    }
  }
}
