// Who may see which rows (desktop-and-gadgets.md §6.2): an agent its own rows, its team's summary and its CSQs; a
// supervisor also its supervised teams' agents and those agents' CSQs. An administrator sees everything (Poise's
// choice: the spec names no administrator view, and an administrator may read every figure over /adminapi/).
import type { StatisticsView } from '../model/statistics-view.ts';
import type { AgentRecord } from '../broker/messages.ts';

export interface Viewer { userId: string; supervisor: boolean; administrator: boolean }

export interface Scope {
  /**
   * Equal for two scopes that admit the same rows: subscriptions with the same report, view and key share one feed
   * (the rows are worked out and encoded once for all of them).
   */
  key: string;
  agent(record: AgentRecord): boolean;
  team(teamId: string): boolean;
  csq(csqId: string): boolean;
}

export interface SubscribeFilter { teamIds?: string[]; csqIds?: string[]; agentIds?: string[] }

export type ScopeResult = { ok: true; scope: Scope } | { ok: false; code: 'forbidden'; message: string };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What the viewer may see now, narrowed by the filter; a filter naming anything not visible is refused whole. */
export function scopeFor(viewer: Viewer, view: StatisticsView, filter: SubscribeFilter = {}): ScopeResult {
  const allowed = allowedScope(viewer, view);
  const refused = (what: string) => ({ ok: false as const, code: 'forbidden' as const, message: `not allowed to see ${what}` });
  for (const teamId of filter.teamIds ?? []) if (!allowed.team(teamId)) return refused(`team ${teamId}`);
  for (const csqId of filter.csqIds ?? []) if (!allowed.csq(csqId)) return refused(`CSQ ${csqId}`);
  for (const agentId of filter.agentIds ?? []) {
    const record = view.agents.get(agentId) ?? [...view.agents.values()].find((a) => same(a.agentId, agentId));
    if (!record || !allowed.agent(record)) return refused(`agent ${agentId}`);
  }
  const teams = filter.teamIds && new Set(filter.teamIds);
  const csqs = filter.csqIds && new Set(filter.csqIds);
  const agents = filter.agentIds && new Set(filter.agentIds.map((id) => id.toLowerCase()));
  const sorted = (set: ReadonlySet<string> | undefined) => (set ? [...set].sort() : null);
  return {
    ok: true,
    scope: {
      key: JSON.stringify([allowed.key, sorted(teams), sorted(csqs), sorted(agents)]),
      agent: (r) => allowed.agent(r) && (!agents || agents.has(r.agentId.toLowerCase())) && (!teams || teams.has(r.teamId)),
      team: (t) => allowed.team(t) && (!teams || teams.has(t)),
      csq: (q) => allowed.csq(q) && (!csqs || csqs.has(q)),
    },
  };
}

function allowedScope(viewer: Viewer, view: StatisticsView): Scope {
  if (viewer.administrator) return { key: 'all', agent: () => true, team: () => true, csq: () => true };
  const self = view.agents.get(viewer.userId) ?? [...view.agents.values()].find((a) => same(a.agentId, viewer.userId));
  const supervised = new Set<string>();
  if (viewer.supervisor) {
    for (const team of view.teams.values()) if (team.supervisorIds.some((id) => same(id, viewer.userId))) supervised.add(team.teamId);
  }
  const teams = new Set(supervised);
  if (self) teams.add(self.teamId);
  const csqs = new Set(self?.csqIds ?? []);
  for (const teamId of supervised) {
    for (const member of view.membersOf(teamId)) for (const csqId of view.agents.get(member)?.csqIds ?? []) csqs.add(csqId);
  }
  // A viewer with no agent record of its own (a supervisor who takes no calls) sees only its teams' agents, so that
  // supervisors of the same teams share their feeds.
  const selfId = self?.agentId ?? (viewer.supervisor ? undefined : viewer.userId.toLowerCase());
  return {
    key: JSON.stringify([selfId ?? null, [...supervised].sort(), [...teams].sort(), [...csqs].sort()]),
    agent: (r) => (selfId !== undefined && same(r.agentId, selfId)) || supervised.has(r.teamId),
    team: (t) => teams.has(t),
    csq: (q) => csqs.has(q),
  };
}
