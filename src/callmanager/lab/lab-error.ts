import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export type LabErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL';

const STATUS: Record<LabErrorCode, number> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503, INTERNAL: 500,
};

/** The lab API's one error form: `{"error":{"code":"NOT_FOUND","message":"…"}}` (telephony-and-routing.md §4). */
export class LabError extends Error {
  constructor(readonly code: LabErrorCode, message: string) { super(message); }
  get status(): number { return STATUS[this.code]; }
}

export function sendLabError(reply: FastifyReply, error: LabError): FastifyReply {
  if (error.code === 'UNAUTHORIZED') reply.header('www-authenticate', 'Basic realm="Poise lab"');
  return reply.code(error.status).type('application/json').send({ error: { code: error.code, message: error.message } });
}

/** Validates a body or query against a schema, or throws a 400 naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new LabError('BAD_REQUEST', `${where}${issue?.message ?? 'invalid input'}`);
}
