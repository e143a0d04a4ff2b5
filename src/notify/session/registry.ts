// Bound sessions by full and bare JID: what routing and fan-out look up. Bare JIDs are lower-cased (R9).
export interface RegisteredSession {
  readonly fullJid: string;
  readonly bareJid: string;
  readonly available: boolean;
}

export class SessionRegistry<S extends RegisteredSession> {
  readonly #byFull = new Map<string, S>();
  readonly #byBare = new Map<string, Set<S>>();

  get(fullJid: string): S | undefined {
    return this.#byFull.get(fullJid);
  }

  ofUser(bareJid: string): ReadonlySet<S> {
    return this.#byBare.get(bareJid) ?? new Set();
  }

  /** Every bound session, for the events that go to everyone (SystemInfo) and shutdown. */
  all(): IterableIterator<S> {
    return this.#byFull.values();
  }

  get size(): number {
    return this.#byFull.size;
  }

  add(session: S): void {
    this.#byFull.set(session.fullJid, session);
    let set = this.#byBare.get(session.bareJid);
    if (!set) this.#byBare.set(session.bareJid, (set = new Set()));
    set.add(session);
  }

  remove(session: S): void {
    if (this.#byFull.get(session.fullJid) === session) this.#byFull.delete(session.fullJid);
    const set = this.#byBare.get(session.bareJid);
    set?.delete(session);
    if (set?.size === 0) this.#byBare.delete(session.bareJid);
  }
}
