// What the router tells its observers about contacts (telephony-and-routing.md §3.4): enough for statistics to
// keep every figure of §3.8 by increments, never by scanning queues or agents.
import type { QueueEntry } from './contact-queue.ts';
import type { Reservation } from './router.ts';

export type ContactEvent =
  /** A new contact asks for an agent in these CSQs: presented to each (§3.8). */
  | { readonly type: 'OFFERED'; readonly contactId: string; readonly csqIds: readonly number[] }
  /** An entry joined or left a CSQ's queue (queued, reserved, RONA, abandoned). */
  | { readonly type: 'ENTERED'; readonly entry: QueueEntry }
  | { readonly type: 'LEFT'; readonly entry: QueueEntry }
  /** An agent is about to be reserved for the contact. */
  | { readonly type: 'RESERVED'; readonly reservation: Reservation }
  /** The reserved agent answered; `queuedAt` is the contact's first entry into a queue. */
  | { readonly type: 'ANSWERED'; readonly reservation: Reservation; readonly queuedAt: number }
  | { readonly type: 'RONA'; readonly reservation: Reservation }
  /** The caller hung up before an agent answered. */
  | {
    readonly type: 'ABANDONED'; readonly contactId: string; readonly csqIds: readonly number[];
    readonly queuedAt: number; readonly reservation: Reservation | undefined;
  };

export type ContactObserver = (event: ContactEvent) => void;
