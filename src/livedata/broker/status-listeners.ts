import type { BrokerStatus } from './broker.ts';

/** Status listeners and the current status, shared by the adapters. */
export class StatusListeners {
  #status: BrokerStatus;
  readonly #listeners = new Set<(status: BrokerStatus) => void>();

  constructor(initial: BrokerStatus) { this.#status = initial; }

  get status(): BrokerStatus { return this.#status; }

  add(listener: (status: BrokerStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  set(status: BrokerStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
  }
}
