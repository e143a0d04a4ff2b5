// Queue (rest-api.md §10): GET /Queue/{id} and GET /User/{id}/Queues, for any signed-in user. An agent's queues are
// the CSQs the engine reports for it (QUERY_AGENT_STATE_CONF); a supervisor gets every queue, since web does not
// read team membership yet and a supervisor's teams may span them all *(inference)*.
import type { FastifyPluginAsync } from 'fastify';
import { FinesseApiError, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { sendFinesse } from '../http/send.ts';
import { list } from '../representation/node.ts';
import { queueNode } from '../queues/queue.ts';
import { idParam, stringParam } from './common.ts';
import type { RestContext } from './context.ts';

const userNotFound = (userid: string) => new FinesseApiError(404, 'User Not Found', userid, 'The user was not found.');

export const queuePlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, users, queues }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  app.get('/Queue/:queueId', async (request, reply) => {
    const id = idParam(request, 'queueId', 'queue');
    const queue = await queues.get(id);
    if (!queue) throw notFound(String(id), 'Queue not found');
    return sendFinesse(request, reply, queueNode(queue));
  });

  app.get('/User/:userId/Queues', async (request, reply) => {
    const userid = stringParam(request, 'userId');
    const user = await users.get(userid);
    if (!user) throw userNotFound(userid);
    const all = await queues.all();
    const ids = user.roles.includes('Supervisor') ? undefined : new Set(await users.csqsOf(user.loginId));
    const mine = ids ? all.filter((q) => ids.has(q.id)) : all;
    return sendFinesse(request, reply, list('Queues', 'Queue', mine.map((q) => queueNode(q))));
  });
};
