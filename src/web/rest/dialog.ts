// Dialog (rest-api.md §4): GET /User/{id}/Dialogs, GET /Dialog/{id}, POST /User/{id}/Dialogs (MAKE_CALL) and
// PUT /Dialog/{id} (call control, call data, wrap-up) — validated here, answered 202 at once, the outcome
// published as Dialog notifications carrying the requestId (§2).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { isAdministrator, requireSelfOrAdministrator, type Principal } from '../auth/principal.ts';
import { FinesseApiError, wrongUser } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { list } from '../representation/node.ts';
import { dialogNotFound } from '../dialogs/dialog-requests.ts';
import { parseDialogRequest, parseMakeCall } from '../dialogs/dialog-request-body.ts';
import { requestIdOf, stringParam } from './common.ts';
import type { RestContext } from './context.ts';

/** §1.3: only the agent itself acts on its dialogs; an administrator cannot make calls. */
function requireSelfActing(principal: Principal, userid: string): void {
  if (isAdministrator(principal) || principal.id.toLowerCase() !== userid.toLowerCase()) throw wrongUser(principal.id);
}

/** Dialog ids are call ids, digits only (§4.1); anything else names no dialog. */
function dialogIdParam(request: FastifyRequest): number {
  const raw = stringParam(request, 'dialogId');
  const id = /^[0-9]{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > 0xffffffff) throw dialogNotFound(raw);
  return id;
}

export const dialogPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, users, dialogs, dialogRequests }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  const requireUser = async (userid: string): Promise<string> => {
    const user = await users.get(userid);
    if (!user) throw new FinesseApiError(404, 'User Not Found', userid, 'The user was not found.');
    return user.loginId;
  };

  app.get('/User/:userId/Dialogs', async (request, reply) => {
    const userid = stringParam(request, 'userId');
    requireSelfOrAdministrator(principalOf(request), userid);
    const loginId = await requireUser(userid);
    const items = dialogs.dialogsOf(loginId).map((call) => dialogs.node(call));
    return sendFinesse(request, reply, list('Dialogs', 'Dialog', items));
  });

  app.get('/Dialog/:dialogId', async (request, reply) => {
    const id = dialogIdParam(request);
    const principal = principalOf(request);
    const call = dialogs.dialogOf(principal.id, id) ?? (isAdministrator(principal) ? dialogs.call(id) : undefined);
    if (!call) throw dialogs.exists(id) ? wrongUser(principal.id) : dialogNotFound(String(id));
    return sendFinesse(request, reply, dialogs.node(call));
  });

  app.post('/User/:userId/Dialogs', async (request, reply) => {
    const userid = stringParam(request, 'userId');
    const principal = principalOf(request);
    requireSelfActing(principal, userid);
    const makeCall = parseMakeCall(bodyOf(request));
    const start = dialogRequests.acceptMakeCall(principal.id, makeCall, requestIdOf(request));
    // Answer 202 at once: the outcome arrives as Dialog notifications carrying this requestId.
    await reply.code(202).send();
    start();
    return reply;
  });

  app.put('/Dialog/:dialogId', async (request, reply) => {
    const id = dialogIdParam(request);
    const principal = principalOf(request);
    if (isAdministrator(principal)) throw wrongUser(principal.id);
    const action = parseDialogRequest(bodyOf(request));
    const start = dialogRequests.acceptAction(principal.id, id, action, requestIdOf(request));
    await reply.code(202).send();
    start();
    return reply;
  });
};
