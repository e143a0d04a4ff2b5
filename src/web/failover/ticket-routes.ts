// The failover ticket over HTTP (Poise extension; docs/failover.md, "The desktop moves"):
//   POST /desktop/api/FailoverTicket         signed-in user, body <FailoverTicket><extension>…</extension></FailoverTicket>
//     → <FailoverTicket><ticket/><expiresAt/><validForSeconds/><node/></FailoverTicket>, for the peer node only
//   POST /desktop/api/FailoverTicket/Redeem  anonymous, body <FailoverTicket><ticket>…</ticket></FailoverTicket>
//     → <FailoverSignIn><id/><password/><extension/></FailoverSignIn>, once per ticket
// Errors in the ApiErrors form; neither answer may be cached.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { childText } from '../../shared/xml/index.ts';
import { parseBasicAuthorization } from '../../shared/basic-auth.ts';
import type { Logger } from '../../shared/logger.ts';
import { principalOf } from '../auth/hook.ts';
import { badRequest, invalidInput, notFound, parameterMissing } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { leaf, record } from '../representation/node.ts';
import { newTicketId, openTicket, sealTicket, ticketKey, type TicketProblem } from './ticket.ts';
import type { TicketLedger } from './ticket-ledger.ts';

export const FAILOVER_TICKET_PATH = '/desktop/api/FailoverTicket';

export interface FailoverTicketOptions {
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** undefined: this node issues and redeems no tickets. */
  clusterSecret: string | undefined;
  ticketSeconds: number;
  /** This node's public host: the audience a ticket must name to be redeemed here. */
  ownHost: string;
  /** The peer's public host: the audience of the tickets issued here; undefined on a single node. */
  peerHost: string | undefined;
  ledger: TicketLedger;
  log: Logger;
  now?: () => number;
}

const EXTENSION = /^\+?[0-9]{1,15}$/;

const PROBLEM_WORDS: Record<TicketProblem | 'reused', string> = {
  malformed: 'The failover ticket is not valid.',
  forged: 'The failover ticket is not valid.',
  expired: 'The failover ticket has expired.',
  'wrong-node': 'The failover ticket is for another node.',
  reused: 'The failover ticket has already been used.',
};

const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');

export const failoverTicketPlugin: FastifyPluginAsync<FailoverTicketOptions> = async (app, options) => {
  const now = options.now ?? Date.now;
  const key = options.clusterSecret === undefined ? undefined : ticketKey(options.clusterSecret);
  const requireKey = (): Buffer => {
    if (!key) throw notFound(FAILOVER_TICKET_PATH, 'This node issues no failover tickets: POISE_CLUSTER_SECRET is not set.');
    return key;
  };
  const textOf = (request: FastifyRequest, name: string): string => {
    const body = bodyOf(request);
    if (body.getName() !== 'FailoverTicket') throw badRequest(body.getName(), 'The body must be a FailoverTicket.');
    const text = childText(body, name)?.trim();
    if (!text) throw parameterMissing(name);
    return text;
  };

  await app.register(async (issue) => {
    issue.setErrorHandler(renderFinesseError);
    issue.addHook('onRequest', options.authenticate);
    issue.post(FAILOVER_TICKET_PATH, async (request, reply) => {
      const sealKey = requireKey();
      if (!options.peerHost) throw notFound(FAILOVER_TICKET_PATH, 'This node has no peer to fail over to.');
      const extension = textOf(request, 'extension');
      if (!EXTENSION.test(extension)) throw invalidInput(extension, 'An extension is made of digits only.');
      const credentials = parseBasicAuthorization(request.headers.authorization);
      // The hook has just checked these credentials; the ticket carries them as typed, the id as canonical.
      if (!credentials) throw badRequest('Authorization', 'Basic credentials are required.');
      const expiresAt = now() + options.ticketSeconds * 1000;
      const ticket = sealTicket({
        ticketId: newTicketId(), userId: principalOf(request).id, password: credentials.password, extension,
        audience: options.peerHost, expiresAt,
      }, sealKey);
      return sendFinesse(request, noStore(reply), record('FailoverTicket', [
        leaf('ticket', ticket), leaf('expiresAt', new Date(expiresAt).toISOString()),
        leaf('validForSeconds', options.ticketSeconds), leaf('node', options.peerHost),
      ]));
    });
  });

  await app.register(async (redeem) => {
    redeem.setErrorHandler(renderFinesseError);
    redeem.post(`${FAILOVER_TICKET_PATH}/Redeem`, async (request, reply) => {
      const openKey = requireKey();
      const ticket = textOf(request, 'ticket');
      const at = now();
      const opened = openTicket(ticket, openKey, options.ownHost, at);
      if (!opened.ok) {
        options.log.warn({ problem: opened.problem }, 'failover ticket refused');
        throw invalidInput('ticket', PROBLEM_WORDS[opened.problem]);
      }
      const { claims } = opened;
      if (!options.ledger.redeem(claims.ticketId, claims.expiresAt, at)) {
        options.log.warn({ user: claims.userId, problem: 'reused' }, 'failover ticket refused');
        throw invalidInput('ticket', PROBLEM_WORDS.reused);
      }
      options.log.info({ user: claims.userId }, 'failover ticket redeemed: the desktop moved to this node');
      return sendFinesse(request, noStore(reply), record('FailoverSignIn', [
        leaf('id', claims.userId), leaf('password', claims.password), leaf('extension', claims.extension),
      ]));
    });
  });
};
