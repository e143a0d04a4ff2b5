// Delivers call events in `seq` order. Operations enqueue while they change state and the model flushes once
// the operation is done; a listener that calls the model back (the engine redirecting an offer it has just
// seen) has its events queued behind the ones being delivered, so every listener sees one total order.
import type { CallEvent, CallEventListener } from './events.ts';

export type ListenerErrorHandler = (err: unknown, event: CallEvent) => void;

// A listener's bug must not stop delivery to the others nor undo a state change already made; by default it
// surfaces as an uncaught exception, where the service's handler logs it. Services pass their logger instead.
const rethrowLater: ListenerErrorHandler = (err) => queueMicrotask(() => { throw err; });

export class CallEventBus {
  #seq = 0;
  #listeners: readonly CallEventListener[] = [];
  #queue: CallEvent[] = [];
  #draining = false;

  constructor(readonly now: () => number, private readonly onListenerError: ListenerErrorHandler = rethrowLater) {}

  /** The `seq` of the last event raised. */
  get lastSeq(): number {
    return this.#seq;
  }

  /** With nobody listening, events are counted (their `seq` is used up) but never built. */
  get wanted(): boolean {
    return this.#listeners.length > 0;
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  enqueue(event: CallEvent): void {
    this.#queue.push(event);
  }

  subscribe(listener: CallEventListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  flush(): void {
    if (this.#draining) return;
    this.#draining = true;
    try {
      const queue = this.#queue;
      for (let i = 0; i < queue.length; i++) {   // grows while listeners call back into the model
        const event = queue[i];
        if (event === undefined) break;
        for (const listener of this.#listeners) {
          try {
            listener(event);
          } catch (err) {
            this.onListenerError(err, event);
          }
        }
      }
    } finally {
      this.#queue.length = 0;
      this.#draining = false;
    }
  }
}
