// Real-time statistics as JSON (adminapi.md §3.2 [Poise]): GET /poise/stats/csq[/{id}] and /poise/stats/agent[/{userID}],
// optional ?team={id}. Administrators see everything, supervisors their teams' CSQs and agents. Answers and
// errors are JSON (the JSON form of §1.4), Cache-Control no-store. A single id answers the list's envelope with
// one row, so readers parse one shape *(inference)*.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Engine } from '../engine.ts';
import type { Team } from '../resources/types.ts';
import { agentRow, csqRow } from '../stats/stats-json.ts';
import { AdminApiError, forbidden, instanceNotFound } from './errors.ts';
import { principalOf } from './principal.ts';

export const STATS_PREFIX = '/poise/stats';

interface Scope { readonly csqs: ReadonlySet<number> | undefined; readonly agents: ReadonlySet<string> | undefined }

function renderJsonError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let answer: AdminApiError;
  if (error instanceof AdminApiError) answer = error;
  else {
    request.log.error({ err: error }, 'statistics request failed on a server error');
    answer = new AdminApiError(500, '500', 'Internal Server Error', '');
  }
  return reply.code(answer.httpStatus).header('cache-control', 'no-store')
    .send({ apiError: [{ errorData: answer.errorData, errorMessage: answer.errorMessage, errorType: answer.errorType }] });
}

/** What the caller may see: everything, or the union of its teams; narrowed to ?team when given. */
function scopeOf(request: FastifyRequest, engine: Engine): Scope {
  const principal = principalOf(request);
  const teams = engine.config().teams;
  let visible: readonly Team[] | undefined = principal.administrator ? undefined
    : teams.filter((t) => t.primarySupervisor === principal.id || t.secondarySupervisors.includes(principal.id));
  const query = request.query as Record<string, unknown> | undefined;
  const wanted = typeof query?.team === 'string' ? query.team : undefined;
  if (wanted !== undefined) {
    const team = teams.find((t) => String(t.id) === wanted);
    if (!team) throw instanceNotFound(wanted);
    if (visible && !visible.includes(team)) throw forbidden(principal.id);
    visible = [team];
  }
  if (!visible) return { csqs: undefined, agents: undefined };
  return { csqs: new Set(visible.flatMap((t) => t.csqs)), agents: new Set(visible.flatMap((t) => t.agents)) };
}

export const statsPlugin: FastifyPluginAsync<{ engine: Engine }> = async (app, { engine }) => {
  app.setErrorHandler(renderJsonError);
  const envelope = (reply: FastifyReply, key: 'csqs' | 'agents', rows: unknown[]) => reply.header('cache-control', 'no-store')
    .send({ serverTime: engine.statistics.now, seq: engine.statistics.seq, dayStartsAt: engine.statistics.dayStartsAt, [key]: rows });

  const csqRows = (scope: Scope, only?: number) => [...engine.router.csqs()]
    .filter((c) => (only === undefined || c.id === only) && (!scope.csqs || scope.csqs.has(c.id)))
    .sort((a, b) => a.id - b.id)
    .map((c) => csqRow(c, engine.statistics.csq(c.id)!));

  const agentRows = (scope: Scope, only?: string) => [...engine.resources.agents()]
    .map((k) => k.resource.userId)
    .filter((id) => (only === undefined || id.toLowerCase() === only.toLowerCase()) && (!scope.agents || scope.agents.has(id)))
    .sort()
    .flatMap((id) => { const f = engine.statistics.agent(id); return f ? [agentRow(engine, id, f)] : []; });

  app.get(`${STATS_PREFIX}/csq`, async (request, reply) => envelope(reply, 'csqs', csqRows(scopeOf(request, engine))));
  app.get(`${STATS_PREFIX}/csq/:id`, async (request, reply) => {
    const raw = (request.params as { id: string }).id;
    const id = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!engine.router.csq(id)) throw instanceNotFound(raw);
    const rows = csqRows(scopeOf(request, engine), id);
    if (rows.length === 0) throw forbidden(principalOf(request).id);
    return envelope(reply, 'csqs', rows);
  });
  app.get(`${STATS_PREFIX}/agent`, async (request, reply) => envelope(reply, 'agents', agentRows(scopeOf(request, engine))));
  app.get(`${STATS_PREFIX}/agent/:userId`, async (request, reply) => {
    const userId = (request.params as { userId: string }).userId;
    if (![...engine.resources.agents()].some((k) => k.resource.userId.toLowerCase() === userId.toLowerCase())) {
      throw instanceNotFound(userId);
    }
    const rows = agentRows(scopeOf(request, engine), userId);
    if (rows.length === 0) throw forbidden(principalOf(request).id);
    return envelope(reply, 'agents', rows);
  });
};
