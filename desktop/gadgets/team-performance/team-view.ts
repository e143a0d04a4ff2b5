// A team member as the team performance gadget shows it, read from the team's User data (rest-api.md §5.1).
import { asArray, field, isRecord, text } from '../shared/data.ts';
import type { User } from '../shared/finesse-api.ts';
import { parseTime } from '../shared/time.ts';

export interface TeamChoice { id: string; name: string }

export interface AgentRow {
  id: string;
  name: string;
  state: string;
  reason: string;
  since: number | undefined;
  extension: string;
  user: User;
}

/** user.getSupervisedTeams(): an array of `{id, name}` or the `teams` element with its `Team` children. */
export function supervisedTeams(raw: unknown): TeamChoice[] {
  const list = Array.isArray(raw) ? raw : asArray(isRecord(raw) && 'Team' in raw ? field(raw, 'Team') : raw);
  return list.map((t) => ({ id: text(t, 'id'), name: text(t, 'name') || `Team ${text(t, 'id')}` })).filter((t) => t.id !== '');
}

export function agentRow(user: User): AgentRow {
  const data = user.getData();
  const name = `${text(data, 'firstName')} ${text(data, 'lastName')}`.trim();
  const id = text(data, 'loginId') || user.getId();
  return {
    id, name: name || id, state: text(data, 'state'), reason: text(data, 'reasonCode', 'label'),
    since: parseTime(text(data, 'stateChangeTime')), extension: text(data, 'extension'), user,
  };
}

export const STATE_NAMES: Record<string, string> = {
  LOGOUT: 'Signed out', NOT_READY: 'Not Ready', READY: 'Ready', RESERVED: 'Reserved', RESERVED_OUTBOUND: 'Reserved (outbound)',
  RESERVED_OUTBOUND_PREVIEW: 'Reserved (preview)', TALKING: 'Talking', HOLD: 'Hold', WORK: 'Wrap-up', WORK_READY: 'Wrap-up',
};

/** What a supervisor may do to an agent in a state (rest-api.md §3.4). */
export function allowedChanges(state: string): ReadonlySet<string> {
  const out = new Set<string>();
  if (state === 'NOT_READY') out.add('READY');
  if (state === 'READY' || state === 'WORK' || state === 'WORK_READY') out.add('NOT_READY');
  if (state !== 'LOGOUT' && state !== '') out.add('LOGOUT');
  return out;
}
