// The engine's tables (telephony-and-routing.md §2.3, §3.2). No other service imports this file: the web service
// learns this data over CTI and the configuration API, as Finesse learns it from UCCX. Agents themselves are the
// call manager's end users; a resource row holds only what the engine adds to one (skills, team, group).
import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';

export const skills = pgTable('engine_skill', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const resourceGroups = pgTable('engine_resource_group', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const teams = pgTable('engine_team', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  primarySupervisor: text('primary_supervisor'),
  secondarySupervisors: text('secondary_supervisors').array().notNull().default(sql`'{}'::text[]`),
  /** adminapi.md §2.3: stored, no effect. */
  acdBusyOnNonAcdBusy: boolean('acd_busy_on_non_acd_busy').notNull().default(false),
  nonAcdBusyOverride: boolean('non_acd_busy_override').notNull().default(false),
});

export const resources = pgTable('engine_resource', {
  userId: text('user_id').primaryKey(),
  resourceGroupId: integer('resource_group_id').references(() => resourceGroups.id, { onDelete: 'set null' }),
  groupOrder: integer('group_order'),
  teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
  automaticAvailable: boolean('automatic_available').notNull().default(true),
  /** Name shown to chat customers (adminapi.md §2.2); stored only. */
  alias: text('alias').notNull().default(''),
});

export const resourceSkills = pgTable('engine_resource_skill', {
  userId: text('user_id').notNull().references(() => resources.userId, { onDelete: 'cascade' }),
  skillId: integer('skill_id').notNull().references(() => skills.id, { onDelete: 'cascade' }),
  competence: integer('competence').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.skillId] })]);

export const csqs = pgTable('engine_csq', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  queueType: text('queue_type', { enum: ['VOICE', 'EMAIL', 'CHAT'] }).notNull().default('VOICE'),
  autoWork: boolean('auto_work').notNull().default(false),
  wrapupTime: integer('wrapup_time').notNull().default(0),
  poolType: text('pool_type', { enum: ['SKILL_GROUP', 'RESOURCE_GROUP'] }).notNull(),
  resourceGroupId: integer('resource_group_id').references(() => resourceGroups.id),
  selectionCriteria: text('selection_criteria').notNull().default('Longest Available'),
  serviceLevel: integer('service_level').notNull().default(5),
  serviceLevelPercentage: integer('service_level_percentage').notNull().default(70),
  ronaTimeoutSec: integer('rona_timeout_sec').notNull().default(0),
  ronaRequeue: text('rona_requeue', { enum: ['HEAD', 'TAIL'] }).notNull().default('HEAD'),
});

export const csqSkills = pgTable('engine_csq_skill', {
  csqId: integer('csq_id').notNull().references(() => csqs.id, { onDelete: 'cascade' }),
  skillId: integer('skill_id').notNull().references(() => skills.id),
  minimumCompetence: integer('minimum_competence').notNull().default(1),
  weight: integer('weight').notNull().default(1),
  skillOrder: integer('skill_order').notNull().default(1),
}, (t) => [primaryKey({ columns: [t.csqId, t.skillId] })]);

export const teamCsqs = pgTable('engine_team_csq', {
  teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  csqId: integer('csq_id').notNull().references(() => csqs.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.csqId] })]);

export const applications = pgTable('engine_application', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  maxSessions: integer('max_sessions').notNull().default(10),
  script: text('script').notNull().default('icd'),
  parameters: jsonb('parameters').$type<Record<string, string>>().notNull().default({}),
  /** adminapi.md §2.5: the Java class of each parameter, when the API gave one. */
  parameterTypes: jsonb('parameter_types').$type<Record<string, string>>().notNull().default({}),
  defaultScript: text('default_script').notNull().default(''),
  description: text('description').notNull().default(''),
  enabled: boolean('enabled').notNull().default(true),
});

export const callControlGroups = pgTable('engine_call_control_group', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  ctiPorts: text('cti_ports').array().notNull().default(sql`'{}'::text[]`),
});

export const triggers = pgTable('engine_trigger', {
  directoryNumber: text('directory_number').notNull(),
  routePartitionName: text('route_partition_name').notNull().default(''),
  deviceName: text('device_name').notNull(),
  applicationId: integer('application_id').notNull().references(() => applications.id),
  callControlGroupId: integer('call_control_group_id').references(() => callControlGroups.id),
  enabled: boolean('enabled').notNull().default(true),
  maxSessions: integer('max_sessions').notNull().default(10),
  idleTimeoutMs: integer('idle_timeout_ms').notNull().default(5000),
  locale: text('locale').notNull().default('en_US'),
  description: text('description').notNull().default(''),
  /** The Unified CM settings of adminapi.md §2.6 the engine stores without using, by element name. */
  deviceSettings: jsonb('device_settings').$type<Record<string, string>>().notNull().default({}),
}, (t) => [primaryKey({ columns: [t.directoryNumber, t.routePartitionName] })]);

/** Key/value: the Settings of §3.2 and the seed markers. */
export const settings = pgTable('engine_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The engine's live state as of its last checkpoint (replica rows as JSON), so an engine that restarts while the
 * call manager kept running takes its agents and calls back instead of signing everyone out. One row.
 */
export const liveCheckpoint = pgTable('engine_live_checkpoint', {
  id: text('id').primaryKey(),
  /** The call manager's run the calls belong to: after its restart the state is stale. */
  callManagerRunId: text('call_manager_run_id').notNull(),
  writtenAt: bigint('written_at', { mode: 'number' }).notNull(),
  state: text('state').notNull(),
});
