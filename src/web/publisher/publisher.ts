// Where the web service hands its notifications (rest-api.md §2.1, notifications.md): `publish(node, update)` with
// the `<Update>` document rendered once. The notification service plugs in behind this interface; until then the
// recording publisher keeps the recent updates in memory, so tests and troubleshooting can read them.

export interface Publisher {
  /** Publishes one `<Update>` document (no XML declaration) to a pubsub node such as `/finesse/api/User/agent1`. */
  publish(node: string, updateXml: string): void;
  /** Provisions a node before anything is published to it (a team's, which supervisors subscribe to explicitly). */
  createNode?(node: string): void;
  deleteNode?(node: string): void;
}

export interface PublishedUpdate {
  readonly node: string;
  readonly xml: string;
}

const DEFAULT_HISTORY = 1_000; // bounded: a node left running must not grow without end

export class RecordingPublisher implements Publisher {
  readonly #history: PublishedUpdate[] = [];
  readonly #waiters = new Set<{ match: (u: PublishedUpdate) => boolean; resolve: (u: PublishedUpdate) => void }>();

  constructor(private readonly maxHistory = DEFAULT_HISTORY) {}

  publish(node: string, updateXml: string): void {
    const update = { node, xml: updateXml };
    this.#history.push(update);
    if (this.#history.length > this.maxHistory) this.#history.shift();
    for (const waiter of this.#waiters) {
      if (waiter.match(update)) {
        this.#waiters.delete(waiter);
        waiter.resolve(update);
      }
    }
  }

  /** The recent updates, oldest first. */
  get updates(): readonly PublishedUpdate[] { return this.#history; }

  /** The first update, already recorded or still to come, that matches. */
  waitFor(match: (update: PublishedUpdate) => boolean): Promise<PublishedUpdate> {
    const found = this.#history.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.#waiters.add({ match, resolve }));
  }
}
