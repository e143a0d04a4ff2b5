// Plays the engine's side of the statistics stream for Live Data tests: holds records, answers every resync with
// all of them and a snapshotEnd, and publishes changes.
import { io, type Socket } from 'socket.io-client';
import type { StatisticsBroker } from '../../src/livedata/broker/broker.ts';
import type { AgentRecord, CsqRecord, StatisticsMessage, TeamRecord } from '../../src/livedata/broker/messages.ts';
import { basicAuth } from './test-node.ts';

export function agentRecord(agentId: string, teamId: string, csqIds: string[], patch: Partial<AgentRecord> = {}): AgentRecord {
  return {
    agentId, agentName: `Name ${agentId}`, extension: '', teamId, teamName: `Team ${teamId}`, csqIds,
    state: 'NOT_READY', stateSince: Date.now() - 1000, loginSince: Date.now() - 60_000,
    callsOffered: 0, callsHandled: 0, inState: {}, hold: { count: 0, totalMs: 0, maxMs: 0 }, ...patch,
  };
}

export function csqRecord(csqId: string, patch: Partial<CsqRecord> = {}): CsqRecord {
  return {
    csqId, csqName: `CSQ ${csqId}`, callsWaiting: 0, oldestQueuedAt: null,
    agents: { loggedIn: 0, ready: 0, notReady: 0, reserved: 0, talking: 0, work: 0 },
    today: {
      presented: 0, handled: 0, abandoned: 0, dequeued: 0, handledWithinSl: 0, abandonedWithinSl: 0,
      queueMsTotal: 0, handleMsTotal: 0, longestWaitMs: 0, longestHandleMs: 0,
    },
    ...patch,
  };
}

export class FakeStatisticsSource {
  readonly agents = new Map<string, AgentRecord>();
  readonly csqs = new Map<string, CsqRecord>();
  readonly teams = new Map<string, TeamRecord>();
  resyncs = 0;
  /** When set, every full round ends with this engine announcement, as the engine's own feed does. */
  engine: { node: string; role: 'active' | 'standby'; dayStartsAt: number; configVersion: number } | undefined;

  constructor(private readonly broker: StatisticsBroker) {}

  async start(): Promise<void> {
    await this.broker.subscribe((message) => { if (message.kind === 'resync') { this.resyncs++; this.publishAll(); } });
  }

  publishAll(): void {
    if (this.engine?.role === 'standby') return this.#send({ kind: 'engine', at: Date.now(), ...this.engine });
    for (const team of this.teams.values()) this.#send({ kind: 'team', at: Date.now(), team });
    for (const agent of this.agents.values()) this.#send({ kind: 'agent', at: Date.now(), agent });
    for (const csq of this.csqs.values()) this.#send({ kind: 'csq', at: Date.now(), csq });
    if (this.engine) this.#send({ kind: 'engine', at: Date.now(), ...this.engine });
    this.#send({ kind: 'snapshotEnd', at: Date.now(), agents: this.agents.size, csqs: this.csqs.size, teams: this.teams.size });
  }

  setAgent(agent: AgentRecord): void { this.agents.set(agent.agentId, agent); this.#send({ kind: 'agent', at: Date.now(), agent }); }
  setCsq(csq: CsqRecord): void { this.csqs.set(csq.csqId, csq); this.#send({ kind: 'csq', at: Date.now(), csq }); }
  setTeam(team: TeamRecord): void { this.teams.set(team.teamId, team); this.#send({ kind: 'team', at: Date.now(), team }); }

  #send(message: StatisticsMessage): void { this.broker.publish(message); }
}

export interface LivedataClient {
  socket: Socket;
  statuses: { state: string; activeNode: string }[];
  resets: { subscriptionId: string; reason: string }[];
  rows: { subscriptionId: string; upsert: { key: string }[]; remove: string[] }[];
  subscribe(request: unknown): Promise<Record<string, unknown>>;
  nextRows(predicate: (r: LivedataClient['rows'][number]) => boolean, ms?: number): Promise<LivedataClient['rows'][number]>;
  close(): void;
}

/** A real Socket.IO client (the npm socket.io-client) signed in to the /livedata namespace. */
export async function connectLivedata(port: number, userid: string, password?: string): Promise<LivedataClient> {
  const socket = io(`http://127.0.0.1:${port}/livedata`, {
    auth: { authorization: basicAuth(userid, password) }, transports: ['websocket'], reconnection: false, forceNew: true,
  });
  const statuses: LivedataClient['statuses'] = [];
  const rows: LivedataClient['rows'] = [];
  const resets: LivedataClient['resets'] = [];
  socket.on('reset', (r: LivedataClient['resets'][number]) => resets.push(r));
  const waiters: { predicate: (r: LivedataClient['rows'][number]) => boolean; resolve: (r: LivedataClient['rows'][number]) => void }[] = [];
  socket.on('status', (s: LivedataClient['statuses'][number]) => statuses.push(s));
  socket.on('rows', (r: LivedataClient['rows'][number]) => {
    rows.push(r);
    for (const w of [...waiters]) if (w.predicate(r)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(r); }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => { socket.close(); reject(err); });
  });
  return {
    socket, statuses, rows, resets,
    subscribe: (request) => socket.timeout(5000).emitWithAck('subscribe', request) as Promise<Record<string, unknown>>,
    nextRows: (predicate, ms = 5000) => new Promise((resolve, reject) => {
      const seen = rows.find(predicate);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error('no matching rows event')), ms);
      waiters.push({ predicate, resolve: (r) => { clearTimeout(timer); resolve(r); } });
    }),
    close: () => socket.close(),
  };
}
