// The latest record of every agent, CSQ and team, as the statistics stream last said. Live Data's only state.
import type { AgentRecord, CsqRecord, StatisticsMessage, TeamRecord } from '../broker/messages.ts';

export type ViewChange =
  | { kind: 'agent'; id: string; before: AgentRecord | undefined; after: AgentRecord | undefined }
  | { kind: 'csq'; id: string; before: CsqRecord | undefined; after: CsqRecord | undefined }
  | { kind: 'team'; id: string; before: TeamRecord | undefined; after: TeamRecord | undefined };

export class StatisticsView {
  readonly agents = new Map<string, AgentRecord>();
  readonly csqs = new Map<string, CsqRecord>();
  readonly teams = new Map<string, TeamRecord>();
  /** Agents per team, kept with the agents so a team's rows never need a scan of every agent. */
  readonly #teamMembers = new Map<string, Set<string>>();

  membersOf(teamId: string): ReadonlySet<string> { return this.#teamMembers.get(teamId) ?? EMPTY; }

  /** Applies one message; the change it made, or undefined for control messages and no-ops. */
  apply(message: StatisticsMessage): ViewChange | undefined {
    switch (message.kind) {
      case 'agent': return this.#setAgent(message.agent.agentId, message.agent);
      case 'agentRemoved': return this.#setAgent(message.agentId, undefined);
      case 'csq': return this.#set('csq', this.csqs, message.csq.csqId, message.csq);
      case 'csqRemoved': return this.#set('csq', this.csqs, message.csqId, undefined);
      case 'team': return this.#set('team', this.teams, message.team.teamId, message.team);
      case 'teamRemoved': return this.#set('team', this.teams, message.teamId, undefined);
      case 'resync': case 'snapshotEnd': case 'engine': return undefined;
    }
  }

  #setAgent(id: string, after: AgentRecord | undefined): ViewChange {
    const before = this.agents.get(id);
    if (before) this.#teamMembers.get(before.teamId)?.delete(id);
    if (after) {
      this.agents.set(id, after);
      let members = this.#teamMembers.get(after.teamId);
      if (!members) this.#teamMembers.set(after.teamId, (members = new Set()));
      members.add(id);
    } else {
      this.agents.delete(id);
    }
    return { kind: 'agent', id, before, after };
  }

  #set<K extends 'csq' | 'team', R extends K extends 'csq' ? CsqRecord : TeamRecord>(
    kind: K, map: Map<string, R>, id: string, after: R | undefined,
  ): ViewChange {
    const before = map.get(id);
    if (after) map.set(id, after); else map.delete(id);
    return { kind, id, before, after } as ViewChange;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
