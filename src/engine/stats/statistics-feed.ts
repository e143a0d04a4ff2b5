// The engine's side of the statistics stream to Live Data (docs/livedata.md): agent, CSQ and team records
// published on change (coalesced, at most FLUSH_MS behind), every record again every REPUBLISH_MS and whenever a
// consumer asks for a resync, each full round closed by the engine's announcement (node, role, day, configuration)
// and snapshotEnd. A standby engine publishes its announcement only. A new day or configuration starts a full round.
import type { AgentRecord, AgentStateName, CsqRecord, StatisticsBroker, TeamRecord } from '../../livedata/broker/index.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Engine } from '../engine.ts';
import type { AgentSession } from '../resources/agent-states.ts';
import type { AgentState } from '../resources/types.ts';

const FLUSH_MS = 100;
const REPUBLISH_MS = 15_000;             // desktop-and-gadgets.md §6.1: unchanged records every 15 s

export interface AgentName { firstName: string; lastName: string }

interface Episodes { count: number; totalMs: number; maxMs: number }

/** Live Data's states: the CTI/Finesse view without WORK_READY (shown as WORK). */
const liveState = (state: AgentState): AgentStateName => (state === 'WORK_READY' ? 'WORK' : state);

export class StatisticsFeed {
  readonly #dirtyAgents = new Set<string>();
  readonly #dirtyCsqs = new Set<number>();
  readonly #episodes = new Map<string, Partial<Record<AgentStateName, Episodes>>>();
  readonly #loginSince = new Map<string, number>();
  /** When each agent's current state began, as this feed saw it: the end of the stretch the next change closes. */
  readonly #lastChange = new Map<string, number>();
  readonly #published = { agents: new Set<string>(), csqs: new Set<string>(), teams: new Set<string>() };
  #names = new Map<string, AgentName>();
  #episodesDay = 0;
  #flushTimer: NodeJS.Timeout | undefined;
  readonly #republishTimer: NodeJS.Timeout;
  readonly #offCsq: () => void;
  readonly #offReload: () => void;
  #configVersion = 0;
  /** The day start the last announcement carried: when the engine's day rolls, a full round tells Live Data. */
  #announcedDay: number | undefined;
  readonly #resyncs: Promise<{ unsubscribe(): Promise<void> }>;
  #closed = false;

  constructor(private readonly deps: {
    engine: Engine; broker: StatisticsBroker; clock: Clock; nodeName?: string;
    /** Only the master engine's figures reach the cluster's broker: a standby's would contradict them. Default: always. */
    publishing?: () => boolean;
  }) {
    const { engine, broker } = deps;
    engine.agents.onChange((session, previous) => this.#onAgent(session, previous));
    this.#offCsq = engine.statistics.onCsqChange((csqId) => { this.#dirtyCsqs.add(csqId); this.#schedule(); });
    this.#offReload = engine.onReload(() => { this.#configVersion++; this.publishAll(); });
    this.#resyncs = broker.subscribe((message) => { if (message.kind === 'resync' && !this.#closed) this.publishAll(); });
    this.#republishTimer = setInterval(() => this.publishAll(), REPUBLISH_MS).unref();
  }

  /** Names are the call manager's; the engine tells them when they change. */
  setNames(names: ReadonlyMap<string, AgentName>): void {
    this.#names = new Map(names);
    for (const userId of names.keys()) this.#dirtyAgents.add(userId);
    this.#schedule();
  }

  /** Every record now, removals of what is gone, the announcement, then snapshotEnd; a standby's announcement only. */
  publishAll(): void {
    if (this.#closed) return;
    const at = this.deps.clock.now();
    if (this.deps.publishing?.() === false) return this.#announce(at, 'standby');
    const { engine, broker } = this.deps;
    const seen = { agents: new Set<string>(), csqs: new Set<string>(), teams: new Set<string>() };
    for (const team of this.#teams()) { seen.teams.add(team.teamId); broker.publish({ kind: 'team', at, team }); }
    for (const known of engine.resources.agents()) {
      const agent = this.#agentRecord(known.resource.userId);
      if (agent) { seen.agents.add(agent.agentId); broker.publish({ kind: 'agent', at, agent }); }
    }
    for (const csq of engine.router.csqs()) {
      const record = this.#csqRecord(csq.id);
      if (record) { seen.csqs.add(record.csqId); broker.publish({ kind: 'csq', at, csq: record }); }
    }
    for (const id of this.#published.teams) if (!seen.teams.has(id)) broker.publish({ kind: 'teamRemoved', at, teamId: id });
    for (const id of this.#published.agents) if (!seen.agents.has(id)) broker.publish({ kind: 'agentRemoved', at, agentId: id });
    for (const id of this.#published.csqs) if (!seen.csqs.has(id)) broker.publish({ kind: 'csqRemoved', at, csqId: id });
    Object.assign(this.#published, seen);
    this.#dirtyAgents.clear();
    this.#dirtyCsqs.clear();
    this.#announce(at, 'active');
    broker.publish({ kind: 'snapshotEnd', at, agents: seen.agents.size, csqs: seen.csqs.size, teams: seen.teams.size });
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#republishTimer);
    clearTimeout(this.#flushTimer);
    this.#offCsq();
    this.#offReload();
    void this.#resyncs.then((subscription) => subscription.unsubscribe()).catch(() => undefined);
  }

  #announce(at: number, role: 'active' | 'standby'): void {
    const dayStartsAt = this.deps.engine.statistics.dayStartsAt;
    if (role === 'active') this.#announcedDay = dayStartsAt;
    this.deps.broker.publish({
      kind: 'engine', at, node: this.deps.nodeName ?? 'engine', role, dayStartsAt, configVersion: this.#configVersion,
    });
  }

  #onAgent(session: AgentSession, previous: AgentState): void {
    if (this.#closed) return;
    const now = this.deps.clock.now();
    this.#rollDay();
    const spentSince = this.#lastChange.get(session.userId);
    if (spentSince !== undefined) {
      let episodes = this.#episodes.get(session.userId);
      if (!episodes) this.#episodes.set(session.userId, (episodes = {}));
      const e = (episodes[liveState(previous)] ??= { count: 0, totalMs: 0, maxMs: 0 });
      const ms = Math.max(0, now - spentSince);
      e.count++; e.totalMs += ms; if (ms > e.maxMs) e.maxMs = ms;
    }
    this.#lastChange.set(session.userId, now);
    if (previous === 'LOGOUT' && session.state !== 'LOGOUT') this.#loginSince.set(session.userId, now);
    if (session.state === 'LOGOUT') this.#loginSince.delete(session.userId);
    this.#dirtyAgents.add(session.userId);
    this.#schedule();
  }


  #rollDay(): void {
    const day = this.deps.engine.statistics.dayStartsAt;
    if (day !== this.#episodesDay) { this.#episodesDay = day; this.#episodes.clear(); }
  }

  #schedule(): void {
    if (this.#flushTimer || this.#closed) return;
    this.#flushTimer = setTimeout(() => { this.#flushTimer = undefined; this.#flush(); }, FLUSH_MS);
    this.#flushTimer.unref();
  }

  #flush(): void {
    if (this.deps.publishing?.() === false) {
      this.#dirtyAgents.clear();
      this.#dirtyCsqs.clear();
      return;
    }
    // A new day zeroed the counters: every record again, and the announcement makes Live Data reset its reports.
    if (this.#announcedDay !== undefined && this.deps.engine.statistics.dayStartsAt !== this.#announcedDay) return this.publishAll();
    const at = this.deps.clock.now();
    const { broker } = this.deps;
    for (const userId of this.#dirtyAgents) {
      const agent = this.#agentRecord(userId);
      if (agent) { this.#published.agents.add(agent.agentId); broker.publish({ kind: 'agent', at, agent }); }
    }
    for (const csqId of this.#dirtyCsqs) {
      const csq = this.#csqRecord(csqId);
      if (csq) { this.#published.csqs.add(csq.csqId); broker.publish({ kind: 'csq', at, csq }); }
    }
    this.#dirtyAgents.clear();
    this.#dirtyCsqs.clear();
  }

  #teams(): TeamRecord[] {
    return this.deps.engine.config().teams.map((t) => ({
      teamId: String(t.id), teamName: t.name,
      supervisorIds: [t.primarySupervisor, ...t.secondarySupervisors].filter((s): s is string => s !== undefined && s !== ''),
    }));
  }

  #agentRecord(userId: string): AgentRecord | undefined {
    const { engine } = this.deps;
    const known = engine.resources.byUserId(userId);
    const session = engine.agents.get(userId);
    if (!known || !session) return undefined;
    const figures = engine.statistics.agent(userId);
    const teamId = known.resource.teamId;
    const team = teamId === undefined ? undefined : engine.config().teams.find((t) => t.id === teamId);
    const name = this.#names.get(userId);
    return {
      agentId: userId,
      agentName: name ? [name.firstName, name.lastName].filter(Boolean).join(' ') : userId,
      extension: known.resource.extension,
      teamId: teamId === undefined ? '' : String(teamId), teamName: team?.name ?? '',
      csqIds: engine.router.csqsOf(userId).map(String),
      state: liveState(session.state), stateSince: session.stateSince,
      ...(session.reasonCode ? { reasonCode: session.reasonCode } : {}),
      loginSince: session.state === 'LOGOUT' ? null : this.#loginSince.get(userId) ?? session.stateSince,
      callsOffered: figures?.today.presented ?? 0, callsHandled: figures?.today.handled ?? 0,
      inState: { ...this.#episodes.get(userId) },
      hold: { count: 0, totalMs: figures?.today.holdMs ?? 0, maxMs: 0 },
    };
  }

  #csqRecord(csqId: number): CsqRecord | undefined {
    const { engine } = this.deps;
    const csq = engine.router.csq(csqId);
    const figures = engine.statistics.csq(csqId);
    if (!csq || !figures) return undefined;
    const a = figures.agents;
    const t = figures.today;
    return {
      csqId: String(csqId), csqName: csq.name,
      callsWaiting: figures.callsWaiting, oldestQueuedAt: figures.oldestQueuedAt ?? null,
      agents: {
        loggedIn: a.loggedOn, ready: a.ready, notReady: a.notReady, reserved: a.reserved,
        talking: a.talkingInbound + a.talkingOutbound + a.talkingInternal, work: a.work + a.workReady,
      },
      today: {
        presented: t.presented, handled: t.handled, abandoned: t.abandoned, dequeued: t.dequeued,
        handledWithinSl: t.handledWithinSL, abandonedWithinSl: t.abandonedWithinSL,
        queueMsTotal: t.queueMs.total, handleMsTotal: t.handleMs.total,
        longestWaitMs: t.queueMs.max, longestHandleMs: t.handleMs.max,
      },
    };
  }
}
