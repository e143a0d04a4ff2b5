// The master engine's live state as the standby keeps it (docs/failover.md "State hand-over"): per agent, per call
// the engine reports, per contact routing holds, and the counters a new master must not start again (cti.md §6.1).
// Plain JSON-able rows with zod schemas: whatever arrives on the replication socket is checked whole, bounds
// included, before the copy takes any of it.
import { z } from 'zod';

/** Bumped whenever a row changes meaning; a peer speaking another version is refused, never half understood. */
export const REPLICA_FORMAT_VERSION = 1;

const MAX_ROWS = 200_000;
const id = z.string().min(1).max(128);
const device = z.string().min(1).max(64);
const ms = z.number().int().min(0).max(8_640_000_000_000_000);
const nullableMs = ms.nullable();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const csqId = z.number().int().min(0).max(0x7fffffff);

const agentState = z.enum(['LOGOUT', 'NOT_READY', 'READY', 'RESERVED', 'TALKING', 'WORK', 'WORK_READY']);
/** A figure in ms or a count: a clock may give fractions of a millisecond. */
const amount = z.number().min(0).max(Number.MAX_SAFE_INTEGER);
const totals = z.strictObject({ total: amount, max: amount });

/** An agent's figures for the day (telephony-and-routing.md §3.8), so Live Data and reports do not start again. */
const AgentDaySchema = z.strictObject({
  today: z.strictObject({
    presented: count, handled: count, rona: count, talkMs: amount, holdMs: amount, workMs: amount, handleMs: amount,
    stateMs: z.partialRecord(agentState, amount),
    reasonMs: z.record(z.string().regex(/^\d{1,5}$/), amount),
  }),
  open: z.strictObject({ csqId, queueMs: amount, answeredAt: amount, talkEndedAt: amount.nullable() }).nullable(),
  contactCsqId: csqId.nullable(),
});
export type ReplicaAgentDay = z.infer<typeof AgentDaySchema>;

const CsqDaySchema = z.strictObject({
  csqId,
  today: z.strictObject({
    presented: count, handled: count, abandoned: count, dequeued: count, handledWithinSL: count, abandonedWithinSL: count,
    queueMs: totals, talkMs: totals, handleMs: totals,
  }),
});
export type ReplicaCsqDay = z.infer<typeof CsqDaySchema>;

export const ReplicaStatisticsSchema = z.strictObject({
  /** The figures hold for this day only: a new master on another day starts at zero. */
  dayStartsAt: ms,
  csqs: z.array(CsqDaySchema).max(100_000),
});
export type ReplicaStatistics = z.infer<typeof ReplicaStatisticsSchema>;

export const ReplicaAgentSchema = z.strictObject({
  userId: id,
  extension: device,
  state: agentState,
  reasonCode: z.number().int().min(0).max(0xffff),
  stateSince: ms,
  readySince: ms,
  pendingState: z.enum(['LOGOUT', 'NOT_READY', 'WORK']).nullable(),
  pendingReasonCode: z.number().int().min(0).max(0xffff),
  /** The contact routing reserved the agent for. */
  contactId: id.nullable(),
  handledToday: count,
  handleTimeTodayMs: count,
  answeredAt: nullableMs,
  wrapUpDeadline: nullableMs,
  /** The calls the agent's line is connected to. */
  calls: z.array(id).max(64),
  /** A call that rings the agent without routing having sent it (a consult). */
  reservedFor: id.nullable(),
  day: AgentDaySchema.nullable(),
});
export type ReplicaAgent = z.infer<typeof ReplicaAgentSchema>;

export const ReplicaCallSchema = z.strictObject({
  callId: id,
  /** CTI ConnectionCallID: the Dialog id on the desktop, which must not change with the master (cti.md §6.1). */
  ctiCallId: z.number().int().min(0x01000000).max(0xfffffffe),
  kind: z.enum(['CCX_IN', 'AGENT_INSIDE', 'OTHER_IN', 'OUT', 'CONSULT', 'TRANSFER_IN', 'CONFERENCE']),
  calling: z.string().max(64),
  called: z.string().max(64),
  lastRedirected: z.string().max(64).nullable(),
  dnis: z.string().max(64).nullable(),
  csqId: csqId.nullable(),
  applicationId: z.number().int().min(0).max(0x7fffffff).nullable(),
  callVariables: z.record(z.string().max(128), z.string().max(4096))
    .refine((vars) => Object.keys(vars).length <= 512, 'at most 512 call variables'),
  held: z.array(device).max(64),
  originator: device.nullable(),
  parties: z.array(device).max(64),
  seen: z.array(device).max(256),
});
export type ReplicaCall = z.infer<typeof ReplicaCallSchema>;

const queueEntry = z.strictObject({ csqId, priority: z.number().int().min(1).max(10), queuedAt: ms, returned: z.boolean() });

export const ReplicaContactSchema = z.strictObject({
  /** The contact's call: contacts are named by their call. */
  contactId: id,
  triggerDn: device,
  /** Where the call sits: the route point, or the line of the agent it rings. */
  at: device,
  /** Routing's part; null once the call is connected and routing has let it go. */
  routing: z.strictObject({
    state: z.enum(['QUEUED', 'RESERVED', 'CONNECTED']),
    seq: count,
    queuedAt: ms,
    entries: z.array(queueEntry).max(64),
    reservation: z.strictObject({ userId: id, csqId }).nullable(),
    reservedAt: nullableMs,
    ronaCount: count,
  }).nullable(),
});
export type ReplicaContact = z.infer<typeof ReplicaContactSchema>;

export const ReplicaCountersSchema = z.strictObject({
  /** The next CTI CallID the master would give. */
  nextCallId: z.number().int().min(0x01000000).max(0xfffffffe),
  /** Routing's last contact number (arrival order). */
  contactSeq: count,
});
export type ReplicaCounters = z.infer<typeof ReplicaCountersSchema>;

export const ReplicaStateSchema = z.strictObject({
  agents: z.array(ReplicaAgentSchema).max(MAX_ROWS),
  calls: z.array(ReplicaCallSchema).max(MAX_ROWS),
  contacts: z.array(ReplicaContactSchema).max(MAX_ROWS),
  counters: ReplicaCountersSchema,
  statistics: ReplicaStatisticsSchema,
});
export type ReplicaState = z.infer<typeof ReplicaStateSchema>;

export const ReplicaDeltaSchema = z.strictObject({
  agents: z.array(ReplicaAgentSchema).max(MAX_ROWS),
  calls: z.array(ReplicaCallSchema).max(MAX_ROWS),
  callsGone: z.array(id).max(MAX_ROWS),
  contacts: z.array(ReplicaContactSchema).max(MAX_ROWS),
  contactsGone: z.array(id).max(MAX_ROWS),
  counters: ReplicaCountersSchema,
  /** The CSQs' figures, whole, when any changed. */
  statistics: ReplicaStatisticsSchema.nullable(),
});
export type ReplicaDelta = z.infer<typeof ReplicaDeltaSchema>;
