// /gadgets/makeRequest (desktop-and-gadgets.md §3.3), GET with a query or form POST: the gadget's request is sent
// on to its target only when the target is on the allow-list, never following a redirect, and the answer comes
// back wrapped. A refused, failed or timed-out request is an `rc` in the wrapper; bad parameters get HTTP 400.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AllowedTargets } from './allowed-targets.ts';
import type { ContainerContext } from './context.ts';
import { ownListenerOrigin } from './own-listener.ts';
import { acceptRawBodies, formParams } from './raw-bodies.ts';
import {
  isProxyMethod, renderProxyResponse, requestHeaders, responseHeaders, type ProxyEntry,
} from './proxy-response.ts';

const FAILURE_RC = { refused: 403, timeout: 504, 'too-large': 502, network: 502 } as const;

export const makeRequestPlugin: FastifyPluginAsync<ContainerContext> = async (app, context) => {
  acceptRawBodies(app);
  const targets = new AllowedTargets(context);
  const log = context.log.child({ component: 'gadget-proxy' });

  const badRequest = (reply: FastifyReply, message: string) =>
    reply.code(400).type('text/plain; charset=utf-8').send(message);

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const params = formParams(request);
    const url = params.get('url');
    if (!url) return badRequest(reply, 'The url parameter is missing');
    let target: URL;
    // A path alone is this node, on the listener the request came through.
    const own = url.startsWith('/') && !url.startsWith('//');
    try {
      target = new URL(url, ownListenerOrigin(app));
    } catch {
      return badRequest(reply, `The url parameter "${url}" is not a URL`);
    }
    const method = (params.get('httpMethod') ?? 'GET').toUpperCase();
    if (!isProxyMethod(method)) return badRequest(reply, `httpMethod ${method} is not supported`);
    const authz = (params.get('authz') ?? 'none').toLowerCase();
    if (authz !== '' && authz !== 'none') return badRequest(reply, `authz ${authz} is not supported; only none`);
    const headers = requestHeaders(params.get('headers'));
    const postData = params.get('postData');
    const body = method === 'GET' || method === 'HEAD' ? undefined : postData ?? '';
    if (body !== undefined && body !== '' && headers['content-type'] === undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    }
    const outbound = { url: target, method, headers, ...(body === undefined ? {} : { body }) };
    const result = own ? await targets.sendToSelf(outbound) : await targets.send(outbound);
    let entry: ProxyEntry;
    if (result.ok) {
      entry = {
        rc: result.status, body: method === 'HEAD' ? '' : result.body.toString('utf8'),
        headers: responseHeaders(result.headers, params.get('getFullHeaders') === 'true'),
      };
    } else {
      if (result.failure !== 'refused') log.info({ host: target.host, failure: result.failure }, 'proxied request failed');
      entry = { rc: FAILURE_RC[result.failure], body: result.message, headers: {} };
    }
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(renderProxyResponse(url, entry));
  };

  app.get('/gadgets/makeRequest', handle);
  app.post('/gadgets/makeRequest', handle);
};
