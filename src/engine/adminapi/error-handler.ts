// Renders every failure in the apiErrors form of adminapi.md §1.4; anything not an AdminApiError is our bug: a
// logged 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AdminApiError, bodyTooLarge, malformed } from './errors.ts';
import { leaf, record, renderXml } from './xml.ts';

export function renderAdminError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let answer: AdminApiError;
  if (error instanceof AdminApiError) {
    answer = error;
    request.log.debug({ errorType: error.errorType, status: error.httpStatus }, 'configuration request refused');
  } else if (isFastifyError(error) && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    request.log.warn({ code: error.code }, 'configuration request body over the limit');
    answer = bodyTooLarge();
  } else if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
    request.log.warn({ code: error.code }, 'configuration request not well-formed');
    answer = malformed();
  } else {
    request.log.error({ err: error }, 'configuration request failed on a server error');
    answer = new AdminApiError(500, '500', 'Internal Server Error', '');
  }
  const body = record('apiErrors', [record('apiError', [
    leaf('errorData', answer.errorData), leaf('errorMessage', answer.errorMessage), leaf('errorType', answer.errorType),
  ])]);
  return reply.code(answer.httpStatus).type('application/xml; charset=utf-8').send(renderXml(body));
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('FST_');
}
