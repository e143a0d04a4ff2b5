// finesse.restservices.Queue and Queues (desktop-and-gadgets.md §5; rest-api.md §10): a CSQ with its
// statistics, on the explicit node `/finesse/api/Queue/{id}`; a user's queues on `/User/{id}/Queues`, each item
// subscribed to its own Queue node so that its `change` handlers hear the statistics.
import { isObject, RestBase, textOf } from './rest-base.ts';
import { RestCollectionBase, type ItemConstructor } from './rest-collection.ts';

export class Queue extends RestBase {
  override getRestType(): string { return 'Queue'; }
  override explicitSubscription(): boolean { return true; }
  getName(): string { return textOf(this._data?.name); }
  getUri(): string { return textOf(this._data?.uri); }
  /** Every statistic as a string by name; `callsInQueue` and `startTimeOfLongestCallInQueue` among them. */
  getStatistics(): Record<string, string> {
    const statistics = this._data?.statistics;
    const out: Record<string, string> = {};
    if (isObject(statistics)) for (const [name, value] of Object.entries(statistics)) out[name] = textOf(value);
    return out;
  }
}

export class Queues extends RestCollectionBase<Queue> {
  override getRestType(): string { return 'Queues'; }
  override getRestItemType(): string { return 'Queue'; }
  override getRestItemClass(): ItemConstructor { return Queue; }
  override explicitSubscription(): boolean { return true; }
  // Statistics change on each queue's own node, not on the list's (notifications.md §3.1).
  override itemsSubscribe(): boolean { return true; }
}
