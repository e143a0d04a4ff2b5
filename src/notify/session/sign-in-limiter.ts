// At most N directory sign-ins in flight (notifications.md §11). A burst of desktops reconnecting after a failover
// otherwise opens as many AXL requests at once, each holding its buffers and the call manager's password-hash
// working memory; queued sign-ins wait their turn in order instead, and cost a closure each.

export class SignInLimiter {
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(private readonly maxConcurrent: number) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) throw new RangeError('maxConcurrent must be a positive integer');
  }

  get active(): number { return this.#active; }
  get queued(): number { return this.#waiting.length; }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.maxConcurrent) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next(); // the slot passes straight to the next sign-in
      else this.#active -= 1;
    }
  }
}
