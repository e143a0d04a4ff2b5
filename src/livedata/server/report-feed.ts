// One report, in one view, over one scope: every subscription asking for exactly that shares the feed, so each
// change is worked out into rows once and each batch of rows is encoded once for all of them (a Socket.IO room
// broadcast). The feed keeps its rows as last sent, which is also what a slow client catches up from.
import type { ViewChange } from '../model/statistics-view.ts';
import { changedRows, snapshotRows, type ReportContext, type ReportId, type ReportView } from '../reports/reports.ts';
import type { Row } from '../reports/rows.ts';
import type { Scope } from '../reports/scope.ts';

const REMOVED = null;

export const feedKey = (report: ReportId, mode: ReportView, scope: Scope): string => `${report}|${mode}|${scope.key}`;

export class ReportFeed {
  /** Every row of the feed as its members have been (or are about to be) told. */
  readonly current = new Map<string, Row>();
  readonly #pending = new Map<string, Row | typeof REMOVED>();
  /** Socket ids of the subscribed clients. */
  readonly members = new Set<string>();

  constructor(readonly id: string, readonly report: ReportId, readonly mode: ReportView, readonly scope: Scope,
              private readonly context: ReportContext) {
    for (const row of this.snapshot()) this.current.set(row.key, row);
  }

  get room(): string { return `feed:${this.id}`; }
  get hasPending(): boolean { return this.#pending.size > 0; }

  /** The whole report now, worked out afresh (a new subscriber's first rows). */
  snapshot(): Row[] {
    return snapshotRows(this.report, this.mode, this.scope, this.context);
  }

  /** Applies one change of the statistics view; true when it touched the feed. */
  change(change: ViewChange): boolean {
    const delta = changedRows(this.report, this.mode, this.scope, change, this.context);
    for (const key of delta.remove) { this.current.delete(key); this.#pending.set(key, REMOVED); }
    for (const row of delta.upsert) { this.current.set(row.key, row); this.#pending.set(row.key, row); }
    return delta.upsert.length > 0 || delta.remove.length > 0;
  }

  /** Everything again (the periodic full refresh, or the view back from degraded), and the rows gone removed. */
  refresh(): void {
    const rows = this.snapshot();
    const keys = new Set(rows.map((r) => r.key));
    for (const key of this.current.keys()) if (!keys.has(key)) this.#pending.set(key, REMOVED);
    this.current.clear();
    for (const row of rows) { this.current.set(row.key, row); this.#pending.set(row.key, row); }
  }

  /** The rows changed since the last call, latest value per row. */
  takePending(): { upsert: Row[]; remove: string[] } {
    const upsert: Row[] = [];
    const remove: string[] = [];
    for (const [key, row] of this.#pending) if (row === REMOVED) remove.push(key); else upsert.push(row);
    this.#pending.clear();
    return { upsert, remove };
  }

  /** What a client that missed `keys` needs to be current: their rows now, or their removal. */
  catchUp(keys: Iterable<string>): { upsert: Row[]; remove: string[] } {
    const upsert: Row[] = [];
    const remove: string[] = [];
    for (const key of keys) {
      const row = this.current.get(key);
      if (row) upsert.push(row); else remove.push(key);
    }
    return { upsert, remove };
  }
}
