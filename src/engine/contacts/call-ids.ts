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

  forget(callId: string): void {
    const id = this.#byCall.get(callId);
    if (id === undefined) return;
    this.#byCall.delete(callId);
    this.#byCti.delete(id);
  }
}
