// What an engine does on each change of role (cti.md §9.4; docs/failover.md "State hand-over"). Master: it acts
// on calls, serves its live state on the replication endpoint and serves CTI. Standby: it registers nothing,
// acts on no call, keeps a copy of the master's state from the peer's endpoint, and its own endpoint says it is
// standby. Changes run one after another, in the order asked, so a quick flap ends in the last role asked.
import type { PoiseConfig } from '../../shared/config.ts';
import type { Logger } from '../../shared/logger.ts';
import type { EngineRole } from '../cti/server.ts';
import type { Engine } from '../engine.ts';
import { captureAll } from './capture.ts';
import { ReplicaCopy } from './replica-copy.ts';
import type { ReplicaState } from './replica-state.ts';
import { ReplicationClient } from './replication-client.ts';
import { ReplicationServer } from './replication-server.ts';
import { ReplicationSource } from './replication-source.ts';
import { forgetState, takeOver, type TakeOverReport } from './take-over.ts';

export interface EngineFailoverOptions {
  readonly engine: Engine;
  /** The CTI server's role follows the engine's, after the state is in place (a new master's replay shows it). */
  readonly cti: { setRole(role: EngineRole): void };
  /** This engine's replication endpoint, already listening. */
  readonly server: ReplicationServer | undefined;
  /** The peer's endpoint, ws://host:port; undefined: no peer to copy from. */
  readonly peerUrl: string | undefined;
  readonly secret: string | undefined;
  readonly log: Logger;
  /** The role the engine was opened in: a master's engine is already active. */
  readonly role: EngineRole;
  /** How often the master compares every row, for changes no signal named; default 1,000 ms. */
  readonly sweepMs?: number;
  readonly retryMs?: number;
  /** Told when this engine starts (true) or stops (false) acting on calls: the provider link's registration gate. */
  readonly onActive?: (active: boolean) => void;
}

export class EngineFailover {
  readonly copy = new ReplicaCopy();
  readonly #options: EngineFailoverOptions;
  readonly #client: ReplicationClient | undefined;
  readonly #source: ReplicationSource | undefined;
  #role: EngineRole | undefined;
  #changes: Promise<void> = Promise.resolve();
  #lastTakeOver: TakeOverReport | undefined;

  constructor(options: EngineFailoverOptions) {
    this.#options = options;
    this.#client = options.peerUrl === undefined ? undefined : new ReplicationClient({
      url: options.peerUrl, secret: options.secret, copy: this.copy, log: options.log, ...(options.retryMs ? { retryMs: options.retryMs } : {}),
    });
    this.#source = options.server && new ReplicationSource(options.engine, options.sweepMs ? { sweepMs: options.sweepMs } : {});
    if (options.role === 'master') options.server?.serve(this.#source);
    else this.#client?.start();
    this.#role = options.role;
  }

  get role(): EngineRole | undefined { return this.#role; }
  /** True while a standby follows a master's deltas. */
  get following(): boolean { return this.#client?.following ?? false; }
  get lastTakeOver(): TakeOverReport | undefined { return this.#lastTakeOver; }
  get replicationPort(): number | undefined { return this.#options.server?.port; }

  /** Asks for a role; the returned promise settles once this change (and those before it) are done. */
  setRole(role: EngineRole): Promise<void> {
    this.#changes = this.#changes.then(() => this.#apply(role)).catch((err: unknown) => {
      this.#options.log.error({ err, role }, 'engine role change failed');
    });
    return this.#changes;
  }

  /**
   * An engine without a peer that starts again: it was opened standby, takes back the state it checkpointed
   * (state-checkpoint.ts) when there is one, and is master.
   */
  resume(state: ReplicaState | undefined): Promise<void> {
    if (state) this.copy.applySnapshot(0, state);
    return this.setRole('master');
  }

  async close(): Promise<void> {
    await this.#changes;
    this.#client?.stop();
    this.#options.server?.serve(undefined);
    this.#source?.close();
    await this.#options.server?.close();
  }

  async #apply(role: EngineRole): Promise<void> {
    if (role === this.#role) return;
    const { engine, cti, log } = this.#options;
    if (role === 'master') {
      this.#client?.stop();
      try {
        this.#lastTakeOver = await takeOver(engine, this.copy.state(), log, this.#client !== undefined);
      } catch (err) {
        this.#client?.start();
        throw err;
      }
      this.#options.onActive?.(true);
      this.#options.server?.serve(this.#source);
      this.#role = 'master';
      cti.setRole('master');
      return;
    }
    // stop serving CTI first: no client acts on this engine while its state is forgotten
    this.#role = 'standby';
    cti.setRole('standby');
    this.#options.server?.serve(undefined);
    this.#options.onActive?.(false);
    engine.deactivate();
    // its own last state is the best copy it has until a new master's snapshot replaces it
    this.copy.applySnapshot(0, captureAll(engine));
    this.copy.expectSnapshot();
    forgetState(engine);
    this.#client?.start();
  }
}

/**
 * The failover of a node's engine from its configuration: the replication endpoint runs on a node of a pair
 * (POISE_PEER_HOST set, or a role other than master), bound to the node's host; the copy is taken from the peer.
 */
export async function openFailover(deps: {
  readonly engine: Engine; readonly cti: EngineFailoverOptions['cti']; readonly config: PoiseConfig; readonly log: Logger;
  readonly onActive?: (active: boolean) => void;
  /** Standby whatever the configuration says: an engine resuming its checkpoint becomes master by `resume`. */
  readonly startStandby?: boolean;
}): Promise<EngineFailover> {
  const { config, log } = deps;
  const paired = isPaired(config);
  const { secret } = config.cluster;
  if (paired && secret === undefined) log.warn('no POISE_CLUSTER_SECRET: every peer that reaches the replication port is served the live state');
  const server = paired ? new ReplicationServer({ host: config.host, port: config.engine.replication.port, secret, log }) : undefined;
  const port = await server?.listen();
  if (server) log.info({ port }, 'replication endpoint listening');
  return new EngineFailover({
    engine: deps.engine, cti: deps.cti, server, secret, log, role: config.engine.role === 'master' && !deps.startStandby ? 'master' : 'standby',
    ...(deps.onActive ? { onActive: deps.onActive } : {}),
    peerUrl: config.peer && `ws://${hostInUrl(config.peer.host)}:${config.peer.replicationPort}/`,
  });
}

/** An engine of a pair takes its state from its peer; one alone, from its own checkpoint. */
export function isPaired(config: PoiseConfig): boolean {
  return config.peer !== undefined || config.engine.role !== 'master';
}

function hostInUrl(host: string): string { return host.includes(':') ? `[${host}]` : host; }
