// The tickets this node has redeemed, each kept until it expires: past that, openTicket refuses it anyway, so the
// ledger never grows beyond the tickets of the last few minutes.

export class TicketLedger {
  readonly #redeemed = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  /** True the first time a ticket id is seen; false for a reuse (or when the ledger is full, which fails closed). */
  redeem(ticketId: string, expiresAt: number, now: number): boolean {
    this.#forgetExpired(now);
    if (this.#redeemed.has(ticketId) || this.#redeemed.size >= this.maxEntries) return false;
    this.#redeemed.set(ticketId, expiresAt);
    return true;
  }

  get size(): number { return this.#redeemed.size; }

  #forgetExpired(now: number): void {
    for (const [id, expiresAt] of this.#redeemed) if (expiresAt <= now) this.#redeemed.delete(id);
  }
}
