// An in-memory dial plan: the directory feeds it devices and lines; the call model resolves numbers against
// it on every offer, so `resolve` returns a ready array and allocates nothing. Arrays handed out are never
// mutated afterwards (a change builds new ones), so a caller may keep them.
import { TelephonyError } from './errors.ts';
import {
  LINE_DEFAULTS, MAX_CALLS_PER_LINE, type DeviceKind, type DeviceLine, type DeviceRegistry, type DialPlanDevice,
  type LineAppearance,
} from './dial-plan.ts';

export interface DeviceLineInput {
  readonly pattern: string;
  readonly maxNumCalls?: number;
  readonly busyTrigger?: number;
}

export interface DeviceInput {
  readonly name: string;
  readonly kind: DeviceKind;
  readonly registered?: boolean;   // default false: a device registers when its phone or application does
  readonly lines?: readonly DeviceLineInput[];
}

const NOBODY: readonly LineAppearance[] = Object.freeze([]);

export class MemoryDialPlan implements DeviceRegistry {
  #devices = new Map<string, DialPlanDevice>();
  #byPattern = new Map<string, readonly LineAppearance[]>();

  resolve(pattern: string): readonly LineAppearance[] {
    return this.#byPattern.get(pattern) ?? NOBODY;
  }

  device(name: string): DialPlanDevice | undefined {
    return this.#devices.get(name);
  }

  addDevice(input: DeviceInput): void {
    if (!input.name) throw new TelephonyError('InvalidArgument', 'device name is empty');
    if (this.#devices.has(input.name)) throw new TelephonyError('InvalidArgument', `device ${input.name} exists`);
    const lines = (input.lines ?? []).map((line) => lineOf(input.kind, line));
    assertDistinctPatterns(input.name, lines);
    this.#put({ name: input.name, kind: input.kind, registered: input.registered ?? false, lines });
  }

  removeDevice(name: string): boolean {
    const device = this.#devices.get(name);
    if (!device) return false;
    this.#unindex(device);
    this.#devices.delete(name);
    return true;
  }

  updateDevice(name: string, changes: { readonly kind?: DeviceKind; readonly registered?: boolean }): void {
    const device = this.#require(name);
    this.#put({ ...device, ...changes });
  }

  setRegistered(name: string, registered: boolean): boolean {
    const device = this.#devices.get(name);
    if (!device) return false;
    if (device.registered !== registered) this.#put({ ...device, registered });
    return true;
  }

  addLine(deviceName: string, input: DeviceLineInput): void {
    const device = this.#require(deviceName);
    const lines = [...device.lines, lineOf(device.kind, input)];
    assertDistinctPatterns(deviceName, lines);
    this.#put({ ...device, lines });
  }

  updateLine(deviceName: string, pattern: string, limits: Omit<DeviceLineInput, 'pattern'>): void {
    const device = this.#require(deviceName);
    const current = device.lines.find((line) => line.pattern === pattern);
    if (!current) throw new TelephonyError('InvalidArgument', `device ${deviceName} has no line ${pattern}`);
    const updated = lineOf(device.kind, { ...current, ...limits });
    this.#put({ ...device, lines: device.lines.map((line) => (line === current ? updated : line)) });
  }

  removeLine(deviceName: string, pattern: string): boolean {
    const device = this.#require(deviceName);
    const lines = device.lines.filter((line) => line.pattern !== pattern);
    if (lines.length === device.lines.length) return false;
    this.#put({ ...device, lines });
    return true;
  }

  #require(name: string): DialPlanDevice {
    const device = this.#devices.get(name);
    if (!device) throw new TelephonyError('InvalidArgument', `no device ${name}`);
    return device;
  }

  #put(device: DialPlanDevice): void {
    const previous = this.#devices.get(device.name);
    if (previous) this.#unindex(previous);
    this.#devices.set(device.name, device);
    for (const line of device.lines) {
      const appearance: LineAppearance = {
        deviceName: device.name, kind: device.kind, registered: device.registered,
        maxNumCalls: line.maxNumCalls, busyTrigger: line.busyTrigger,
      };
      this.#byPattern.set(line.pattern, [...this.resolve(line.pattern), appearance]);
    }
  }

  #unindex(device: DialPlanDevice): void {
    for (const line of device.lines) {
      const rest = this.resolve(line.pattern).filter((a) => a.deviceName !== device.name);
      if (rest.length === 0) this.#byPattern.delete(line.pattern);
      else this.#byPattern.set(line.pattern, rest);
    }
  }
}

function lineOf(kind: DeviceKind, input: DeviceLineInput): DeviceLine {
  const defaults = LINE_DEFAULTS[kind];
  const maxNumCalls = input.maxNumCalls ?? defaults.maxNumCalls;
  const busyTrigger = input.busyTrigger ?? Math.min(defaults.busyTrigger, maxNumCalls);
  if (!input.pattern) throw new TelephonyError('InvalidArgument', 'line pattern is empty');
  if (!Number.isInteger(maxNumCalls) || maxNumCalls < 1 || maxNumCalls > MAX_CALLS_PER_LINE) {
    throw new TelephonyError('InvalidArgument', `maxNumCalls ${maxNumCalls} outside 1..${MAX_CALLS_PER_LINE}`);
  }
  if (!Number.isInteger(busyTrigger) || busyTrigger < 1 || busyTrigger > maxNumCalls) {
    throw new TelephonyError('InvalidArgument', `busyTrigger ${busyTrigger} outside 1..${maxNumCalls}`);
  }
  return { pattern: input.pattern, maxNumCalls, busyTrigger };
}

function assertDistinctPatterns(deviceName: string, lines: readonly DeviceLine[]): void {
  const patterns = new Set(lines.map((line) => line.pattern));
  if (patterns.size !== lines.length) {
    throw new TelephonyError('InvalidArgument', `device ${deviceName} carries a pattern twice`);
  }
}
