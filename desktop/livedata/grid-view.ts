// A Live Data report as a sortable table: column headers are buttons (click or Enter sorts, again reverses), cells
// carry their threshold tone as a class, running durations are redrawn every second. Changes are painted on the
// next animation frame, however many arrive in between.
import type { Column } from './columns.ts';
import { GridModel } from './grid-model.ts';
import type { LiveRow } from './rows.ts';

export class GridView {
  readonly model: GridModel;
  readonly #table: HTMLTableElement;
  readonly #body: HTMLTableSectionElement;
  readonly #headers = new Map<string, HTMLTableCellElement>();
  readonly #empty: HTMLElement;
  #frame = 0;
  /** Server clock minus ours: durations tick on the server's time. */
  clockOffsetMs = 0;

  constructor(parent: HTMLElement, columns: readonly Column[], caption: string, readonly onPainted?: () => void) {
    this.model = new GridModel(columns);
    this.#table = document.createElement('table');
    this.#table.className = 'ld-grid';
    const captionEl = this.#table.createCaption();
    captionEl.textContent = caption;
    captionEl.className = 'ld-visually-hidden';
    const headRow = this.#table.createTHead().insertRow();
    for (const column of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (column.numeric) th.className = 'ld-num';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = column.label;
      button.dataset.column = column.id;
      button.addEventListener('click', () => { this.model.sortBy(column.id); this.paint(); });
      th.append(button);
      headRow.append(th);
      this.#headers.set(column.id, th);
    }
    this.#body = this.#table.createTBody();
    this.#empty = document.createElement('p');
    this.#empty.className = 'ld-empty';
    this.#empty.textContent = 'No rows to show.';
    parent.append(this.#table, this.#empty);
    setInterval(() => this.#tick(), 1000);
  }

  replaceAll(rows: readonly LiveRow[], serverTime: number): void {
    this.clockOffsetMs = serverTime - Date.now();
    this.model.replaceAll(rows);
    this.schedulePaint();
  }

  apply(upsert: readonly LiveRow[], remove: readonly string[], serverTime: number): void {
    this.clockOffsetMs = serverTime - Date.now();
    this.model.apply(upsert, remove);
    this.schedulePaint();
  }

  schedulePaint(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => { this.#frame = 0; this.paint(); });
  }

  paint(): void {
    const now = Date.now() + this.clockOffsetMs;
    const rows = this.model.sorted(now);
    const fragment = document.createDocumentFragment();
    for (const row of rows) {
      const tr = document.createElement('tr');
      tr.dataset.key = row.key;
      for (const column of this.model.columns) {
        const td = document.createElement(column === this.model.columns[0] ? 'th' : 'td');
        if (td instanceof HTMLTableCellElement && td.tagName === 'TH') td.scope = 'row';
        this.#fillCell(td, column, row, now);
        tr.append(td);
      }
      fragment.append(tr);
    }
    this.#body.replaceChildren(fragment);
    this.#empty.hidden = rows.length > 0;
    for (const [id, th] of this.#headers) {
      if (id === this.model.sort.columnId) th.setAttribute('aria-sort', this.model.sort.direction);
      else th.removeAttribute('aria-sort');
    }
    this.onPainted?.();
  }

  #fillCell(cell: HTMLElement, column: Column, row: LiveRow, now: number): void {
    cell.textContent = column.text(row, now);
    cell.dataset.column = column.id;
    const tone = column.tone?.(row, now);
    cell.className = [column.numeric ? 'ld-num' : '', tone ? `ld-${tone}` : ''].filter(Boolean).join(' ');
  }

  /** Only the ticking cells change with time; a whole repaint would also reorder rows under the reader's eyes. */
  #tick(): void {
    const ticking = this.model.columns.filter((c) => c.ticking);
    if (ticking.length === 0) return;
    const now = Date.now() + this.clockOffsetMs;
    for (const tr of this.#body.rows) {
      const row = this.model.row(tr.dataset.key ?? '');
      if (!row) continue;
      for (const column of ticking) {
        const cell = tr.querySelector<HTMLElement>(`[data-column="${column.id}"]`);
        if (cell) this.#fillCell(cell, column, row, now);
      }
    }
  }
}
