/**
 * Time for every timer of the call manager and the engine, so the lab can switch to virtual time
 * (telephony-and-routing.md §4.2) and tests of RONA, wrap-up and patience run without waiting.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** `clock` is the clock that made the timer, so a switchable clock can cancel it after a switch. */
export interface TimerHandle { readonly id: number; readonly clock: Clock }

export class RealClock implements Clock {
  #timers = new Map<number, NodeJS.Timeout>();
  #nextId = 1;

  now(): number { return Date.now(); }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, setTimeout(() => { this.#timers.delete(id); callback(); }, ms));
    return { id, clock: this };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    clearTimeout(this.#timers.get(handle.id));
    this.#timers.delete(handle.id);
  }

  /** Cancels every pending timer: the owner is shutting down. */
  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}

interface VirtualTimer { id: number; due: number; callback: () => void }

/** Time moves only by `advance`; timers fire in due order (ties in creation order). */
export class VirtualClock implements Clock {
  #now: number;
  #timers: VirtualTimer[] = [];
  #nextId = 1;

  constructor(start = 0) { this.#now = start; }

  now(): number { return this.#now; }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.#nextId++, due: this.#now + Math.max(0, ms), callback };
    // Keep sorted by (due, id); inserting from the back is cheap for the usual increasing deadlines.
    let i = this.#timers.length;
    while (i > 0 && this.#timers[i - 1]!.due > timer.due) i--;
    this.#timers.splice(i, 0, timer);
    return { id: timer.id, clock: this };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    const i = this.#timers.findIndex((t) => t.id === handle.id);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** Fires every timer due within `ms`, in time order, including those the callbacks schedule inside the span. */
  advance(ms: number): number {
    const end = this.#now + ms;
    let fired = 0;
    for (;;) {
      const next = this.#timers[0];
      if (!next || next.due > end) break;
      this.#timers.shift();
      this.#now = next.due;
      next.callback();
      fired++;
    }
    this.#now = end;
    return fired;
  }

  get pending(): number { return this.#timers.length; }
}

/** A clock that delegates to a real or a virtual one and can switch between them at run time. */
export class SwitchableClock implements Clock {
  #real = new RealClock();
  #virtual: VirtualClock | undefined;

  get mode(): 'real' | 'virtual' { return this.#virtual ? 'virtual' : 'real'; }
  get virtual(): VirtualClock | undefined { return this.#virtual; }

  useVirtual(start = Date.now()): VirtualClock {
    this.#virtual = new VirtualClock(start);
    return this.#virtual;
  }

  useReal(): void { this.#virtual = undefined; }

  now(): number { return (this.#virtual ?? this.#real).now(); }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return (this.#virtual ?? this.#real).setTimeout(callback, ms);
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    handle?.clock.clearTimeout(handle);
  }

  close(): void { this.#real.close(); }
}
