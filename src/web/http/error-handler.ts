// The one renderer of failures for every web plugin (STYLE.md: the `web` plugin's error handler renders
// FinesseApiError as XML and anything else as a logged 500).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FinesseApiError } from '../errors.ts';
import { sendApiError } from './send.ts';

export function renderFinesseError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof FinesseApiError) {
    if (error.httpStatus >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ errorType: error.errorType, status: error.httpStatus }, 'request refused');
    return sendApiError(request, reply, error);
  }
  if (isFastifyError(error) && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    request.log.warn({ code: error.code }, 'request body over the limit');
    return sendApiError(request, reply,
      new FinesseApiError(413, 'Maximum Exceeded', 'body', 'The request body is larger than the server accepts.'));
  }
  if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.warn({ code: error.code }, 'request not well-formed');
    return sendApiError(request, reply, new FinesseApiError(400, 'Bad Request', error.code, error.message));
  }
  // Errors of the static file plugins (a path outside their folder, a directory) carry their own client status.
  const status = clientStatusOf(error);
  if (status !== undefined) {
    request.log.debug({ status }, 'request refused by a file handler');
    return sendApiError(request, reply, status === 404 ? new FinesseApiError(404, 'Not Found', request.url, 'No such file.')
      : status === 403 ? new FinesseApiError(403, 'Forbidden', request.url, 'The file may not be read.')
        : new FinesseApiError(400, 'Bad Request', request.url, 'The request is not well-formed.'));
  }
  request.log.error({ err: error }, 'request failed on a server error');
  return sendApiError(request, reply,
    new FinesseApiError(500, 'Internal Server Error', '', 'The server could not complete the request.'));
}

function clientStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
  return code !== undefined && code >= 400 && code < 500 ? code : undefined;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('FST_');
}
