// ClientLog (rest-api.md §9): POST /User/{id}/ClientLog by the user itself, stored and then announced by a POST on
// /finesse/api/User/{id}/ClientLog (notifications.md §3.1); GET and PUT → 405.
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { requireSelf } from '../auth/principal.ts';
import { invalidInput, methodNotAllowed } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf } from '../http/send.ts';
import { expectRoot, optionalText } from '../representation/fields.ts';
import { parameterMissing } from '../errors.ts';
import { requestIdOf, stringParam } from './common.ts';
import { renderUpdate } from '../publisher/index.ts';
import { leaf, record } from '../representation/node.ts';
import { clientLogNode } from '../users/user.ts';
import type { RestContext } from './context.ts';

const MAX_LOG_CHARS = 1_048_576; // rest-api.md §1.5

export const clientLogPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, clientLogs, publisher }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  app.post('/User/:userId/ClientLog', async (request, reply) => {
    const principal = principalOf(request);
    requireSelf(principal, stringParam(request, 'userId'));
    const body = expectRoot(bodyOf(request), 'ClientLog');
    const logData = optionalText(body, 'logData');
    if (logData === undefined) throw parameterMissing('logData');
    if (logData.length > MAX_LOG_CHARS) throw invalidInput('logData', `logData is longer than ${MAX_LOG_CHARS} characters.`);
    const file = await clientLogs.write(principal.id, logData, new Date());
    request.log.info({ user: principal.id, file, chars: logData.length }, 'client log stored');
    // 202 (inference), then the POST event finesse.js clears its buffer on; the log itself is not echoed (payload
    // inference: the ClientLog collection's uri, under the lower-case wrapper notifications use).
    const node = clientLogNode(principal.id);
    publisher.publish(node, renderUpdate(record('clientLog', [leaf('uri', node)]), 'POST', requestIdOf(request), node));
    return reply.code(202).send();
  });

  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    app.route({
      method, url: '/User/:userId/ClientLog',
      config: { summary: 'Refused: 405 Method Not Allowed' },
      handler: async (request) => { throw methodNotAllowed(method, request.url); },
    });
  }
};
