// The rows of one report as the grid holds them: a snapshot, then upserts and removals, sorted by one column.
import type { Column } from './columns.ts';
import type { LiveRow } from './rows.ts';

export interface SortOrder { columnId: string; direction: 'ascending' | 'descending' }

export class GridModel {
  readonly #rows = new Map<string, LiveRow>();
  sort: SortOrder;

  constructor(readonly columns: readonly Column[]) {
    this.sort = { columnId: columns[0]?.id ?? '', direction: 'ascending' };
  }

  replaceAll(rows: readonly LiveRow[]): void {
    this.#rows.clear();
    for (const row of rows) this.#rows.set(row.key, row);
  }

  apply(upsert: readonly LiveRow[], remove: readonly string[]): void {
    for (const key of remove) this.#rows.delete(key);
    for (const row of upsert) this.#rows.set(row.key, row);
  }

  get size(): number { return this.#rows.size; }

  row(key: string): LiveRow | undefined { return this.#rows.get(key); }

  /** Clicking the sorted column reverses it; another column sorts ascending. */
  sortBy(columnId: string): void {
    this.sort = this.sort.columnId === columnId
      ? { columnId, direction: this.sort.direction === 'ascending' ? 'descending' : 'ascending' }
      : { columnId, direction: 'ascending' };
  }

  /** The rows in display order at `now` (ticking columns sort by their value now); ties keep key order. */
  sorted(now: number): LiveRow[] {
    const column = this.columns.find((c) => c.id === this.sort.columnId);
    const rows = [...this.#rows.values()];
    if (!column) return rows;
    const sign = this.sort.direction === 'ascending' ? 1 : -1;
    return rows.sort((a, b) => {
      const x = column.sortValue(a, now);
      const y = column.sortValue(b, now);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order !== 0 ? sign * order : a.key.localeCompare(b.key);
    });
  }
}
