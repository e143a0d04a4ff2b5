// Record R of the Poise statistics messages (cti.md §8.3) from a CSQ's live figures, and the UCCX agent queue
// statistics (§8.2). Pure: no sockets.
import type { Csq } from '../resources/types.ts';
import type { CsqFigures } from '../stats/figures.ts';
import type { CtiMessageOf } from './codec/index.ts';

export type CsqStatisticsRecord = Omit<CtiMessageOf<'POISE_CSQ_STATISTICS_EVENT'>, 'type'>;

/** T4 is whole seconds since 1970 (cti.md "Types"); 0 when nobody waits. */
const seconds = (ms: number | undefined): number => (ms === undefined ? 0 : Math.floor(ms / 1000));
const u2 = (n: number): number => Math.min(0xffff, Math.max(0, n));

export function csqStatisticsRecord(csq: Csq, figures: CsqFigures): CsqStatisticsRecord {
  const a = figures.agents;
  return {
    csqId: csq.id, agentsLoggedOn: u2(a.loggedOn), agentsReady: u2(a.ready), agentsNotReady: u2(a.notReady),
    agentsReserved: u2(a.reserved), agentsTalkingInbound: u2(a.talkingInbound), agentsTalkingOutbound: u2(a.talkingOutbound),
    agentsTalkingInternal: u2(a.talkingInternal), agentsWork: u2(a.work), agentsWorkReady: u2(a.workReady),
    agentsBusyOther: u2(a.busyOther), callsInQueue: figures.callsWaiting, longestCallQueuedSince: seconds(figures.oldestQueuedAt),
    csqName: csq.name.slice(0, 63),
  };
}

/** Over the agent's CSQs: contacts waiting and the age in seconds of the oldest (§8.2). */
export function agentQueueStatistics(figures: readonly CsqFigures[], now: number): { callsInQueue: number; oldestCallInQueue: number } {
  let callsInQueue = 0;
  let oldest: number | undefined;
  for (const f of figures) {
    callsInQueue += f.callsWaiting;
    const at = f.oldestQueuedAt;
    if (at !== undefined && (oldest === undefined || at < oldest)) oldest = at;
  }
  return { callsInQueue, oldestCallInQueue: oldest === undefined ? 0 : Math.max(0, Math.floor((now - oldest) / 1000)) };
}
