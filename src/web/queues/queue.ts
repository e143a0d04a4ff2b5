// The Finesse Queue object (rest-api.md §10) and its representation: name, the eleven statistics in ASCII order,
// uri. Built from record R of the engine's CSQ statistics (cti.md §8.3).
import type { CtiMessageOf } from '../../engine/cti/codec/index.ts';
import { leaf, record, type FinesseNode } from '../representation/node.ts';
import { uriOf } from '../rest/common.ts';

export interface FinesseQueue {
  readonly id: number;
  readonly name: string;
  readonly agentsBusyOther: number;
  readonly agentsLoggedOn: number;
  readonly agentsNotReady: number;
  readonly agentsReady: number;
  readonly agentsTalkingInbound: number;
  readonly agentsTalkingInternal: number;
  readonly agentsTalkingOutbound: number;
  readonly agentsWrapUpNotReady: number;
  readonly agentsWrapUpReady: number;
  readonly callsInQueue: number;
  /** Seconds since 1970 (T4); 0 when nobody waits. */
  readonly longestCallQueuedSince: number;
}

type CsqStatistics = Omit<CtiMessageOf<'POISE_CSQ_STATISTICS_EVENT'>, 'type'>;

/** WORK is wrap-up ending Not Ready, WORK_READY wrap-up ending Ready (telephony-and-routing.md §3.4). */
export function queueOf(r: CsqStatistics): FinesseQueue {
  return {
    id: r.csqId, name: r.csqName ?? '', agentsBusyOther: r.agentsBusyOther, agentsLoggedOn: r.agentsLoggedOn,
    agentsNotReady: r.agentsNotReady, agentsReady: r.agentsReady, agentsTalkingInbound: r.agentsTalkingInbound,
    agentsTalkingInternal: r.agentsTalkingInternal, agentsTalkingOutbound: r.agentsTalkingOutbound,
    agentsWrapUpNotReady: r.agentsWork, agentsWrapUpReady: r.agentsWorkReady, callsInQueue: r.callsInQueue,
    longestCallQueuedSince: r.longestCallQueuedSince,
  };
}

export const queueUri = (id: number): string => uriOf(`/Queue/${id}`);

/** rest-api.md §1.2: queue times without milliseconds; empty when no call waits *(inference)*. */
const startTime = (seconds: number): string => (seconds === 0 ? '' : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** The Queue element; notifications use the lowercase wrapper `queue`, as for `user` (§1.2). */
export function queueNode(q: FinesseQueue, name: 'Queue' | 'queue' = 'Queue'): FinesseNode {
  return record(name, [
    leaf('name', q.name),
    record('statistics', [
      leaf('agentsBusyOther', q.agentsBusyOther), leaf('agentsLoggedOn', q.agentsLoggedOn),
      leaf('agentsNotReady', q.agentsNotReady), leaf('agentsReady', q.agentsReady),
      leaf('agentsTalkingInbound', q.agentsTalkingInbound), leaf('agentsTalkingInternal', q.agentsTalkingInternal),
      leaf('agentsTalkingOutbound', q.agentsTalkingOutbound), leaf('agentsWrapUpNotReady', q.agentsWrapUpNotReady),
      leaf('agentsWrapUpReady', q.agentsWrapUpReady), leaf('callsInQueue', q.callsInQueue),
      leaf('startTimeOfLongestCallInQueue', startTime(q.longestCallQueuedSince)),
    ]),
    leaf('uri', queueUri(q.id)),
  ]);
}
