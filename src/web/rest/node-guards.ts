// Answers that depend on the node, not on the resource. While SystemInfo says OUT_OF_SERVICE every other API
// answers 503 (rest-api.md §8, §1.4), before authentication, since nothing behind it can be trusted to answer.
// Configuration writes sent to the secondary node of a pair answer 403 Forbidden (§7, §1.4); reads are served there,
// and so are the writes that are not configuration (User, Dialog, ClientLog, TeamMessage).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FinesseApiError } from '../errors.ts';
import { API_PREFIX } from '../http/app.ts';
import { serviceUnavailable } from '../users/agent-state-requests.ts';
import type { SystemInfoSource } from './system-info.ts';

export interface NodeGuardOptions {
  systemInfo: SystemInfoSource;
  /** docs/failover.md: the node of a pair whose engine is not the master. */
  isSecondaryNode: () => boolean;
}

/** The administrator's resources of §6–§7: ReasonCode, WrapUpReason, PhoneBook and its contacts, … */
const CONFIGURATION = new RegExp(`^${API_PREFIX}/(?:(?:ReasonCode|WrapUpReason|PhoneBook|Workflow|WorkflowAction|`
  + 'MediaPropertiesLayout|LayoutConfig)(?:/|$)|Team/[^/]+/(?:LayoutConfig|ReasonCodes|WrapUpReasons|PhoneBooks|Workflows)$)');
const WRITES = new Set(['POST', 'PUT', 'DELETE']);

const pathOf = (request: FastifyRequest): string => request.url.split('?', 1)[0] ?? '';

export const isConfigurationWrite = (method: string, path: string): boolean => WRITES.has(method) && CONFIGURATION.test(path);

export const forbiddenOnSecondary = (path: string) =>
  new FinesseApiError(403, 'Forbidden', path, 'Configuration changes are made on the primary node.');

/** Adds both hooks to the scope that holds every REST resource. */
export function addNodeGuards(api: FastifyInstance, { systemInfo, isSecondaryNode }: NodeGuardOptions): void {
  api.addHook('onRequest', async (request) => {
    if (pathOf(request) === `${API_PREFIX}/SystemInfo`) return;
    if (systemInfo().status === 'OUT_OF_SERVICE') throw serviceUnavailable();
  });
  // After the resource's own authentication (its onRequest hook): a stranger still gets 401.
  api.addHook('preHandler', async (request) => {
    const path = pathOf(request);
    if (isSecondaryNode() && isConfigurationWrite(request.method, path)) throw forbiddenOnSecondary(path);
  });
}
