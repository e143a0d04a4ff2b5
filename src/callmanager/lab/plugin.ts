// The lab API (telephony-and-routing.md §4): JSON under /lab/, administrators only, loopback only unless allowed.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { SwitchableClock } from '../../shared/clock.ts';
import { CredentialCache, parseBasicAuthorization, type BasicCredentials } from '../../shared/basic-auth.ts';
import type { Logger } from '../../shared/logger.ts';
import type { CallEvent } from '../calls/types.ts';
import { TelephonyError } from '../calls/errors.ts';
import { LabError, sendLabError } from './lab-error.ts';
import { EventLog } from './event-log.ts';
import { LabCallNotes } from './lab-call-notes.ts';
import type { LabTelephony } from './lab-telephony.ts';
import type { LoadRun } from './load-runner.ts';
import { registerCallRoutes } from './routes-calls.ts';
import { registerControlRoutes } from './routes-control.ts';
import { registerDeviceRoutes } from './routes-devices.ts';

export interface LabPluginOptions {
  telephony: LabTelephony;
  clock: SwitchableClock;
  /** Resolves to the user's roles, or null for wrong credentials. */
  authenticate: (credentials: BasicCredentials) => Promise<{ roles: readonly string[] } | null>;
  /** A device a person (a robot in load runs) sits at: agents' desk phones. */
  isPersonsPhone: (device: string) => boolean;
  allowRemote: boolean;
  longPollMs: number;
  log: Logger;
}

const ADMINISTRATOR_ROLE = 'Administrator';
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Mapping of the call model's JTAPI exceptions onto the lab's HTTP errors. */
function labErrorFrom(err: TelephonyError): LabError {
  switch (err.kind) {
    case 'InvalidState': return new LabError('CONFLICT', err.message);
    case 'InvalidArgument':
    case 'InvalidParty': return new LabError('BAD_REQUEST', err.message);
    case 'ResourceUnavailable': return new LabError('UNAVAILABLE', err.message);
    case 'PrivilegeViolation': return new LabError('FORBIDDEN', err.message);
    case 'MethodNotSupported': return new LabError('BAD_REQUEST', err.message);
  }
}

export const labPlugin: FastifyPluginAsync<LabPluginOptions> = async (app: FastifyInstance, options) => {
  const credentials = new CredentialCache<readonly string[]>(30_000);
  const events = new EventLog<CallEvent>();
  const unsubscribe = options.telephony.subscribe((event) => events.push(event));
  const notes = new LabCallNotes(options.telephony, options.clock, options.isPersonsPhone);
  const runs = new Map<string, LoadRun>();

  app.addHook('onClose', async () => {
    for (const run of runs.values()) run.stop();
    notes.close();
    events.close();
    unsubscribe();
  });

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof LabError) return sendLabError(reply, err);
    if (err instanceof TelephonyError) return sendLabError(reply, labErrorFrom(err));
    const status = err instanceof Error && 'statusCode' in err ? err.statusCode : undefined;
    if (status === 400 || status === 413 || status === 415) {
      // Fastify's own refusals: a body that is not JSON, too large, or of another type.
      return sendLabError(reply, new LabError('BAD_REQUEST', (err as Error).message));
    }
    request.log.error({ err }, 'lab request failed');
    return sendLabError(reply, new LabError('INTERNAL', 'internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendLabError(reply, new LabError('NOT_FOUND', `no lab resource ${request.method} ${request.url}`)));

  app.addHook('onRequest', async (request) => {
    if (!options.allowRemote && !LOOPBACK.test(request.socket.remoteAddress ?? '')) {
      throw new LabError('FORBIDDEN', 'the lab API answers loopback clients only');
    }
    const given = parseBasicAuthorization(request.headers.authorization);
    if (!given) throw new LabError('UNAUTHORIZED', 'administrator credentials required (HTTP Basic)');
    let roles = credentials.get(given);
    if (!roles) {
      const principal = await options.authenticate(given);
      if (!principal) throw new LabError('UNAUTHORIZED', 'wrong user id or password');
      roles = principal.roles;
      credentials.set(given, roles);
    }
    if (!roles.includes(ADMINISTRATOR_ROLE)) throw new LabError('FORBIDDEN', 'the lab API is for administrators');
  });

  registerCallRoutes(app, { telephony: options.telephony, clock: options.clock, notes });
  registerDeviceRoutes(app, options.telephony);
  registerControlRoutes(app, {
    telephony: options.telephony, clock: options.clock, events, longPollMs: options.longPollMs,
    isRobotPhone: options.isPersonsPhone, runs, onReset: () => notes.clear(),
  });
};
