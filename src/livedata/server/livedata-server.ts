// The Live Data Socket.IO service (desktop-and-gadgets.md §6.2): namespace `/livedata`, `subscribe` with an ack
// carrying the snapshot, then `rows` deltas as the statistics stream changes, a full refresh every 15 s, `status`
// when the broker comes and goes or the engine is standby, a fresh snapshot for everyone when the stream returns,
// and `reset` when the figures start again (a new day, a new configuration, another engine after a failover).
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import { z } from 'zod';
import type { StatisticsBroker, Subscription } from '../broker/broker.ts';
import type { StatisticsMessage } from '../broker/messages.ts';
import { CsqWindows } from '../model/csq-windows.ts';
import { EngineRole, type ResetReason } from '../model/engine-role.ts';
import { StateHistory } from '../model/state-history.ts';
import { StatisticsView } from '../model/statistics-view.ts';
import { REPORT_IDS, type ReportContext } from '../reports/reports.ts';
import { scopeFor, type Viewer } from '../reports/scope.ts';
import { FeedFanOut } from './feed-fan-out.ts';
import type { ViewerAuth } from './viewer-auth.ts';

const FULL_REFRESH_MS = 15_000;                    // §6.2: full refresh every 15 s
const MAX_SUBSCRIPTIONS_PER_CLIENT = 32;

const SubscribeRequest = z.object({
  report: z.enum(REPORT_IDS),
  view: z.enum(['snapshot', 'shortLong', 'sinceMidnight']).default('snapshot'),
  filter: z.object({
    teamIds: z.array(z.string().max(64)).max(256).optional(),
    csqIds: z.array(z.string().max(64)).max(256).optional(),
    agentIds: z.array(z.string().max(128)).max(2048).optional(),
  }).optional(),
});

interface Client { socket: Socket; viewer: Viewer }

export interface LivedataServerOptions {
  broker: StatisticsBroker;
  authenticate: ViewerAuth;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  nodeName: string;
  now?: () => number;
  shortWindowMs?: number;
  longWindowMs?: number;
  reasonLabel?: (code: number) => string | undefined;
  /** Origins allowed to connect from a browser (the desktop's); default: every origin, for gadgets on other hosts. */
  corsOrigin?: string | string[] | boolean;
}

export type LivedataState = 'live' | 'degraded' | 'standby';

export class LivedataServer {
  readonly view = new StatisticsView();
  readonly #clients = new Set<Client>();
  readonly #context: ReportContext;
  readonly #now: () => number;
  readonly #servers: { io: Server; namespace: Namespace }[] = [];
  #subscription: Subscription | undefined;
  #refreshTimer: NodeJS.Timeout | undefined;
  readonly #fanOut: FeedFanOut;
  #state: LivedataState = 'degraded';
  /** Records heard since the last resync; on its snapshotEnd the others are gone from the engine. */
  #heardSinceResync: { agents: Set<string>; csqs: Set<string>; teams: Set<string> } | undefined;
  #offStatus: (() => void) | undefined;
  readonly #engine = new EngineRole();
  /** Why the reports must start again, once the round that announced it has ended (its snapshotEnd). */
  #pendingReset: ResetReason | undefined;

  constructor(private readonly options: LivedataServerOptions) {
    this.#now = options.now ?? Date.now;
    const midnight = () => { const d = new Date(this.#now()); d.setHours(0, 0, 0, 0); return d.getTime(); };
    this.#context = {
      view: this.view,
      windows: new CsqWindows(options.shortWindowMs ?? 5 * 60_000, options.longWindowMs ?? 30 * 60_000),
      history: new StateHistory(),
      now: this.#now, midnight,
      reasonLabel: options.reasonLabel ?? (() => undefined),
    };
    this.#fanOut = new FeedFanOut(this.#context, () => this.#servers.map((s) => s.namespace), this.#now);
  }

  /** Shared feeds now open (subscriptions with the same report, view and scope share one). */
  get feedCount(): number { return this.#fanOut.feedCount; }

  get state(): LivedataState { return this.#state; }
  get clientCount(): number { return this.#clients.size; }

  /** Follows the statistics stream; clients come through attach(). */
  async start(): Promise<void> {
    this.#offStatus = this.options.broker.onStatus((status) => this.#onBrokerStatus(status));
    this.#subscription = await this.options.broker.subscribe((message) => this.#onMessage(message));
    if (this.options.broker.status === 'up') this.#resync();
    this.#refreshTimer = setInterval(() => this.#fanOut.refreshAll(), FULL_REFRESH_MS).unref();
  }

  /**
   * Serves Socket.IO on an HTTP server at `path`: Live Data's own port (`/socket.io`), and in one process also the
   * web port (`/livedata/socket.io`, desktop-and-gadgets.md §6.2), with one set of clients behind both. The
   * returned function disconnects this server's clients and stops serving on it.
   */
  attach(http: HttpServer, path: string): () => void {
    const io = new Server(http, { path, serveClient: false, cors: { origin: this.options.corsOrigin ?? true, credentials: true } });
    io.of('/').use((_socket, next) => next(new Error('use the /livedata namespace')));
    const namespace = io.of('/livedata');
    namespace.use((socket, next) => {
      const authorization = (socket.handshake.auth as { authorization?: unknown } | undefined)?.authorization
        ?? socket.handshake.headers.authorization;
      this.options.authenticate(authorization).then((viewer) => {
        if (!viewer) return next(Object.assign(new Error('not authorized'), { data: { code: 'unauthorized' } }));
        socket.data.viewer = viewer;
        next();
      }, (err: unknown) => {
        this.options.log.warn({ err }, 'Live Data sign-in could not be checked');
        next(Object.assign(new Error('sign-in unavailable'), { data: { code: 'unavailable' } }));
      });
    });
    namespace.on('connection', (socket) => this.#accept(socket));
    const attached = { io, namespace };
    this.#servers.push(attached);
    return () => {
      const at = this.#servers.indexOf(attached);
      if (at < 0) return;
      this.#servers.splice(at, 1);
      io.disconnectSockets(true);
      io.engine.close();
    };
  }

  async close(): Promise<void> {
    clearInterval(this.#refreshTimer);
    this.#offStatus?.();
    await this.#subscription?.unsubscribe();
    for (const client of this.#clients) client.socket.disconnect(true);
    this.#clients.clear();
    this.#fanOut.close();
    // Disconnects the clients; the HTTP servers belong to whoever attached them.
    for (const { io } of this.#servers) { io.disconnectSockets(true); io.engine.close(); }
    this.#servers.length = 0;
  }

  #accept(socket: Socket): void {
    const client: Client = { socket, viewer: socket.data.viewer as Viewer };
    this.#clients.add(client);
    this.#fanOut.join(socket);
    socket.emit('status', this.#status());
    socket.on('subscribe', (request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      ack(this.#subscribe(client, request));
    });
    socket.on('unsubscribe', (request: unknown, ack: unknown) => {
      const id = (request as { subscriptionId?: unknown } | null)?.subscriptionId;
      const known = typeof id === 'string' && this.#fanOut.unsubscribe(socket, id);
      if (typeof ack === 'function') ack(known ? { ok: true } : { error: { code: 'notFound', message: 'no such subscription' } });
    });
    socket.on('disconnect', () => { this.#clients.delete(client); this.#fanOut.leave(socket); });
  }

  #subscribe(client: Client, request: unknown): object {
    const parsed = SubscribeRequest.safeParse(request);
    if (!parsed.success) return { error: { code: 'badRequest', message: parsed.error.issues[0]?.message ?? 'invalid subscribe' } };
    if (this.#fanOut.subscriptionCount(client.socket) >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
      return { error: { code: 'tooMany', message: `at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions per connection` } };
    }
    const { report, view: mode, filter } = parsed.data;
    if (report === 'recentCallHistory') return { error: { code: 'notAvailable', message: 'recentCallHistory is not kept by this node' } };
    const scoped = scopeFor(client.viewer, this.view, filter);
    if (!scoped.ok) return { error: { code: scoped.code, message: scoped.message } };
    const { subscriptionId, rows } = this.#fanOut.subscribe(client.socket, report, mode, scoped.scope);
    return {
      subscriptionId, serverTime: this.#now(),
      shortTermMin: this.#context.windows.shortMs / 60_000, longTermMin: this.#context.windows.longMs / 60_000, rows,
    };
  }

  #onMessage(message: StatisticsMessage): void {
    if (message.kind === 'snapshotEnd') return this.#onSnapshotEnd();
    if (message.kind === 'resync') return;
    if (message.kind === 'engine') return this.#onEngine(message);
    this.#noteHeard(message);
    const change = this.view.apply(message);
    if (!change) return;
    if (change.kind === 'csq') {
      if (change.after) this.#context.windows.record(change.after, this.#now()); else this.#context.windows.forget(change.id);
    }
    if (change.kind === 'agent') {
      if (change.after) this.#context.history.record(change.after); else this.#context.history.forget(change.id);
    }
    this.#fanOut.change(change);
  }

  #onBrokerStatus(status: 'up' | 'down'): void {
    if (status === 'down') {
      this.#setState('degraded');
      this.options.log.warn({}, 'statistics stream lost; Live Data degraded');
    } else {
      this.#resync();
    }
  }

  /** Asks the engine for every record; the view becomes live again at its snapshotEnd. */
  #resync(): void {
    this.#heardSinceResync = { agents: new Set(), csqs: new Set(), teams: new Set() };
    this.options.broker.publish({ kind: 'resync', at: this.#now() });
  }

  #noteHeard(message: StatisticsMessage): void {
    const heard = this.#heardSinceResync;
    if (!heard) return;
    if (message.kind === 'agent') heard.agents.add(message.agent.agentId);
    if (message.kind === 'csq') heard.csqs.add(message.csq.csqId);
    if (message.kind === 'team') heard.teams.add(message.team.teamId);
  }

  #onSnapshotEnd(): void {
    const heard = this.#heardSinceResync;
    if (heard) {
      this.#heardSinceResync = undefined;
      const at = this.#now();
      for (const id of [...this.view.agents.keys()]) if (!heard.agents.has(id)) this.#onMessage({ kind: 'agentRemoved', at, agentId: id });
      for (const id of [...this.view.csqs.keys()]) if (!heard.csqs.has(id)) this.#onMessage({ kind: 'csqRemoved', at, csqId: id });
      for (const id of [...this.view.teams.keys()]) if (!heard.teams.has(id)) this.#onMessage({ kind: 'teamRemoved', at, teamId: id });
    }
    if (this.#engine.standby) return;
    const wasDown = this.#state !== 'live';
    this.#setState('live');
    const reset = this.#pendingReset;
    this.#pendingReset = undefined;
    if (reset) {
      this.options.log.info({ reason: reset, activeNode: this.#engine.activeNode }, 'Live Data reports start again');
      this.#fanOut.resetAll(reset);
    } else if (wasDown) {
      this.#fanOut.refreshAll();
    }
  }

  #onEngine(message: Extract<StatisticsMessage, { kind: 'engine' }>): void {
    const before = this.#engine.activeNode;
    const reset = this.#engine.announce(message);
    if (reset) this.#pendingReset = reset;
    if (this.#engine.standby) {
      this.#setState('standby');
    } else if (this.#engine.activeNode !== before && this.#state === 'live') {
      for (const { namespace } of this.#servers) namespace.emit('status', this.#status());
    }
  }

  #setState(state: LivedataState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const { namespace } of this.#servers) namespace.emit('status', this.#status());
  }

  /** `activeNode`: the active engine's node once one has announced itself, else this node. */
  #status(): { state: LivedataState; activeNode: string } {
    return { state: this.#state, activeNode: this.#engine.activeNode ?? this.options.nodeName };
  }
}
