// The statistics stream from the engine to Live Data (desktop-and-gadgets.md §6; the original carries the same
// records from the CCX engine to CUIC over JMS). JSON on the wire; a message read from a broker is untrusted input
// and is checked here before anything uses it.
import { z } from 'zod';

export const AGENT_STATES = ['LOGIN', 'LOGOUT', 'NOT_READY', 'READY', 'RESERVED', 'TALKING', 'WORK'] as const;

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();
const Episodes = z.object({ count, totalMs: ms, maxMs: ms });

/** One agent as the engine sees it now, with its counters since midnight. */
const AgentRecord = z.object({
  agentId: z.string().min(1).max(128),
  agentName: z.string().max(128),
  extension: z.string().max(32).default(''),
  teamId: z.string().max(64),
  teamName: z.string().max(128).default(''),
  csqIds: z.array(z.string().max(64)).max(256),
  state: z.enum(AGENT_STATES),
  stateSince: z.number().nonnegative(),
  reasonCode: z.number().int().optional(),
  loginSince: z.number().nonnegative().nullable(),
  callsOffered: count,
  callsHandled: count,
  /** Finished stretches in each state since midnight (the running one excluded). */
  inState: z.partialRecord(z.enum(AGENT_STATES), Episodes),
  hold: Episodes,
});

/** One CSQ's figures now (the Finesse Queue object's counts, cti.md §8.3 record R) and since midnight. */
const CsqRecord = z.object({
  csqId: z.string().min(1).max(64),
  csqName: z.string().max(128),
  callsWaiting: z.number().int().nonnegative(),
  oldestQueuedAt: z.number().nonnegative().nullable(),
  agents: z.object({
    loggedIn: z.number().int().nonnegative(), ready: z.number().int().nonnegative(),
    notReady: z.number().int().nonnegative(), reserved: z.number().int().nonnegative(),
    talking: z.number().int().nonnegative(), work: z.number().int().nonnegative(),
  }),
  /** Since midnight, cumulative (telephony-and-routing.md §3.8); Live Data derives its windows from the deltas. */
  today: z.object({
    presented: count, handled: count, abandoned: count, dequeued: count,
    handledWithinSl: count, abandonedWithinSl: count,
    queueMsTotal: ms, handleMsTotal: ms, longestWaitMs: ms, longestHandleMs: ms,
  }),
});

/** A team with its supervisors: Live Data authorizes subscriptions with it. */
const TeamRecord = z.object({
  teamId: z.string().min(1).max(64),
  teamName: z.string().max(128),
  supervisorIds: z.array(z.string().max(128)).max(256),
});

export const StatisticsMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), at: z.number(), team: TeamRecord }),
  z.object({ kind: z.literal('teamRemoved'), at: z.number(), teamId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('agent'), at: z.number(), agent: AgentRecord }),
  z.object({ kind: z.literal('agentRemoved'), at: z.number(), agentId: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('csq'), at: z.number(), csq: CsqRecord }),
  z.object({ kind: z.literal('csqRemoved'), at: z.number(), csqId: z.string().min(1).max(64) }),
  /** A consumer (re)joined and asks the engine to publish every record again. */
  z.object({ kind: z.literal('resync'), at: z.number() }),
  /**
   * Which engine speaks and in what role, at the end of each full round (just before its snapshotEnd) and alone
   * from a standby engine: Live Data tells clients `standby`, and a new active node (failover), a new day (the
   * counters restarted at zero) or a new configuration makes it `reset` the subscriptions.
   */
  z.object({
    kind: z.literal('engine'), at: z.number(), node: z.string().min(1).max(255), role: z.enum(['active', 'standby']),
    dayStartsAt: z.number().nonnegative(), configVersion: z.number().int().nonnegative(),
  }),
  /** The engine published every record after a resync or at its start: the consumer's view is whole. */
  z.object({ kind: z.literal('snapshotEnd'), at: z.number(), agents: z.number().int(), csqs: z.number().int(), teams: z.number().int() }),
]);
export type StatisticsMessage = z.infer<typeof StatisticsMessage>;
export type AgentRecord = z.infer<typeof AgentRecord>;
export type CsqRecord = z.infer<typeof CsqRecord>;
export type TeamRecord = z.infer<typeof TeamRecord>;
export type EngineAnnouncement = Extract<StatisticsMessage, { kind: 'engine' }>;
export type AgentStateName = (typeof AGENT_STATES)[number];

/** The routing key of a message: consumers may bind to `agent.#`, `csq.#` or `control.#`. */
export function topicOf(message: StatisticsMessage): string {
  switch (message.kind) {
    case 'team': return `team.${message.team.teamId}`;
    case 'teamRemoved': return `team.${message.teamId}`;
    case 'agent': return `agent.${message.agent.agentId}`;
    case 'agentRemoved': return `agent.${message.agentId}`;
    case 'csq': return `csq.${message.csq.csqId}`;
    case 'csqRemoved': return `csq.${message.csqId}`;
    case 'resync': return 'control.resync';
    case 'engine': return 'control.engine';
    case 'snapshotEnd': return 'control.snapshot-end';
  }
}

export const MAX_MESSAGE_BYTES = 64 * 1024;

export type DecodedMessage = { ok: true; message: StatisticsMessage } | { ok: false; reason: string };

/** Bytes from a broker to a message, or the reason it is refused; never throws. */
export function decodeStatisticsMessage(bytes: Uint8Array | string): DecodedMessage {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > MAX_MESSAGE_BYTES) return { ok: false, reason: `message of ${size} bytes is over ${MAX_MESSAGE_BYTES}` };
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = StatisticsMessage.safeParse(json);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
}

export function encodeStatisticsMessage(message: StatisticsMessage): Buffer {
  return Buffer.from(JSON.stringify(message));
}
