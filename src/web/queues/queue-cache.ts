// Every CSQ's Queue object, from the engine's CSQ statistics (cti.md §8.3): all of them queried when a CTI session
// opens (the first and after each reconnect), then kept by POISE_CSQ_STATISTICS_EVENT. Each change is published as
// a Queue PUT on /finesse/api/Queue/{id} (notifications.md §3.1): at once when the queue's last update is 10 s old,
// otherwise when its 10 s are up, with the figures of that moment. Timers are owned here and cleared in close().
import type { Logger } from '../../shared/logger.ts';
import { NULL_ID, type CtiMessage } from '../../engine/cti/codec/index.ts';
import type { CtiConnection } from '../cti-client/index.ts';
import { renderUpdate, type Publisher } from '../publisher/index.ts';
import { queueNode, queueOf, queueUri, type FinesseQueue } from './queue.ts';

const UPDATE_INTERVAL_MS = 10_000; // notifications.md §3.1: PUT every 10 s if statistics changed

interface Entry {
  queue: FinesseQueue;
  /** The last published representation, and when. */
  published: string | undefined;
  publishedAt: number;
  timer: NodeJS.Timeout | undefined;
}

export class QueueCache {
  readonly #cti: CtiConnection | undefined;
  readonly #publisher: Publisher;
  readonly #log: Logger;
  readonly #entries = new Map<number, Entry>();
  #loaded: Promise<void> | undefined;
  #closed = false;

  constructor(options: { cti?: CtiConnection | undefined; publisher: Publisher; log: Logger }) {
    this.#cti = options.cti;
    this.#publisher = options.publisher;
    this.#log = options.log;
    options.cti?.onOpen(() => { this.#loaded = this.#rebuild(); });
    options.cti?.onEvent((message) => this.#onEvent(message));
  }

  async get(id: number): Promise<FinesseQueue | undefined> {
    await this.#ready();
    return this.#entries.get(id)?.queue;
  }

  /** Every queue, by id. */
  async all(): Promise<FinesseQueue[]> {
    await this.#ready();
    return [...this.#entries.values()].map((e) => e.queue).sort((a, b) => a.id - b.id);
  }

  close(): void {
    this.#closed = true;
    for (const entry of this.#entries.values()) clearTimeout(entry.timer);
  }

  /** The first load, or the one in progress; a failed load is tried again on the next read. */
  async #ready(): Promise<void> {
    if (!this.#loaded && this.#cti?.isOpen) this.#loaded = this.#rebuild();
    await this.#loaded?.catch(() => { this.#loaded = undefined; });
  }

  async #rebuild(): Promise<void> {
    const cti = this.#cti;
    if (!cti) return;
    let replies: CtiMessage[];
    try {
      replies = await cti.requestAll({ type: 'POISE_QUERY_CSQ_STATISTICS_REQ', csqId: NULL_ID },
        (m) => m.type !== 'POISE_QUERY_CSQ_STATISTICS_CONF' || !m.more);
    } catch (err) {
      this.#log.warn({ err }, 'queue statistics not loaded');
      throw err;
    }
    const seen = new Set<number>();
    for (const reply of replies) {
      if (reply.type !== 'POISE_QUERY_CSQ_STATISTICS_CONF') continue; // FAILURE_CONF 93: no CSQ configured
      seen.add(reply.csqId);
      this.#update(queueOf(reply), true);
    }
    for (const [id, entry] of this.#entries) {
      if (seen.has(id)) continue;
      clearTimeout(entry.timer);
      this.#entries.delete(id);
    }
  }

  #onEvent(message: CtiMessage): void {
    if (message.type === 'POISE_CSQ_STATISTICS_EVENT') this.#update(queueOf(message));
  }

  /** A snapshot (after a (re)connect) is published at once and does not start the 10 s: it is no change. */
  #update(queue: FinesseQueue, snapshot = false): void {
    let entry = this.#entries.get(queue.id);
    if (!entry) this.#entries.set(queue.id, entry = { queue, published: undefined, publishedAt: 0, timer: undefined });
    entry.queue = queue;
    if (snapshot && !entry.timer) return this.#publish(entry, false);
    this.#schedule(entry);
  }

  #schedule(entry: Entry): void {
    if (entry.timer || this.#closed) return;
    const wait = entry.publishedAt + UPDATE_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.#publish(entry);
    entry.timer = setTimeout(() => { entry.timer = undefined; this.#publish(entry); }, wait);
  }

  #publish(entry: Entry, change = true): void {
    const uri = queueUri(entry.queue.id);
    const update = renderUpdate(queueNode(entry.queue, 'queue'), 'PUT', '', uri);
    if (update === entry.published) return;
    entry.published = update;
    if (change) entry.publishedAt = Date.now();
    this.#publisher.publish(uri, update);
  }
}
