// The engine's provider session behind one stable object. An engine that steps down shuts its session (the call
// manager then frees its route points and CTI ports for the new master) and opens a new one when it is master
// again; the contact manager, call control and replay keep the object they were given and its event listeners.
import type { CallEventListener } from '../../callmanager/calls/types.ts';
import type { AsyncProviderSession as ProviderSession } from '../provider-link/async-session.ts';

export class SessionHandle {
  #current: ProviderSession;
  /** Each listener given to the stable object, with its unsubscribe on the current session. */
  readonly #listeners = new Map<CallEventListener, () => void>();
  /** Stands for whichever session is current: every request goes to it. */
  readonly session: ProviderSession;

  constructor(initial: ProviderSession) {
    this.#current = initial;
    const onEvent = (listener: CallEventListener): (() => void) => {
      this.#listeners.set(listener, this.#current.onEvent(listener));
      return () => {
        this.#listeners.get(listener)?.();
        this.#listeners.delete(listener);
      };
    };
    this.session = new Proxy(initial, {
      get: (_target, property) => {
        if (property === 'onEvent') return onEvent;
        const value: unknown = Reflect.get(this.#current, property, this.#current);
        return typeof value === 'function' ? value.bind(this.#current) : value;
      },
    });
  }

  get current(): ProviderSession { return this.#current; }

  /** Moves every listener to `next`, which serves every request from now on. */
  replace(next: ProviderSession): void {
    for (const [listener, unsubscribe] of this.#listeners) {
      unsubscribe();
      this.#listeners.set(listener, next.onEvent(listener));
    }
    this.#current = next;
  }
}
