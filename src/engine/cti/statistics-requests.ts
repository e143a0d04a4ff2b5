// The statistics requests of the CTI server (cti.md §8.2, §8.3): QUERY_AGENT_QUEUE_STATISTICS (239/240) for every
// session; POISE_QUERY_CSQ_STATISTICS (4096/4097) for sessions granted POISE_SERVICE_EXTENSIONS, one CONF per CSQ
// with More set on all but the last. Unknown agent: FAILURE_CONF 8; unknown CSQ: FAILURE_CONF 93.
import type { Engine } from '../engine.ts';
import type { CsqFigures } from '../stats/figures.ts';
import { CtiStatus, NULL_ID, Service, type CtiMessage, type CtiMessageOf } from './codec/index.ts';
import { agentQueueStatistics, csqStatisticsRecord } from './csq-statistics.ts';

export type StatisticsRequest = CtiMessageOf<'QUERY_AGENT_QUEUE_STATISTICS_REQ' | 'POISE_QUERY_CSQ_STATISTICS_REQ'>;

export function isStatisticsRequest(message: CtiMessage): message is StatisticsRequest {
  return message.type === 'QUERY_AGENT_QUEUE_STATISTICS_REQ' || message.type === 'POISE_QUERY_CSQ_STATISTICS_REQ';
}

export function handleStatisticsRequest(engine: Engine, request: StatisticsRequest, servicesGranted: number, now: number): CtiMessage[] {
  const invokeId = request.invokeId;
  if (request.type === 'QUERY_AGENT_QUEUE_STATISTICS_REQ') {
    const agent = engine.resources.byUserId(request.agentId);
    if (!agent) return [{ type: 'FAILURE_CONF', invokeId, status: CtiStatus.INVALID_AGENT_DATA, text: 'no such agent' }];
    const figures = engine.router.csqsOf(agent.resource.userId)
      .map((id) => engine.statistics.csq(id)).filter((f): f is CsqFigures => f !== undefined);
    return [{ type: 'QUERY_AGENT_QUEUE_STATISTICS_CONF', invokeId, agentId: agent.resource.userId, ...agentQueueStatistics(figures, now) }];
  }
  if ((servicesGranted & Service.POISE_SERVICE_EXTENSIONS) === 0) {
    return [{ type: 'FAILURE_CONF', invokeId, status: CtiStatus.FUNCTION_NOT_AVAILABLE, text: 'POISE_SERVICE_EXTENSIONS not granted' }];
  }
  const csqs = request.csqId === NULL_ID ? [...engine.router.csqs()].sort((a, b) => a.id - b.id)
    : [engine.router.csq(request.csqId)].filter((c) => c !== undefined);
  if (csqs.length === 0) {
    return [{ type: 'FAILURE_CONF', invokeId, status: CtiStatus.INVALID_CSQ, text: request.csqId === NULL_ID ? 'no CSQ configured' : 'no such CSQ' }];
  }
  return csqs.map((csq, i) => ({
    type: 'POISE_QUERY_CSQ_STATISTICS_CONF', invokeId, more: i < csqs.length - 1,
    ...csqStatisticsRecord(csq, engine.statistics.csq(csq.id)!),
  }));
}
