// The call manager's tables. No other service imports this file: they reach this data through AXL or the
// telephony provider, as UCCX and Finesse reach CUCM's.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const devicePools = pgTable('cm_device_pool', {
  uuid: uuid('uuid').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
});

export const routePartitions = pgTable('cm_route_partition', {
  uuid: uuid('uuid').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
});

export const endUsers = pgTable('cm_end_user', {
  uuid: uuid('uuid').primaryKey().defaultRandom(),
  userid: text('userid').notNull(),
  firstName: text('first_name'),
  lastName: text('last_name').notNull(),
  displayName: text('display_name'),
  mailid: text('mailid'),
  department: text('department'),
  telephoneNumber: text('telephone_number'),
  passwordHash: text('password_hash'),
  pinHash: text('pin_hash'),
  primaryExtensionPattern: text('primary_extension_pattern'),
  primaryExtensionPartition: text('primary_extension_partition').notNull().default(''),
  enableCti: boolean('enable_cti').notNull().default(true),
  presenceGroupName: text('presence_group_name').notNull().default('Standard Presence group'),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cm_end_user_userid').on(sql`lower(${t.userid})`)]);

export const appUsers = pgTable('cm_app_user', {
  uuid: uuid('uuid').primaryKey().defaultRandom(),
  userid: text('userid').notNull(),
  passwordHash: text('password_hash'),
  presenceGroupName: text('presence_group_name').notNull().default('Standard Presence group'),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
}, (t) => [uniqueIndex('cm_app_user_userid').on(sql`lower(${t.userid})`)]);

export const DEVICE_KINDS = ['PHONE', 'CTI_PORT', 'CTI_ROUTE_POINT'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const devices = pgTable('cm_device', {
  uuid: uuid('uuid').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: DEVICE_KINDS }).notNull(),
  product: text('product').notNull(),
  deviceClass: text('class').notNull(),
  protocol: text('protocol').notNull(),
  protocolSide: text('protocol_side').notNull().default('User'),
  devicePoolUuid: uuid('device_pool_uuid').notNull().references(() => devicePools.uuid),
  locationName: text('location_name').notNull().default('Hub_None'),
  description: text('description'),
  ownerUserName: text('owner_user_name'),
  callingSearchSpaceName: text('calling_search_space_name'),
}, (t) => [uniqueIndex('cm_device_name').on(sql`lower(${t.name})`)]);

export const lines = pgTable('cm_line', {
  uuid: uuid('uuid').primaryKey().defaultRandom(),
  pattern: text('pattern').notNull(),
  routePartitionName: text('route_partition_name').notNull().default(''),
  usage: text('usage').notNull().default('Device'),
  description: text('description'),
  alertingName: text('alerting_name'),
}, (t) => [uniqueIndex('cm_line_key').on(t.pattern, t.routePartitionName)]);

export const deviceLines = pgTable('cm_device_line', {
  // The AXL `devicenumplanmap.pkid` (axl.md §5.7); the row's identity stays (device, index).
  uuid: uuid('uuid').notNull().unique().defaultRandom(),
  deviceUuid: uuid('device_uuid').notNull().references(() => devices.uuid, { onDelete: 'cascade' }),
  lineUuid: uuid('line_uuid').notNull().references(() => lines.uuid, { onDelete: 'cascade' }),
  lineIndex: integer('line_index').notNull(),
  label: text('label'),
  display: text('display'),
  maxNumCalls: integer('max_num_calls').notNull(),
  busyTrigger: integer('busy_trigger').notNull(),
}, (t) => [primaryKey({ columns: [t.deviceUuid, t.lineIndex] }), index('cm_device_line_line').on(t.lineUuid)]);

export const endUserDevices = pgTable('cm_end_user_device', {
  uuid: uuid('uuid').notNull().unique().defaultRandom(), // the AXL `enduserdevicemap.pkid`
  userUuid: uuid('user_uuid').notNull().references(() => endUsers.uuid, { onDelete: 'cascade' }),
  deviceUuid: uuid('device_uuid').notNull().references(() => devices.uuid, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userUuid, t.deviceUuid] })]);

export const appUserDevices = pgTable('cm_app_user_device', {
  userUuid: uuid('user_uuid').notNull().references(() => appUsers.uuid, { onDelete: 'cascade' }),
  deviceUuid: uuid('device_uuid').notNull().references(() => devices.uuid, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userUuid, t.deviceUuid] })]);

/** Small key/value facts of the node: the generated demo password, the seed marker. */
export const settings = pgTable('cm_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
