// Engine entities (telephony-and-routing.md §3.2), named and valued as UCCX names them (§2.3, adminapi.md).

/** Agent states as the CTI wire names them (cti.md §5.4; telephony-and-routing.md §2.2, §3.4). */
export type AgentState = 'LOGOUT' | 'NOT_READY' | 'READY' | 'RESERVED' | 'TALKING' | 'WORK' | 'WORK_READY';
/** States an agent or supervisor may ask for; LOGIN is a request only (§2.2). */
export type RequestedState = 'LOGIN' | 'LOGOUT' | 'NOT_READY' | 'READY' | 'WORK';
/** A state asked for during a call, applied when it ends (§3.4). */
export type PendingState = 'LOGOUT' | 'NOT_READY' | 'WORK';

export type ResourceType = 'AGENT' | 'SUPERVISOR';

export interface Skill { readonly id: number; readonly name: string }

export interface ResourceGroup { readonly id: number; readonly name: string }

export interface Resource {
  readonly userId: string;
  readonly extension: string;
  readonly type: ResourceType;
  readonly resourceGroupId?: number | undefined;
  /** Order in the resource group, for Linear and Circular (§2.3). */
  readonly groupOrder?: number | undefined;
  /** Competence 1 (lowest) – 10 (highest) per skill id; at most 50 skills (§2.3). */
  readonly skills: ReadonlyMap<number, number>;
  readonly teamId?: number | undefined;
  /** Automatic Available: READY after a call without Automatic Work (§2.2); default true. */
  readonly automaticAvailable: boolean;
}

export interface Team {
  readonly id: number;
  readonly name: string;
  readonly agents: readonly string[];
  readonly csqs: readonly number[];
  readonly primarySupervisor?: string | undefined;
  readonly secondarySupervisors: readonly string[];
}

/** The selection criteria as the Configuration API spells them (adminapi.md; §2.3). */
export type SelectionCriterion =
  | 'Longest Available' | 'Most Handled Contacts' | 'Shortest Average Handle Time'
  | 'Most Skilled' | 'Least Skilled' | 'Most Skilled by Weight' | 'Least Skilled by Weight'
  | 'Most Skilled by Order' | 'Least Skilled by Order' | 'Linear' | 'Circular';

export const SKILL_GROUP_CRITERIA: readonly SelectionCriterion[] = [
  'Longest Available', 'Most Handled Contacts', 'Shortest Average Handle Time', 'Most Skilled', 'Least Skilled',
  'Most Skilled by Weight', 'Least Skilled by Weight', 'Most Skilled by Order', 'Least Skilled by Order',
];
export const RESOURCE_GROUP_CRITERIA: readonly SelectionCriterion[] = [
  'Longest Available', 'Linear', 'Circular', 'Most Handled Contacts', 'Shortest Average Handle Time',
];

export interface SkillCompetency {
  readonly skillId: number;
  /** Minimum competence 1–10 an agent needs in this skill to belong to the CSQ (§2.3). */
  readonly minimumCompetence: number;
  /** 1–1000, default 1. */
  readonly weight: number;
  /** Position for "by Order" criteria, default 1. */
  readonly order: number;
}

export type ResourcePool =
  | { readonly type: 'SKILL_GROUP'; readonly skills: readonly SkillCompetency[] }
  | { readonly type: 'RESOURCE_GROUP'; readonly resourceGroupId: number };

export interface Csq {
  readonly id: number;
  readonly name: string;
  readonly queueType: 'VOICE' | 'EMAIL' | 'CHAT';
  readonly autoWork: boolean;
  /** 0–7200 s, 0 = no wrap-up timer (§2.3). */
  readonly wrapupTime: number;
  readonly pool: ResourcePool;
  readonly selectionCriteria: SelectionCriterion;
  /** Seconds; default 5. */
  readonly serviceLevel: number;
  readonly serviceLevelPercentage: number;
  /** Seconds; 0 = Settings.ringNoAnswerSeconds (§3.2). */
  readonly ronaTimeoutSec: number;
  readonly ronaRequeue: 'HEAD' | 'TAIL';
}

export interface CallControlGroup {
  readonly id: number;
  readonly name: string;
  /** CTI port device names (§3.2). */
  readonly ctiPorts: readonly string[];
}

export interface Application {
  readonly id: number;
  readonly name: string;
  readonly maxSessions: number;
  readonly script: string;
  readonly parameters: Readonly<Record<string, string>>;
}

export interface Trigger {
  readonly directoryNumber: string;
  readonly routePartitionName: string;
  /** The CTI route point that carries the directory number (§2.1 deviceName). */
  readonly deviceName: string;
  readonly applicationId: number;
  readonly callControlGroupId?: number | undefined;
  readonly enabled: boolean;
  readonly maxSessions: number;
  readonly idleTimeoutMs: number;
}

export interface Settings {
  readonly agentStateAfterRna: 'NOT_READY' | 'READY';
  readonly ringNoAnswerSeconds: number;
  /** "HH:MM" local to the engine; the "today" counters reset then (§3.8). */
  readonly dayStartsAt: string;
}

export const DEFAULT_SETTINGS: Settings = { agentStateAfterRna: 'NOT_READY', ringNoAnswerSeconds: 10, dayStartsAt: '00:00' };
