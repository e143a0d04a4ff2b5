// How many of a CSQ's agents are in each state (telephony-and-routing.md §2.5, §3.8; cti.md §8.3 record R).
import type { AgentState } from '../resources/types.ts';

export interface AgentCounts {
  loggedOn: number;
  ready: number;
  notReady: number;
  reserved: number;
  talkingInbound: number;
  talkingOutbound: number;
  talkingInternal: number;
  work: number;
  workReady: number;
  busyOther: number;
}

export type AgentBucket = Exclude<keyof AgentCounts, 'loggedOn'>;

export const emptyAgentCounts = (): AgentCounts => ({
  loggedOn: 0, ready: 0, notReady: 0, reserved: 0, talkingInbound: 0, talkingOutbound: 0, talkingInternal: 0,
  work: 0, workReady: 0, busyOther: 0,
});

/**
 * The bucket an agent of CSQ `csqId` counts in. An agent reserved, talking or in wrap-up for a contact another CSQ
 * delivered is busy "other" here, as UCCE's BusyOther counts agents busy for another skill group *(inference)*.
 * Poise's ACD calls are all inbound, so talking is talkingInbound.
 */
export function bucketOf(state: AgentState, contactCsqId: number | undefined, csqId: number): AgentBucket | undefined {
  switch (state) {
    case 'LOGOUT': return undefined;
    case 'NOT_READY': return 'notReady';
    case 'READY': return 'ready';
    case 'RESERVED': return contactCsqId === undefined || contactCsqId === csqId ? 'reserved' : 'busyOther';
    case 'TALKING': return contactCsqId === undefined || contactCsqId === csqId ? 'talkingInbound' : 'busyOther';
    case 'WORK': return contactCsqId === undefined || contactCsqId === csqId ? 'work' : 'busyOther';
    case 'WORK_READY': return contactCsqId === undefined || contactCsqId === csqId ? 'workReady' : 'busyOther';
  }
}
