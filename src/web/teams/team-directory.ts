// The teams as the engine tells them over CTI (cti.md §8.1): after each new active session TEAM_CONFIG_REQ asks
// for all of them and their updates; the TEAM_CONFIG_EVENTs before its CONF build a fresh set that replaces the
// old one whole, so a reconnect rebuilds it. Supervisors' rights (REST and pubsub) are read from here.
import type { Logger } from '../../shared/logger.ts';
import type { CtiMessageOf } from '../../engine/cti/codec/index.ts';
import type { CtiConnection } from '../cti-client/index.ts';

/** AgentFlags and codes as the engine sends them (src/engine/cti/team-config.ts). */
const AGENT_FLAG = 0;
const OPERATION_REMOVE = 2;
const RECORD_DELETE = 2;
const CONFIG_INITIAL_AND_UPDATES = 0x3;

export interface Team {
  readonly id: number;
  name: string;
  /** Canonical user ids of the team's agents (AgentFlags 0). */
  readonly agents: Set<string>;
  /** Canonical ids of its primary and secondary supervisors. */
  readonly supervisors: Set<string>;
}

export interface TeamRef { readonly id: number; readonly name: string }

export type TeamChange = { kind: 'added' | 'changed' | 'removed'; team: Team };

export class TeamDirectory {
  #teams = new Map<number, Team>();
  /** While TEAM_CONFIG_REQ runs: the set being built. */
  #staging: Map<number, Team> | undefined;
  readonly #listeners = new Set<(change: TeamChange) => void>();
  readonly #log: Logger;
  /** Rebuilds so far; tests wait on it. */
  rebuilds = 0;
  #built: (() => void)[] = [];
  #byUser: { teamOf: Map<string, Team>; supervised: Map<string, Team[]> } | undefined;

  constructor(options: { cti: CtiConnection | undefined; log: Logger }) {
    this.#log = options.log;
    const cti = options.cti;
    if (!cti) return;
    cti.onEvent((message) => { if (message.type === 'TEAM_CONFIG_EVENT') this.apply(message); });
    cti.onOpen(() => void this.#rebuild(cti));
  }

  /** Resolves once the teams have been read from the engine (at once if they have). */
  whenBuilt(): Promise<void> {
    if (this.rebuilds > 0) return Promise.resolve();
    return new Promise((resolve) => this.#built.push(resolve));
  }

  onChange(listener: (change: TeamChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  team(id: number): Team | undefined { return this.#teams.get(id); }
  teams(): Team[] { return [...this.#teams.values()]; }

  /** The team the user is an agent of (UCCX: one at most). */
  teamOfUser(userid: string): Team | undefined {
    return this.#index().teamOf.get(userid.toLowerCase());
  }

  supervisedBy(userid: string): Team[] {
    return this.#index().supervised.get(userid.toLowerCase()) ?? [];
  }

  /** Whether `supervisor` supervises a team `userid` is an agent of. */
  supervises(supervisor: string, userid: string): boolean {
    const team = this.teamOfUser(userid);
    return team !== undefined && this.supervisedBy(supervisor).includes(team);
  }

  /** Lookups by lower-case user id, built on first use after each change (every publish asks). */
  #index(): { teamOf: Map<string, Team>; supervised: Map<string, Team[]> } {
    if (this.#byUser) return this.#byUser;
    const teamOf = new Map<string, Team>();
    const supervised = new Map<string, Team[]>();
    for (const team of this.#teams.values()) {
      for (const id of team.agents) teamOf.set(id.toLowerCase(), team);
      for (const id of team.supervisors) {
        const key = id.toLowerCase();
        supervised.set(key, [...(supervised.get(key) ?? []), team]);
      }
    }
    this.#byUser = { teamOf, supervised };
    return this.#byUser;
  }

  /** Applies one TEAM_CONFIG_EVENT: to the set being built during a rebuild, else to the live set. */
  apply(event: CtiMessageOf<'TEAM_CONFIG_EVENT'>): void {
    const target = this.#staging ?? this.#teams;
    if (!this.#staging) this.#byUser = undefined;
    if (event.operation === OPERATION_REMOVE) {
      const team = target.get(event.teamId);
      target.delete(event.teamId);
      if (team && !this.#staging) this.#emit({ kind: 'removed', team });
      return;
    }
    let team = target.get(event.teamId);
    const added = !team;
    if (!team) {
      team = { id: event.teamId, name: event.teamName ?? String(event.teamId), agents: new Set(), supervisors: new Set() };
      target.set(team.id, team);
    } else if (event.teamName) {
      team.name = event.teamName;
    }
    for (const member of event.members ?? []) {
      const set = (member.agentFlags ?? AGENT_FLAG) === AGENT_FLAG ? team.agents : team.supervisors;
      if (member.recordType === RECORD_DELETE) set.delete(member.agentId);
      else set.add(member.agentId);
    }
    if (!this.#staging) this.#emit({ kind: added ? 'added' : 'changed', team });
  }

  async #rebuild(cti: CtiConnection): Promise<void> {
    this.#staging = new Map();
    let reply;
    try {
      reply = await cti.request({ type: 'TEAM_CONFIG_REQ', configParam: CONFIG_INITIAL_AND_UPDATES, reserved: new Uint8Array(8) });
    } catch (err) {
      this.#staging = undefined;
      this.#log.warn({ err }, 'teams not read from the engine');
      return;
    }
    // The events before the CONF were read from the socket before it; let the event pump hand them over.
    await new Promise((resolve) => setImmediate(resolve));
    const staged = this.#staging;
    this.#staging = undefined;
    if (reply.type !== 'TEAM_CONFIG_CONF' || reply.status !== 0 || !staged) {
      this.#log.warn({ reply: reply.type }, 'the engine refused TEAM_CONFIG_REQ');
      return;
    }
    const before = this.#teams;
    this.#teams = staged;
    this.#byUser = undefined;
    this.rebuilds++;
    for (const team of before.values()) if (!staged.has(team.id)) this.#emit({ kind: 'removed', team });
    for (const team of staged.values()) this.#emit({ kind: before.has(team.id) ? 'changed' : 'added', team });
    this.#log.info({ teams: staged.size }, 'teams read from the engine');
    for (const resolve of this.#built.splice(0)) resolve();
  }

  #emit(change: TeamChange): void {
    for (const listener of this.#listeners) {
      try { listener(change); } catch (err) { this.#log.error({ err }, 'team listener failed'); }
    }
  }
}
