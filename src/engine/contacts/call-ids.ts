// CTI ConnectionCallIDs (cti.md §6.1): counted from 0x01000000 per engine, never 0xFFFFFFFF, never reused.
const FIRST_CALL_ID = 0x01000000;
const NULL_CALL_ID = 0xffffffff;

export class CallIds {
  #next = FIRST_CALL_ID;
  readonly #byCall = new Map<string, number>();
  readonly #byCti = new Map<number, string>();

  idOf(callId: string): number {
    const known = this.#byCall.get(callId);
    if (known !== undefined) return known;
    const id = this.#next;
    // wrapping skips NULL_CALL_ID and the range below the first id
    this.#next = this.#next + 1 >= NULL_CALL_ID ? FIRST_CALL_ID : this.#next + 1;
    this.#byCall.set(callId, id);
    this.#byCti.set(id, callId);
    return id;
  }

  callOf(ctiCallId: number): string | undefined { return this.#byCti.get(ctiCallId); }

  /** The next id to give: it travels to the standby engine with the replicated state (§6.1). */
  get next(): number { return this.#next; }

  /** Takes on another engine's calls and counter (take-over): ids already given keep their calls. */
  restore(calls: Iterable<readonly [callId: string, ctiCallId: number]>, next: number): void {
    this.#byCall.clear();
    this.#byCti.clear();
    for (const [callId, id] of calls) {
      this.#byCall.set(callId, id);
      this.#byCti.set(id, callId);
    }
    this.#next = next >= FIRST_CALL_ID && next < NULL_CALL_ID ? next : FIRST_CALL_ID;
  }

  forget(callId: string): void {
    const id = this.#byCall.get(callId);
    if (id === undefined) return;
    this.#byCall.delete(callId);
    this.#byCti.delete(id);
  }
}
