// The failover ticket (docs/failover.md, "The desktop moves"): what lets a desktop that lost its node sign in on the
// peer without asking for the password again. The user's id, password and extension, sealed with AES-256-GCM
// under a key derived from the secret the nodes of a cluster share, for one node (the peer) and a few minutes.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface TicketClaims {
  /** Random; the redeeming node remembers it until expiry so a ticket signs in once. */
  ticketId: string;
  userId: string;
  password: string;
  extension: string;
  /** The node that may redeem it: its public host (the issuer's POISE_PEER_HOST). */
  audience: string;
  /** Epoch ms. */
  expiresAt: number;
}

export type TicketProblem = 'malformed' | 'forged' | 'expired' | 'wrong-node';
export type OpenedTicket = { ok: true; claims: TicketClaims } | { ok: false; problem: TicketProblem };

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Far above any real ticket (about 300 characters), so a huge body is refused before any work. */
export const MAX_TICKET_CHARS = 4096;
// Binds the ciphertext to its purpose: a blob sealed for anything else under the same secret does not open.
const ASSOCIATED_DATA = Buffer.from('poise failover ticket v1');

/** A 256-bit key for tickets only, so the cluster secret can serve other purposes without key reuse. */
export function ticketKey(clusterSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(clusterSecret, 'utf8'), Buffer.from('poise-cluster'),
    Buffer.from('failover-ticket'), 32));
}

export const newTicketId = (): string => randomBytes(16).toString('base64url');

export function sealTicket(claims: TicketClaims, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(ASSOCIATED_DATA);
  const plain = Buffer.from(JSON.stringify({
    t: claims.ticketId, u: claims.userId, p: claims.password, x: claims.extension, a: claims.audience, e: claims.expiresAt,
  }), 'utf8');
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${sealed.toString('base64url')}`;
}

/** Opens and checks a ticket for the node `audience` at `now`; reuse is the ledger's business (ticket-ledger.ts). */
export function openTicket(ticket: string, key: Buffer, audience: string, now: number): OpenedTicket {
  if (ticket.length > MAX_TICKET_CHARS || !ticket.startsWith(`${VERSION}.`)) return { ok: false, problem: 'malformed' };
  const body = ticket.slice(VERSION.length + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return { ok: false, problem: 'malformed' };
  const sealed = Buffer.from(body, 'base64url');
  if (sealed.length <= IV_BYTES + TAG_BYTES) return { ok: false, problem: 'malformed' };
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
      .setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return { ok: false, problem: 'forged' }; // another secret, or any bit changed
  }
  const claims = claimsOf(plain);
  if (!claims) return { ok: false, problem: 'malformed' };
  if (claims.expiresAt <= now) return { ok: false, problem: 'expired' };
  if (claims.audience.toLowerCase() !== audience.toLowerCase()) return { ok: false, problem: 'wrong-node' };
  return { ok: true, claims };
}

function claimsOf(plain: Buffer): TicketClaims | undefined {
  let value: unknown;
  try { value = JSON.parse(plain.toString('utf8')); } catch { return undefined; }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = (name: string): string | undefined => (typeof v[name] === 'string' ? v[name] : undefined);
  const [ticketId, userId, password, extension, audience] = ['t', 'u', 'p', 'x', 'a'].map(text);
  if (ticketId === undefined || userId === undefined || password === undefined || extension === undefined
    || audience === undefined || typeof v.e !== 'number') return undefined;
  return { ticketId, userId, password, extension, audience, expiresAt: v.e };
}
