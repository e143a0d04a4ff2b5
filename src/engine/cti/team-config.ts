// Teams as TEAM_CONFIG_EVENTs (cti.md §8.1): the whole set for TEAM_CONFIG_REQ, then the difference after each
// configuration change. Pure: the CTI server keeps the last snapshot and sends what these functions return.
import type { Team } from '../resources/types.ts';
import type { CtiMessageOf } from './codec/index.ts';

type TeamConfigEvent = CtiMessageOf<'TEAM_CONFIG_EVENT'>;

/**
 * AgentFlags of a member record. The values are not public (§8.1 inference): Poise sends 0 for an agent of the
 * team, 1 for its primary supervisor and 2 for a secondary one; a supervisor who is also a member has two records.
 */
export const TeamMemberFlags = { AGENT: 0, PRIMARY_SUPERVISOR: 1, SECONDARY_SUPERVISOR: 2 } as const;
export const TeamOperation = { ADD: 1, REMOVE: 2, CHANGE: 3 } as const;
export const MemberRecordType = { ADD: 0, CHANGE: 1, DELETE: 2 } as const;
/** §8.1: NumRecords ≤ 64 per TEAM_CONFIG_EVENT; a larger team takes several. */
const MAX_RECORDS = 64;
const RESERVED = new Uint8Array(8);

export interface TeamMember { readonly agentId: string; readonly agentFlags: number }
export interface TeamSnapshot { readonly id: number; readonly name: string; readonly members: readonly TeamMember[] }

const memberKey = (m: TeamMember): string => `${m.agentFlags}:${m.agentId}`;

export function teamSnapshots(teams: readonly Team[]): TeamSnapshot[] {
  return teams.map((team) => ({
    id: team.id, name: team.name,
    members: [
      ...team.agents.map((agentId) => ({ agentId, agentFlags: TeamMemberFlags.AGENT })),
      ...(team.primarySupervisor ? [{ agentId: team.primarySupervisor, agentFlags: TeamMemberFlags.PRIMARY_SUPERVISOR }] : []),
      ...team.secondarySupervisors.map((agentId) => ({ agentId, agentFlags: TeamMemberFlags.SECONDARY_SUPERVISOR })),
    ],
  }));
}

/** Every team as added: the answer to TEAM_CONFIG_REQ before its TEAM_CONFIG_CONF. */
export function initialTeamEvents(teams: readonly TeamSnapshot[]): TeamConfigEvent[] {
  return teams.flatMap((team) => addedTeam(team));
}

/** What changed from `before` to `after`: removed teams, added teams, and changed names or members. */
export function teamChangeEvents(before: readonly TeamSnapshot[], after: readonly TeamSnapshot[]): TeamConfigEvent[] {
  const old = new Map(before.map((t) => [t.id, t]));
  const events: TeamConfigEvent[] = [];
  for (const team of before) {
    if (!after.some((t) => t.id === team.id)) {
      events.push({ type: 'TEAM_CONFIG_EVENT', teamId: team.id, operation: TeamOperation.REMOVE, reserved: RESERVED, teamName: team.name, members: [] });
    }
  }
  for (const team of after) {
    const previous = old.get(team.id);
    if (!previous) { events.push(...addedTeam(team)); continue; }
    const was = new Set(previous.members.map(memberKey));
    const is = new Set(team.members.map(memberKey));
    const records = [
      ...team.members.filter((m) => !was.has(memberKey(m))).map((m) => ({ ...m, recordType: MemberRecordType.ADD })),
      ...previous.members.filter((m) => !is.has(memberKey(m))).map((m) => ({ ...m, recordType: MemberRecordType.DELETE })),
    ];
    if (records.length === 0 && previous.name === team.name) continue;
    events.push(...chunked(team, TeamOperation.CHANGE, records));
  }
  return events;
}

function addedTeam(team: TeamSnapshot): TeamConfigEvent[] {
  return chunked(team, TeamOperation.ADD, team.members.map((m) => ({ ...m, recordType: MemberRecordType.ADD })));
}

/** One event per 64 records; after the first, the rest of an added team follows as changes of it. */
function chunked(team: TeamSnapshot, operation: number, records: readonly (TeamMember & { recordType: number })[]): TeamConfigEvent[] {
  const events: TeamConfigEvent[] = [];
  for (let i = 0; i === 0 || i < records.length; i += MAX_RECORDS) {
    events.push({
      type: 'TEAM_CONFIG_EVENT', teamId: team.id, operation: i === 0 ? operation : TeamOperation.CHANGE,
      reserved: RESERVED, teamName: team.name.slice(0, 49), members: records.slice(i, i + MAX_RECORDS),
    });
  }
  return events;
}
