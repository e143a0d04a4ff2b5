// What one Socket.IO client is owed, coalesced per row: while its transport cannot take more (a polling client
// between polls, a WebSocket still writing), later values of a row replace earlier ones (latest value wins), so a
// slow client costs at most one pending value per row, never a growing queue.
import type { Socket } from 'socket.io';
import type { Row } from '../reports/rows.ts';

const REMOVED = null;

export class ClientFeed {
  readonly #pending = new Map<string, Map<string, Row | typeof REMOVED>>();
  #scheduled = false;
  #waitingForDrain = false;

  constructor(private readonly socket: Socket, private readonly now: () => number) {}

  upsert(subscriptionId: string, rows: readonly Row[]): void {
    if (rows.length === 0) return;
    const pending = this.#of(subscriptionId);
    for (const row of rows) pending.set(row.key, row);
    this.#schedule();
  }

  remove(subscriptionId: string, keys: readonly string[]): void {
    if (keys.length === 0) return;
    const pending = this.#of(subscriptionId);
    for (const key of keys) pending.set(key, REMOVED);
    this.#schedule();
  }

  forget(subscriptionId: string): void { this.#pending.delete(subscriptionId); }

  /** Rows not yet written, for tests and the health view. */
  get pendingRows(): number {
    let n = 0;
    for (const rows of this.#pending.values()) n += rows.size;
    return n;
  }

  #of(subscriptionId: string): Map<string, Row | typeof REMOVED> {
    let pending = this.#pending.get(subscriptionId);
    if (!pending) this.#pending.set(subscriptionId, (pending = new Map()));
    return pending;
  }

  #schedule(): void {
    if (this.#scheduled || this.#waitingForDrain) return;
    this.#scheduled = true;
    setImmediate(() => { this.#scheduled = false; this.#flush(); });   // one write per tick's changes
  }

  #flush(): void {
    if (this.#pending.size === 0 || !this.socket.connected) return;
    if (!this.socket.conn.transport.writable) {
      this.#waitingForDrain = true;
      this.socket.conn.once('drain', () => { this.#waitingForDrain = false; this.#flush(); });
      return;
    }
    const serverTime = this.now();
    for (const [subscriptionId, rows] of this.#pending) {
      const upsert: Row[] = [];
      const remove: string[] = [];
      for (const [key, row] of rows) if (row === REMOVED) remove.push(key); else upsert.push(row);
      this.socket.emit('rows', { subscriptionId, serverTime, upsert, remove });
    }
    this.#pending.clear();
  }
}
