// Which events a session receives. As with a JTAPI CallObserver on an Address or Terminal, an application
// observing a party sees the whole call, every party's events, from the moment an observed party is in it
// until the call ends or no observed party is left (Cisco: CallObservationEndedEv) [J3]. Observing starts with
// the calls already at what is added (JTAPI's addCallObserver on an Address or Terminal): a session that takes
// over lines in the middle of calls (a new master engine, a reconnected provider link) follows them to their end.
import type { CallEvent } from '../calls/types.ts';

/** Whether a call has a party at one of the addresses or terminals; undefined once it has ended
 *  (CallModel.touches). */
export type Touches = (
  callId: string, addresses: ReadonlySet<string>, terminals: ReadonlySet<string>,
) => boolean | undefined;

export class Observation {
  readonly #addresses = new Set<string>();
  readonly #terminals = new Set<string>();
  readonly #calls = new Set<string>();   // calls being observed now

  /** `inProgress`: the ids of the calls in progress now. */
  constructor(private readonly touches: Touches, private readonly inProgress: () => Iterable<string>) {}

  add(addresses: readonly string[], terminals: readonly string[]): void {
    for (const address of addresses) this.#addresses.add(address);
    for (const terminal of terminals) this.#terminals.add(terminal);
    const added = { addresses: new Set(addresses), terminals: new Set(terminals) };
    for (const callId of this.inProgress()) {
      if (this.touches(callId, added.addresses, added.terminals) === true) this.#calls.add(callId);
    }
  }

  admits(event: CallEvent): boolean {
    const { callId } = event;
    const own = (event.address !== undefined && this.#addresses.has(event.address))
      || (event.terminal !== undefined && this.#terminals.has(event.terminal));
    if (!this.#calls.has(callId)) {
      const joins = own || (event.type === 'CallActiveEv' && this.#touched(callId) === true);
      if (!joins) return false;
      this.#calls.add(callId);
    }
    // A call that has already ended stays observed until its CallInvalidEv arrives.
    const ends = event.type === 'CallInvalidEv'
      || (event.type === 'CallCtlConnDisconnectedEv' && this.#touched(callId) === false);
    if (ends) this.#calls.delete(callId);
    return true;
  }

  #touched(callId: string): boolean | undefined {
    return this.touches(callId, this.#addresses, this.#terminals);
  }

  clear(): void {
    this.#addresses.clear();
    this.#terminals.clear();
    this.#calls.clear();
  }
}
