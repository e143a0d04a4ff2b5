// An engine without a peer keeps its live state in its own store (docs/failover.md "An engine restarting alone"):
// after each change, at most once per interval, every row as replication captures it. An engine that starts again
// while the call manager kept running takes that state over as a new master takes over a peer's copy: agents keep
// their state and reason code, calls keep their Dialog ids, queued contacts their place, and the call manager
// says what ended meanwhile (take-over.ts). After the call manager itself restarted, the calls are gone and the
// agents' phones were re-registered, so the saved state is set aside and everyone starts signed out.
import { eq } from 'drizzle-orm';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database.ts';
import type { Engine } from '../engine.ts';
import { liveCheckpoint } from '../schema.ts';
import { captureAll } from './capture.ts';
import { ReplicaStateSchema, type ReplicaState } from './replica-state.ts';
import { ReplicationSource } from './replication-source.ts';

const ROW_ID = 'engine';
/** Older than this, the desktops have long given up: a restart is a fresh start. */
export const CHECKPOINT_MAX_AGE_MS = 15 * 60_000;

export interface SavedState {
  readonly callManagerRunId: string;
  readonly writtenAt: number;
  /** ReplicaState as JSON. */
  readonly state: string;
}

export class CheckpointStore {
  constructor(private readonly db: Database) {}

  async read(): Promise<SavedState | undefined> {
    const [row] = await this.db.select().from(liveCheckpoint).where(eq(liveCheckpoint.id, ROW_ID));
    return row && { callManagerRunId: row.callManagerRunId, writtenAt: row.writtenAt, state: row.state };
  }

  async write(saved: SavedState): Promise<void> {
    await this.db.insert(liveCheckpoint).values({ id: ROW_ID, ...saved })
      .onConflictDoUpdate({ target: liveCheckpoint.id, set: { ...saved } });
  }
}

/** The saved state, when it belongs to the call manager's current run, is recent and well formed. */
export function usableState(saved: SavedState | undefined, callManagerRunId: string, now: number, log: Logger): ReplicaState | undefined {
  if (!saved) return undefined;
  if (saved.callManagerRunId !== callManagerRunId) {
    log.info('the call manager restarted since the engine\'s last checkpoint: no one is signed in');
    return undefined;
  }
  if (now - saved.writtenAt > CHECKPOINT_MAX_AGE_MS) {
    log.info({ writtenAt: new Date(saved.writtenAt).toISOString() }, 'the engine\'s last checkpoint is too old: no one is signed in');
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(saved.state);
  } catch {
    json = undefined;
  }
  const parsed = ReplicaStateSchema.safeParse(json);
  if (!parsed.success) {
    log.warn('the engine\'s last checkpoint is not readable: no one is signed in');
    return undefined;
  }
  return parsed.data;
}

export interface StateCheckpointOptions {
  readonly engine: Engine;
  readonly store: CheckpointStore;
  readonly log: Logger;
  /** The most often a checkpoint is written; default 1,000 ms. */
  readonly intervalMs?: number;
}

/** Writes the engine's live state after each change, at most once per interval, and once more on close. */
export class StateCheckpoint {
  readonly #options: StateCheckpointOptions;
  readonly #source: ReplicationSource;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #lastWriteAt = 0;
  #writing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: StateCheckpointOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? 1000;
    this.#source = new ReplicationSource(options.engine, { sweepMs: this.#intervalMs * 5 });
    this.#source.subscribe(() => this.#schedule());
    // the first write also sets the row's call manager run, whatever the engine held before
    this.#schedule();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#source.close();
    this.#write();
    await this.#writing;
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return;
    const wait = Math.max(0, this.#lastWriteAt + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#write();
    }, wait);
    this.#timer.unref();
  }

  /** One write at a time, in order; a failed write is logged and the next change tries again. */
  #write(): void {
    const { engine, store, log } = this.#options;
    this.#lastWriteAt = Date.now();
    const saved: SavedState = {
      callManagerRunId: engine.session.callManagerRunId, writtenAt: this.#lastWriteAt, state: JSON.stringify(captureAll(engine)),
    };
    this.#writing = this.#writing.then(() => store.write(saved)).catch((err: unknown) => {
      log.warn({ err }, 'engine checkpoint not written');
    });
  }
}
