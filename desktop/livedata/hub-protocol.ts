// How Live Data gadgets share the desktop's one Socket.IO connection over the OpenAjax hub
// (desktop-and-gadgets.md §6.3, inference: the original's topics are not public). One gadget is elected master and
// holds the connection; every report gadget asks it for its report and receives its rows on its own feed topic.
import type { LiveRow, ReportId, ReportView } from './rows.ts';

export const TOPICS = {
  /** An undecided gadget announces itself: `{mid}`. */
  hello: 'poise.livedata.hello',
  /** Undecided gadgets answer a hello, so a newcomer learns who is there: `{mid}`. */
  present: 'poise.livedata.present',
  /** The master names itself, on election and in answer to every hello: `{mid}`. */
  master: 'poise.livedata.master',
  /** Report gadgets to the master: SubscribeRequest | UnsubscribeRequest. */
  requests: 'poise.livedata.requests',
  /** The master to everyone: the connection's state. */
  status: 'poise.livedata.status',
} as const;

/** The master to one report gadget. */
export const feedTopic = (mid: string): string => `poise.livedata.feed.${mid}`;

export interface MidMessage { mid: string }

export interface SubscribeRequest {
  type: 'subscribe'; from: string; report: ReportId; view: ReportView;
  filter?: { teamIds?: string[]; csqIds?: string[]; agentIds?: string[] };
}
export interface UnsubscribeRequest { type: 'unsubscribe'; from: string }
export type LivedataRequest = SubscribeRequest | UnsubscribeRequest;

export type FeedMessage =
  | { type: 'snapshot'; serverTime: number; shortTermMin: number; longTermMin: number; rows: LiveRow[] }
  | { type: 'rows'; serverTime: number; upsert: LiveRow[]; remove: string[] }
  | { type: 'error'; code: string; message: string };

/** `live`: rows flowing; `degraded`: the service lost its statistics source; `unavailable`: no connection to it. */
export interface LivedataStatus { state: 'connecting' | 'live' | 'degraded' | 'standby' | 'unavailable'; activeNode?: string; message?: string }

/** The part of the OpenAjax hub client a Live Data gadget uses (gadgets.Hub). */
export interface HubLike {
  subscribe(topic: string, onData: (topic: string, data: unknown) => void): unknown;
  publish(topic: string, data: unknown): void;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

export const midOf = (data: unknown): string | undefined =>
  isObject(data) && typeof data.mid === 'string' && data.mid !== '' ? data.mid : undefined;

/** A request off the hub, checked: another gadget's bytes are not trusted. */
export function parseRequest(data: unknown): LivedataRequest | undefined {
  if (!isObject(data) || typeof data.from !== 'string' || data.from === '' || !/^[\w-]+$/.test(data.from)) return undefined;
  if (data.type === 'unsubscribe') return { type: 'unsubscribe', from: data.from };
  if (data.type !== 'subscribe' || typeof data.report !== 'string' || typeof data.view !== 'string') return undefined;
  const request: SubscribeRequest = { type: 'subscribe', from: data.from, report: data.report as ReportId, view: data.view as ReportView };
  if (isObject(data.filter)) request.filter = data.filter as NonNullable<SubscribeRequest['filter']>;
  return request;
}
