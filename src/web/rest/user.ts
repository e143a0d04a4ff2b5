// User (rest-api.md §3): GET /User/{id}, and PUT /User/{id} to sign in, change state and sign out — validated
// here, answered 202 at once, the outcome published as a User notification carrying the requestId (§2).
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { actingAs, requireUserReader } from '../auth/team-scope.ts';
import { FinesseApiError, invalidInput, parameterMissing } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, optionalText } from '../representation/fields.ts';
import type { StateChange } from '../users/agent-state-requests.ts';
import { supervisorChange } from '../users/supervisor-change.ts';
import { REQUESTABLE_STATES, type RequestedState } from '../users/transitions.ts';
import { userNode, type FinesseUser } from '../users/user.ts';
import { stringParam } from './common.ts';
import type { RestContext } from './context.ts';

const userNotFound = (userid: string) => new FinesseApiError(404, 'User Not Found', userid, 'The user was not found.');

function stateChangeOf(body: ReturnType<typeof bodyOf>): StateChange {
  const user = expectRoot(body, 'User');
  const state = optionalText(user, 'state');
  if (state === undefined || state === '') throw parameterMissing('state');
  if (!(REQUESTABLE_STATES as readonly string[]).includes(state)) throw invalidInput(state, 'Invalid State specified for user');
  const rawReason = optionalText(user, 'reasonCodeId');
  let reasonCodeId: number | undefined;
  if (rawReason !== undefined && rawReason !== '' && rawReason !== '-1') {
    reasonCodeId = /^[1-9][0-9]{0,9}$/.test(rawReason) ? Number(rawReason) : NaN;
    if (!Number.isSafeInteger(reasonCodeId)) throw invalidInput(rawReason, 'Invalid reasonCodeId specified');
  }
  if (optionalText(user, 'mobileAgent') !== undefined) throw invalidInput('mobileAgent', 'Mobile agents are not supported.');
  return { state: state as RequestedState, extension: optionalText(user, 'extension'), reasonCodeId };
}

export const userPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, users, agentStates, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  const find = async (userid: string): Promise<FinesseUser> => {
    const user = await users.get(userid);
    if (!user) throw userNotFound(userid);
    return user;
  };

  app.get('/User/:userId', async (request, reply) => {
    const userid = stringParam(request, 'userId');
    requireUserReader(principalOf(request), userid, teams);
    const user = await find(userid);
    return sendFinesse(request, reply, userNode(user, 'User', users.teamsOf(user.loginId)));
  });

  app.put('/User/:userId', async (request, reply) => {
    const userid = stringParam(request, 'userId');
    const role = actingAs(principalOf(request), userid, teams);
    const change = stateChangeOf(bodyOf(request));
    const header = request.headers.requestid;
    const requestId = typeof header === 'string' ? header : '';
    const user = await find(userid);
    const start = await agentStates.accept(user, role === 'supervisor' ? supervisorChange(user, change) : change, requestId);
    // Answer 202 at once: the outcome arrives as a User notification carrying this requestId.
    await reply.code(202).send();
    start();
    return reply;
  });
};
