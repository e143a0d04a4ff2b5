// The replication protocol's messages, one JSON text frame each, and nothing of sockets. The master speaks
// first with a fresh nonce; the standby answers with its own and an HMAC of both under the cluster secret; only
// then does the master send its snapshot, carrying its own HMAC, so each side knows the other holds the secret
// before it gives or takes state. Then deltas, numbered one by one from the snapshot's seq.
//
//   master  → standby   hello     { version, role, nonce }         role standby: nothing follows, the socket closes
//   standby → master    subscribe { version, nonce, proof }
//   master  → standby   snapshot  { version, seq, proof, takenAt, state }
//   master  → standby   delta     { seq, ...changed rows }
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { REPLICA_FORMAT_VERSION, ReplicaDeltaSchema, ReplicaStateSchema } from './replica-state.ts';

const nonce = z.string().regex(/^[0-9a-f]{32}$/);
const proof = z.string().regex(/^[0-9a-f]{64}$/);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Checked apart from the rest, so a peer of another version hears why instead of a shape error. */
const version = z.number().int().min(1).max(0xffff);

const HelloSchema = z.strictObject({ type: z.literal('hello'), version, role: z.enum(['master', 'standby']), nonce });
const SubscribeSchema = z.strictObject({ type: z.literal('subscribe'), version, nonce, proof });
const SnapshotSchema = z.strictObject({
  type: z.literal('snapshot'), version, seq, proof, takenAt: z.number().int().min(0), state: ReplicaStateSchema,
});
const DeltaSchema = ReplicaDeltaSchema.extend({ type: z.literal('delta'), seq });

export type Hello = z.infer<typeof HelloSchema>;
export type Subscribe = z.infer<typeof SubscribeSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Delta = z.infer<typeof DeltaSchema>;
export type MasterMessage = Hello | Snapshot | Delta;
export type StandbyMessage = Subscribe;

/** WebSocket close codes of the protocol (4000–4999 are the application's). */
export const CloseCode = {
  BAD_MESSAGE: 4000,
  WRONG_SECRET: 4001,
  WRONG_VERSION: 4002,
  STANDBY: 4003,
  TOO_SLOW: 4004,
  OUT_OF_ORDER: 4005,
} as const;

export type Decoded<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

const MasterMessageSchema = z.discriminatedUnion('type', [HelloSchema, SnapshotSchema, DeltaSchema]);

export function decodeMasterMessage(text: string): Decoded<MasterMessage> {
  return decodeWith(MasterMessageSchema, text);
}

export function decodeStandbyMessage(text: string): Decoded<StandbyMessage> {
  return decodeWith(SubscribeSchema, text);
}

export function encodeMessage(message: MasterMessage | StandbyMessage): string {
  return JSON.stringify(message);
}

function decodeWith<T>(schema: z.ZodType<T>, text: string): Decoded<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message' };
}

export function isSupportedVersion(v: number): boolean { return v === REPLICA_FORMAT_VERSION; }

export function newNonce(): string { return randomBytes(16).toString('hex'); }

/** Which side proves itself: the labels differ so that one side's proof is never the other's. */
export type ProofLabel = 'subscribe' | 'snapshot';

export function proofOf(secret: string, label: ProofLabel, masterNonce: string, standbyNonce: string): string {
  return createHmac('sha256', secret).update(`${label}:${masterNonce}:${standbyNonce}`).digest('hex');
}

export function proofMatches(secret: string, label: ProofLabel, masterNonce: string, standbyNonce: string, given: string): boolean {
  const expected = Buffer.from(proofOf(secret, label, masterNonce, standbyNonce), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A frame's text, or undefined when it is not UTF-8 (ws hands a frame as one Buffer, fragments or an ArrayBuffer). */
export function utf8Text(data: Buffer | ArrayBuffer | Buffer[]): string | undefined {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
