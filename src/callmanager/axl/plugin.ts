// The AXL service as an encapsulated Fastify plugin: POST /axl/ (SOAP), GET /axl/ (status page) and
// GET /axl/?wsdl. Its own body parser, limit and error handler keep every failure in the AXL fault form.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AxlAccess, Directory } from '../directory/index.ts';
import { AUTHENTICATE_HEADER, authorize } from './authorize.ts';
import { internal, malformed } from './faults.ts';
import { faultReply, handleAxl, type AxlReply } from './service.ts';
import { AxlSessions, SESSION_COOKIE } from './sessions.ts';
import { parseSoapAction } from './versions.ts';
import { renderWsdl } from './wsdl.ts';

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024; // axl.md §3: a body over 2 MiB is refused
export const DEFAULT_MAX_ROWS = 10_000; // axl.md §4: more results without `first` is the -1 fault

export interface AxlPluginOptions {
  directory: Directory;
  /** getCCMVersion's answer, e.g. '12.5.1.10000-22'. */
  ccmVersion: string;
  log: Logger;
  maxBodyBytes?: number | undefined;
  maxRows?: number | undefined;
  sessionIdleMs?: number | undefined;
}

interface RequestState {
  user?: string | undefined;
  access?: AxlAccess | undefined;
  operation?: string | undefined;
  outcome?: string | undefined;
}

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export const axlPlugin: FastifyPluginAsync<AxlPluginOptions> = async (app, options) => {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const service = { directory: options.directory, ccmVersion: options.ccmVersion, maxRows: options.maxRows ?? DEFAULT_MAX_ROWS };
  const sessions = new AxlSessions(options.sessionIdleMs);
  const log = options.log;
  const states = new WeakMap<FastifyRequest, RequestState>();
  const stateOf = (request: FastifyRequest): RequestState => {
    let state = states.get(request);
    if (!state) states.set(request, (state = {}));
    return state;
  };

  const send = (request: FastifyRequest, reply: FastifyReply, result: AxlReply): FastifyReply => {
    const state = stateOf(request);
    state.operation = result.operation;
    state.outcome = result.outcome;
    return reply.code(result.status).header('content-type', result.contentType).send(result.body);
  };

  // Every body is read as bytes, whatever its content type: the SOAP decoder decides what it is.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBodyBytes }, (_request, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const clientError = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500;
    const operation = stateOf(request).operation ?? parseSoapAction(header(request.headers.soapaction))?.operation;
    if (clientError) log.warn({ err: { code: err.code, message: err.message }, operation }, 'AXL request refused');
    else log.error({ err, operation }, 'AXL request failed');
    const reason = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `the body is larger than ${maxBodyBytes} bytes` : err.message;
    return send(request, reply, faultReply(clientError ? malformed(reason) : internal(), operation));
  });

  app.addHook('onResponse', async (request, reply) => {
    const state = stateOf(request);
    log.info({
      operation: state.operation, user: state.user, outcome: state.outcome ?? String(reply.statusCode),
      status: reply.statusCode, durationMs: Math.round(reply.elapsedTime),
    }, 'AXL request');
  });

  const authenticate = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const result = await authorize(options.directory, sessions, {
      authorization: header(request.headers.authorization), cookie: header(request.headers.cookie),
    });
    const state = stateOf(request);
    state.user = result.userid;
    if (!result.ok) {
      state.outcome = result.status === 401 ? 'unauthorized' : 'session expired';
      if (result.status === 401) reply.header('www-authenticate', AUTHENTICATE_HEADER);
      await reply.code(result.status).send();
      return;
    }
    state.access = result.access;
    if (result.newSession) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      reply.header('set-cookie', `${SESSION_COOKIE}=${result.newSession}; Path=/; HttpOnly${secure}`);
    }
  };

  app.post('/axl/', { bodyLimit: maxBodyBytes, onRequest: authenticate }, async (request, reply) => {
    const state = stateOf(request);
    const body = request.body instanceof Uint8Array ? request.body : new Uint8Array();
    const result = await handleAxl(service, {
      body, soapAction: header(request.headers.soapaction), access: state.access ?? 'read-only', log,
    });
    return send(request, reply, result);
  });

  app.get('/axl/', async (request, reply) => {
    const query = request.query;
    const wantsWsdl = typeof query === 'object' && query !== null && Object.keys(query).some((k) => k.toLowerCase() === 'wsdl');
    if (wantsWsdl) {
      return reply.header('content-type', 'text/xml;charset=UTF-8').send(renderWsdl(`${request.protocol}://${request.host}/axl/`));
    }
    return reply.header('content-type', 'text/html;charset=UTF-8')
      .send('<html><head><title>AXL</title></head><body><p>AXL service is running.</p></body></html>');
  });
};
