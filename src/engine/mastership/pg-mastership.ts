// Which engine of a cluster is the master (cti.md §9.4; ARCHITECTURE.md "Failover and scale"): the one holding a
// PostgreSQL session-level advisory lock on the shared database, not a home-made consensus.
//
// The lock is a lease. The holder's session runs with `idle_session_timeout` = LEASE_MS, so PostgreSQL ends it, and
// frees the lock, when the holder stops talking for that long (a dead process, a silent partition); a live holder
// proves itself every HEARTBEAT_MS. The holder steps down on its own as soon as a heartbeat has gone unanswered for
// STEP_DOWN_MS, which is shorter than the lease: so it has stopped acting as master before the server can give the
// lock to anyone else. A connection that closes (the server restarted, the link reset) frees the lock at once: the
// holder steps down on the close itself. A standby asks for the lock every HEARTBEAT_MS.
import pg from 'pg';

export type MastershipRole = 'master' | 'standby';

export interface MastershipTimes {
  /** How often the holder proves itself and a standby asks for the lock. */
  heartbeatMs: number;
  /** No answer for this long: the holder steps down. */
  stepDownMs: number;
  /** The server frees the lock of a session silent for this long; must exceed stepDownMs. */
  leaseMs: number;
}

export const DEFAULT_MASTERSHIP_TIMES: MastershipTimes = { heartbeatMs: 500, stepDownMs: 1500, leaseMs: 3000 };

export interface MastershipOptions {
  connectionString: string;
  /** The advisory lock's key: one per cluster sharing the database. */
  lockKey: number;
  times?: MastershipTimes;
  onRole(role: MastershipRole): void;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

export class PostgresMastership {
  readonly #times: MastershipTimes;
  #role: MastershipRole = 'standby';
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #lastAnswerAt = 0;
  #inFlight = false;

  constructor(private readonly options: MastershipOptions) {
    this.#times = options.times ?? DEFAULT_MASTERSHIP_TIMES;
    if (this.#times.stepDownMs >= this.#times.leaseMs) throw new Error('the holder must step down before its lease ends');
  }

  get role(): MastershipRole { return this.#role; }

  start(): void {
    this.#timer = setInterval(() => void this.#beat(), this.#times.heartbeatMs);
    void this.#beat();
  }

  /** Gives the lock up (a clean stop lets the peer take over at once) and stops. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    this.#setRole('standby');
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);   // ending the session frees its advisory locks
  }

  async #beat(): Promise<void> {
    if (this.#closed) return;
    // A holder that has heard nothing for too long steps down before the server can hand the lock on.
    if (this.#role === 'master' && Date.now() - this.#lastAnswerAt > this.#times.stepDownMs) {
      this.options.log.warn({ silentMs: Date.now() - this.#lastAnswerAt }, 'mastership lease not confirmed; stepping down');
      this.#setRole('standby');
      this.#drop();
    }
    if (this.#inFlight) return;
    this.#inFlight = true;
    try {
      const client = this.#client ?? await this.#connect();
      const sql = this.#role === 'master' ? 'select true as held' : 'select pg_try_advisory_lock($1) as held';
      const result = await client.query<{ held: boolean }>(sql, this.#role === 'master' ? [] : [this.options.lockKey]);
      if (client !== this.#client) return;
      this.#lastAnswerAt = Date.now();
      if (result.rows[0]?.held === true) this.#setRole('master');
    } catch (err) {
      if (!this.#closed) this.options.log.warn({ err }, 'mastership check failed; reconnecting');
      this.#setRole('standby');
      this.#drop();
    } finally {
      this.#inFlight = false;
    }
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: this.#times.stepDownMs,
      query_timeout: this.#times.stepDownMs,
      keepAlive: true,
    });
    // The server frees the lock the moment the session ends: a holder whose connection closes steps down at once,
    // not at its next heartbeat, so that it is not still master when the other engine takes the lock.
    const lost = () => { if (client === this.#client) { this.#setRole('standby'); this.#drop(); } };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`set idle_session_timeout = ${Math.round(this.#times.leaseMs)}`);
    if (this.#closed) { await client.end(); throw new Error('closed'); }
    this.#client = client;
    return client;
  }

  /** Forgets the session without waiting for it: if the server still holds it, the lease ends it. */
  #drop(): void {
    const client = this.#client;
    this.#client = undefined;
    void client?.end().catch(() => undefined);
  }

  #setRole(role: MastershipRole): void {
    if (role === this.#role) return;
    this.#role = role;
    this.options.log.info({ role }, 'engine mastership changed');
    this.options.onRole(role);
  }
}
