// An ordered set kept sorted by a comparator: O(log n) to find a position, the first element in O(1). Each
// CSQ keeps its READY agents in one, and its waiting contacts in another, so no routing decision scans all
// agents or all contacts (telephony-and-routing.md §3.5).
export class SortedIndex<T> {
  readonly #items: T[] = [];
  readonly #compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) { this.#compare = compare; }

  get size(): number { return this.#items.length; }
  first(): T | undefined { return this.#items[0]; }
  at(i: number): T | undefined { return this.#items[i]; }
  values(): readonly T[] { return this.#items; }

  /** The position of the first item not before `probe`. */
  lowerBound(probe: T): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(this.#items[mid]!, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first item for which `before(item)` is false, items being ordered so `before` holds for a prefix. */
  partitionPoint(before: (item: T) => boolean): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.#items[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(item: T): void { this.#items.splice(this.lowerBound(item), 0, item); }

  /** Removes `item`, which must compare equal only to itself (keys end in a unique id). */
  remove(item: T): boolean {
    const i = this.lowerBound(item);
    if (this.#items[i] !== item) return false;
    this.#items.splice(i, 1);
    return true;
  }
}
