// The real-time statistics JSON of adminapi.md §3.2: CSQ and agent rows from the engine's live figures. Pure
// rendering; times in epoch ms, priority 1 first, absent values null.
import type { Engine } from '../engine.ts';
import type { Csq } from '../resources/types.ts';
import type { AgentFigures, CsqFigures } from './figures.ts';
import { serviceLevelPct } from './service-level.ts';

const average = (total: number, count: number): number | null => (count === 0 ? null : Math.round(total / count));

export function csqRow(csq: Csq, f: CsqFigures): Record<string, unknown> {
  const t = f.today;
  return {
    id: csq.id, name: csq.name, callsWaiting: f.callsWaiting, callsWaitingByPriority: [...f.waitingByPriority],
    oldestQueuedAt: f.oldestQueuedAt ?? null,
    agents: { ...f.agents },
    today: {
      presented: t.presented, handled: t.handled, abandoned: t.abandoned, dequeued: t.dequeued,
      handledWithinSL: t.handledWithinSL, abandonedWithinSL: t.abandonedWithinSL,
      queueMs: { ...t.queueMs }, talkMs: { ...t.talkMs }, handleMs: { ...t.handleMs },
      avgSpeedOfAnswerMs: average(t.queueMs.total, t.handled),
      serviceLevelPct: serviceLevelPct(t),
    },
  };
}

export function agentRow(engine: Engine, userId: string, f: AgentFigures): Record<string, unknown> {
  const known = engine.resources.byUserId(userId);
  const session = engine.agents.get(userId);
  const t = f.today;
  // the current state's time so far counts too, so the per-state times add up to the time since the day began
  const stateMs: Record<string, number> = { ...t.stateMs };
  const reasonMs: Record<string, number> = { ...t.reasonMs };
  const ongoing = engine.statistics.ongoingMs(f);
  stateMs[f.state] = (stateMs[f.state] ?? 0) + ongoing;
  if (f.reasonCode !== 0) reasonMs[f.reasonCode] = (reasonMs[f.reasonCode] ?? 0) + ongoing;
  return {
    userID: userId, extension: known?.resource.extension ?? null, teamId: known?.resource.teamId ?? null,
    csqIds: [...engine.router.csqsOf(userId)], state: session?.state ?? f.state,
    reasonCode: session && session.reasonCode !== 0 ? session.reasonCode : null,
    stateSince: session?.stateSince ?? null, pendingState: session?.pendingState ?? null,
    callId: session?.contactId ?? null,
    today: {
      presented: t.presented, handled: t.handled, rona: t.rona, talkMs: t.talkMs, holdMs: t.holdMs, workMs: t.workMs,
      avgHandleMs: average(t.handleMs, t.handled), stateMs, reasonMs,
    },
  };
}
