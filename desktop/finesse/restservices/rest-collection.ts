// Collections (desktop-and-gadgets.md §5, §4.3): a list resource (`/User/agent1/Dialogs`) whose items are REST
// objects kept up to date from the collection's node. A POST or DELETE whose `source` is the collection adds or
// removes items (`collectionAdd`, `collectionDelete`); a PUT from another `source` changes that one item.
import { Utilities } from '../utilities/utilities.ts';
import type { XmlJsObject } from '../utilities/xml2js.ts';
import { isObject, RestBase, textOf, type RestOptions } from './rest-base.ts';

export type ItemConstructor = new (options: RestOptions) => RestBase;

export class RestCollectionBase<Item extends RestBase = RestBase> extends RestBase {
  protected _items = new Map<string, Item>();

  /** The items' element and resource name: `Dialog`. */
  getRestItemType(): string { return 'RestBase'; }
  getRestItemClass(): ItemConstructor { return RestBase; }

  /** `{id: item}` (§5). */
  getCollection(): Record<string, Item> {
    return Object.fromEntries(this._items);
  }

  getItems(): Item[] { return [...this._items.values()]; }

  /**
   * Whether each item subscribes to its own node, explicitly when its class says so (Queue: desktop-and-gadgets.md
   * §5, notifications.md §3.1), because the collection's node does not carry the items' changes.
   */
  itemsSubscribe(): boolean { return false; }

  /** Ends the collection's subscriptions and its items'. */
  override destroy(): void {
    super.destroy();
    if (this.itemsSubscribe()) for (const item of this._items.values()) item.destroy();
  }

  /** An item leaves the collection: it stops listening (its node may still be another object's). */
  #forget(item: Item): void {
    if (this.itemsSubscribe()) item.detach();
  }

  protected override _setData(data: XmlJsObject): void {
    super._setData(data);
    const seen = new Set<string>();
    for (const raw of Utilities.getArray(data[this.getRestItemType()])) {
      if (!isObject(raw)) continue;
      const item = this.#upsert(raw);
      if (item) seen.add(item.getId());
    }
    for (const [id, item] of [...this._items]) {
      if (seen.has(id)) continue;
      this._items.delete(id);
      this.#forget(item);
    }
  }

  protected override _idFromData(): string { return this._id; }

  #upsert(raw: XmlJsObject): Item | undefined {
    const id = this.itemIdOf(raw);
    if (!id) return undefined;
    const existing = this._items.get(id);
    if (existing) {
      existing.replaceData(raw);
      return existing;
    }
    const ItemClass = this.getRestItemClass();
    const item = new ItemClass({ id, data: raw, doNotSubscribe: !this.itemsSubscribe() }) as Item;
    this._items.set(id, item);
    return item;
  }

  itemIdOf(raw: XmlJsObject): string {
    return textOf(raw.id) || Utilities.getId(textOf(raw.uri));
  }

  protected override _processUpdate(update: XmlJsObject): void {
    const event = textOf(update.event);
    const source = textOf(update.source);
    const data = isObject(update.data) ? update.data : {};
    if (source === this.getRestUrl() || source === '') {
      const holder = data[this.notificationKey()];
      const raws = isObject(holder) ? Utilities.getArray(holder[this.getRestItemType()]).filter(isObject) : [];
      for (const raw of raws) {
        const id = this.itemIdOf(raw);
        if (event === 'DELETE') {
          const item = this._items.get(id);
          if (!item) continue;
          item.replaceData(raw);
          this._items.delete(id);
          this.#forget(item);
          this._fire('collectionDelete', item);
        } else {
          const known = this._items.get(id);
          if (known) known.applyChange(raw); // a PUT of the whole list: the item's own `change`
          else {
            const item = this.#upsert(raw);
            if (item) this._fire('collectionAdd', item);
          }
        }
      }
      return;
    }
    // A change of one item: `source` is its own URL, `data` holds it under its singular name.
    const itemKey = this.getRestItemType().charAt(0).toLowerCase() + this.getRestItemType().slice(1);
    const raw = data[itemKey];
    if (!isObject(raw)) return;
    const id = Utilities.getId(source) || this.itemIdOf(raw);
    const item = this._items.get(id);
    if (item) item.applyChange(raw);
    else if (event !== 'DELETE') {
      const added = this.#upsert(raw);
      if (added) this._fire('collectionAdd', added);
    }
  }
}
