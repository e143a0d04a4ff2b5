// The administrator's part of the gadget server's allow-list (desktop-and-gadgets.md §3.3); the node's own
// ports are added by the reader, not stored. Read on every proxied request, so kept in memory between writes
// (a peer node's write is seen within CACHE_MS).
import type { Database } from '../../store/database.ts';
import { proxyAllowHosts } from '../schema.ts';

const CACHE_MS = 5000;

export class ProxyAllowListRepository {
  #cached: { hosts: string[]; at: number } | undefined;

  constructor(private readonly db: Database) {}

  /** The stored entries, sorted. */
  async list(): Promise<string[]> {
    if (this.#cached && Date.now() - this.#cached.at < CACHE_MS) return this.#cached.hosts;
    const rows = await this.db.select().from(proxyAllowHosts);
    const hosts = rows.map((row) => row.host).sort();
    this.#cached = { hosts, at: Date.now() };
    return hosts;
  }

  /** Replaces every entry (already validated and normalised by the caller). */
  async replace(hosts: readonly string[]): Promise<void> {
    const unique = [...new Set(hosts)];
    await this.db.transaction(async (tx) => {
      await tx.delete(proxyAllowHosts);
      if (unique.length > 0) await tx.insert(proxyAllowHosts).values(unique.map((host) => ({ host })));
    });
    this.#cached = undefined;
  }
}
