// The Finesse User object (rest-api.md §3.1) and its representation, children in the order the spec shows.
import type { CtiAgentState } from '../../engine/cti/codec/index.ts';
import type { ReasonCode } from '../store/reason-codes.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { uriOf } from '../rest/common.ts';
import { reasonCodeUri } from '../rest/reason-code.ts';

export type UserState =
  | 'LOGOUT' | 'NOT_READY' | 'READY' | 'RESERVED' | 'RESERVED_OUTBOUND' | 'RESERVED_OUTBOUND_PREVIEW' | 'TALKING'
  | 'HOLD' | 'WORK' | 'WORK_READY' | 'UNKNOWN';

export type UserRole = 'Agent' | 'Supervisor';

export interface FinesseUser {
  readonly loginId: string;
  readonly firstName: string;
  readonly lastName: string;
  /** The agent's own extension in the directory: the only one it may sign in with (§3.2). */
  readonly homeExtension: string;
  readonly roles: readonly UserRole[];
  /** Signed-in extension; '' when LOGOUT (§3.1). */
  extension: string;
  state: UserState;
  /** The state taken when the call or reservation ends; '' when none. */
  pendingState: UserState | '';
  /** -1 when no reason (§1.2). */
  reasonCodeId: number;
  /** The ReasonCode object behind reasonCodeId, when it is one of the configured codes. */
  reasonCode: ReasonCode | undefined;
  /** Entry into `state`; undefined before the first state event. */
  stateChangeTime: Date | undefined;
  teamId: number | undefined;
  teamName: string | undefined;
}

/** cti-to-finesse.md §1.5: AgentState 1–9 as User state; the engine's WORK_READY shows as WORK (§3.3). */
export function userStateOf(state: CtiAgentState): UserState {
  switch (state) {
    case 'LOGOUT': case 'NOT_READY': case 'READY': case 'TALKING': case 'RESERVED': case 'UNKNOWN': return state;
    case 'WORK': case 'WORK_READY': return 'WORK';
    default: return 'UNKNOWN';
  }
}

export const userUri = (loginId: string): string => uriOf(`/User/${loginId}`);
/** notifications.md §3.1: a POST after each accepted upload (rest-api.md §9). */
export const clientLogNode = (loginId: string): string => `${userUri(loginId)}/ClientLog`;

/** rest-api.md §1.2: UTC with milliseconds. */
const timestamp = (date: Date | undefined): string => date?.toISOString() ?? '';

function reasonCodeSummary(rc: ReasonCode): FinesseNode {
  return record('reasonCode', [
    leaf('category', rc.category), leaf('code', rc.code), leaf('forAll', rc.forAll), leaf('id', rc.id),
    leaf('label', rc.label), leaf('uri', reasonCodeUri(rc.id)),
  ]);
}

/** The user's own team and the teams it supervises, from the engine (rest-api.md §3.1). */
export interface UserTeams {
  readonly team: { readonly id: number; readonly name: string } | undefined;
  readonly supervised: readonly { readonly id: number; readonly name: string }[];
}

const NO_TEAMS: UserTeams = { team: undefined, supervised: [] };

/** The User element; notifications use the lowercase wrapper `user` (§1.2). */
export function userNode(user: FinesseUser, name: 'User' | 'user' = 'User', teams: UserTeams = NO_TEAMS): FinesseNode {
  const supervisor = user.roles.includes('Supervisor');
  return record(name, [
    leaf('dialogs', uriOf(`/User/${user.loginId}/Dialogs`)),
    leaf('extension', user.extension),
    leaf('firstName', user.firstName),
    leaf('lastName', user.lastName),
    leaf('loginId', user.loginId),
    leaf('loginName', user.loginId),
    leaf('mediaType', 1),
    leaf('pendingState', user.pendingState),
    ...(user.reasonCode ? [reasonCodeSummary(user.reasonCode)] : []),
    leaf('reasonCodeId', user.reasonCodeId),
    list('roles', 'role', user.roles.map((r) => leaf('role', r))),
    record('settings', [leaf('wrapUpOnIncoming', '')]),
    leaf('state', user.state),
    leaf('stateChangeTime', timestamp(user.stateChangeTime)),
    leaf('teamId', teams.team?.id ?? user.teamId),
    leaf('teamName', teams.team?.name ?? user.teamName),
    ...(supervisor ? [list('teams', 'Team', teams.supervised.map((t) => record('Team', [
      leaf('id', t.id), leaf('name', t.name), leaf('uri', uriOf(`/Team/${t.id}`)),
    ])))] : []),
    leaf('uri', userUri(user.loginId)),
  ]);
}

/** A team member as the Team object and the Team Users node show it (rest-api.md §5.1): no forAll in reasonCode. */
export function teamMemberNode(user: FinesseUser, name: 'User' | 'user' = 'User'): FinesseNode {
  const rc = user.reasonCode;
  return record(name, [
    leaf('dialogs', uriOf(`/User/${user.loginId}/Dialogs`)),
    leaf('extension', user.extension),
    leaf('firstName', user.firstName),
    leaf('lastName', user.lastName),
    leaf('loginId', user.loginId),
    // §5.1: BUSY only on a manual outbound call from NOT_READY, which UCCX voice calls here never are.
    leaf('mediaState', user.state === 'LOGOUT' ? '' : 'IDLE'),
    leaf('pendingState', user.pendingState),
    ...(rc ? [record('reasonCode', [
      leaf('category', rc.category), leaf('code', rc.code), leaf('id', rc.id), leaf('label', rc.label),
      leaf('uri', reasonCodeUri(rc.id)),
    ])] : []),
    leaf('state', user.state),
    leaf('stateChangeTime', timestamp(user.stateChangeTime)),
    leaf('uri', userUri(user.loginId)),
  ]);
}

export const teamUsersNode = (teamId: number): string => uriOf(`/Team/${teamId}/Users`);
