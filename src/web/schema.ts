// The web service's tables (ARCHITECTURE.md, data ownership): reason codes, wrap-up reasons, phone books and
// contacts, workflows and their actions, media properties layouts, the desktop layout, team messages and what is
// assigned to each team. No other service imports this file.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const REASON_CODE_CATEGORIES = ['NOT_READY', 'LOGOUT'] as const;
export type ReasonCodeCategory = (typeof REASON_CODE_CATEGORIES)[number];

/** rest-api.md §6.1; code and label are unique per category (§1.5). */
export const reasonCodes = pgTable('web_reason_code', {
  id: serial('id').primaryKey(),
  category: text('category', { enum: REASON_CODE_CATEGORIES }).notNull(),
  code: integer('code').notNull(),
  label: text('label').notNull(),
  forAll: boolean('for_all').notNull().default(true),
  systemCode: boolean('system_code').notNull().default(false),
}, (t) => [
  uniqueIndex('web_reason_code_code').on(t.category, t.code),
  uniqueIndex('web_reason_code_label').on(t.category, sql`lower(${t.label})`),
]);

/** rest-api.md §6.2. */
export const wrapUpReasons = pgTable('web_wrap_up_reason', {
  id: serial('id').primaryKey(),
  label: text('label').notNull(),
  forAll: boolean('for_all').notNull().default(true),
}, (t) => [uniqueIndex('web_wrap_up_reason_label').on(sql`lower(${t.label})`)]);

export const PHONE_BOOK_TYPES = ['GLOBAL', 'TEAM'] as const;
export type PhoneBookType = (typeof PHONE_BOOK_TYPES)[number];

/** rest-api.md §7 PhoneBook. */
export const phoneBooks = pgTable('web_phone_book', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type', { enum: PHONE_BOOK_TYPES }).notNull(),
}, (t) => [uniqueIndex('web_phone_book_name').on(sql`lower(${t.name})`)]);

/** rest-api.md §7 Contact; removed with its phone book. */
export const contacts = pgTable('web_contact', {
  id: serial('id').primaryKey(),
  phoneBookId: integer('phone_book_id').notNull().references(() => phoneBooks.id, { onDelete: 'cascade' }),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name').notNull().default(''),
  phoneNumber: text('phone_number').notNull(),
  description: text('description').notNull().default(''),
});

export const WORKFLOW_ACTION_TYPES = ['BROWSER_POP', 'HTTP_REQUEST'] as const;
export const WORKFLOW_ACTION_HANDLERS = ['FINESSE_DESKTOP', 'OTHER'] as const;
export const ACTION_VARIABLE_TYPES = ['SYSTEM', 'CUSTOM'] as const;

export interface WorkflowActionParam { name: string; value: string }
export interface ActionVariable { name: string; node: string; type: (typeof ACTION_VARIABLE_TYPES)[number]; testValue: string }

/** rest-api.md §7 WorkflowAction. */
export const workflowActions = pgTable('web_workflow_action', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type', { enum: WORKFLOW_ACTION_TYPES }).notNull(),
  handledBy: text('handled_by', { enum: WORKFLOW_ACTION_HANDLERS }).notNull(),
  params: jsonb('params').$type<WorkflowActionParam[]>().notNull(),
  actionVariables: jsonb('action_variables').$type<ActionVariable[]>().notNull(),
}, (t) => [uniqueIndex('web_workflow_action_name').on(sql`lower(${t.name})`)]);

export interface WorkflowVariable { name: string; node: string; type: (typeof ACTION_VARIABLE_TYPES)[number] }
export interface WorkflowClause { variable: WorkflowVariable; comparator: string; value: string }
export interface TriggerSet { type: string; triggers: WorkflowClause[] }
export interface ConditionSet { applyMethod: 'ALL' | 'ANY'; conditions: WorkflowClause[] }

/** rest-api.md §7 Workflow; its actions are an ordered list of references. */
export const workflows = pgTable('web_workflow', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  media: text('media').notNull().default('voice'),
  triggerSet: jsonb('trigger_set').$type<TriggerSet>().notNull(),
  conditionSet: jsonb('condition_set').$type<ConditionSet | null>(),
}, (t) => [uniqueIndex('web_workflow_name').on(sql`lower(${t.name})`)]);

export const workflowActionRefs = pgTable('web_workflow_action_ref', {
  workflowId: integer('workflow_id').notNull().references(() => workflows.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  actionId: integer('action_id').notNull().references(() => workflowActions.id, { onDelete: 'restrict' }),
}, (t) => [primaryKey({ columns: [t.workflowId, t.position] })]);

export const MEDIA_PROPERTIES_LAYOUT_TYPES = ['DEFAULT', 'CUSTOM'] as const;
export interface LayoutEntry { displayName: string; mediaProperty: string; showInPopOver: boolean; uiEditable: boolean }

/** rest-api.md §7 MediaPropertiesLayout; exactly one row has type DEFAULT. */
export const mediaPropertiesLayouts = pgTable('web_media_properties_layout', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  type: text('type', { enum: MEDIA_PROPERTIES_LAYOUT_TYPES }).notNull(),
  header: jsonb('header').$type<LayoutEntry[]>().notNull(),
  columns: jsonb('columns').$type<LayoutEntry[][]>().notNull(),
}, (t) => [
  uniqueIndex('web_media_properties_layout_name').on(sql`lower(${t.name})`),
  uniqueIndex('web_media_properties_layout_default').on(t.type).where(sql`${t.type} = 'DEFAULT'`),
]);

/** rest-api.md §7 LayoutConfig: the desktop layout XML (desktop-and-gadgets.md §2), keyed `default`. */
export const layoutConfigs = pgTable('web_layout_config', {
  key: text('key').primaryKey(),
  layoutXml: text('layout_xml').notNull(),
});

/**
 * rest-api.md §7 TeamLayoutConfig: a team's own desktop layout, or `useDefault` (then `layoutXml` is kept but not
 * used). A team without a row uses the default.
 */
export const teamLayoutConfigs = pgTable('web_team_layout_config', {
  teamId: integer('team_id').primaryKey(),
  useDefault: boolean('use_default').notNull(),
  layoutXml: text('layout_xml'),
});

/**
 * Team assignments (rest-api.md §6.1, §6.2, §7 team lists): which team-only items (forAll false, TEAM phone
 * books, every workflow) a team's members get. `team_id` is the engine's team id; a row goes with its item.
 */
export const teamReasonCodes = pgTable('web_team_reason_code', {
  teamId: integer('team_id').notNull(),
  reasonCodeId: integer('reason_code_id').notNull().references(() => reasonCodes.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.reasonCodeId] }), index('web_team_reason_code_item').on(t.reasonCodeId)]);

export const teamWrapUpReasons = pgTable('web_team_wrap_up_reason', {
  teamId: integer('team_id').notNull(),
  wrapUpReasonId: integer('wrap_up_reason_id').notNull().references(() => wrapUpReasons.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.wrapUpReasonId] }), index('web_team_wrap_up_reason_item').on(t.wrapUpReasonId)]);

export const teamPhoneBooks = pgTable('web_team_phone_book', {
  teamId: integer('team_id').notNull(),
  phoneBookId: integer('phone_book_id').notNull().references(() => phoneBooks.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.phoneBookId] }), index('web_team_phone_book_item').on(t.phoneBookId)]);

export const teamWorkflows = pgTable('web_team_workflow', {
  teamId: integer('team_id').notNull(),
  workflowId: integer('workflow_id').notNull().references(() => workflows.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.workflowId] }), index('web_team_workflow_item').on(t.workflowId)]);

/** What the web service remembers about itself (first-start seed). */
export const webSettings = pgTable('web_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** A creator as TeamMessage shows it (rest-api.md §5.3 `createdBy`), kept as it was when the message was sent. */
export interface TeamMessageAuthor { id: string; firstName: string; lastName: string }

/**
 * rest-api.md §5.3 TeamMessage: a supervisor's or administrator's broadcast to teams (the engine's team ids),
 * active until `expires_at` (created + duration); expired rows are removed.
 */
export const teamMessages = pgTable('web_team_message', {
  id: text('id').primaryKey(),
  content: text('content').notNull(),
  createdBy: jsonb('created_by').$type<TeamMessageAuthor>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  duration: integer('duration').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  teams: jsonb('teams').$type<number[]>().notNull(),
}, (t) => [index('web_team_message_expires').on(t.expiresAt)]);

/**
 * Hosts the gadget server may fetch from (specs, /gadgets/makeRequest) beyond this node's own web ports
 * (desktop-and-gadgets.md §3.3): `host:port`, or `host` for its default ports.
 */
export const proxyAllowHosts = pgTable('web_proxy_allow_host', {
  host: text('host').primaryKey(),
});
