// SystemInfo (rest-api.md §8): this node's status and where its notification service is. Anonymous (§11 E5),
// since desktops read it before sign-in; readable from any origin, since a desktop that lost its node polls its
// peer's from the page of the lost one (docs/failover.md, "The desktop moves"). No credentials cross: `*` forbids them.
import type { FastifyPluginAsync } from 'fastify';
import { renderFinesseError } from '../http/error-handler.ts';
import { sendFinesse } from '../http/send.ts';
import { leaf, record, type FinesseNode } from '../representation/node.ts';
import { uriOf } from './common.ts';
import type { RestContext } from './context.ts';

export interface SystemInfoNode { host: string; httpsPort: number; xmppPort: number; xmppSecurePort: number }

export interface SystemInfoState {
  status: 'IN_SERVICE' | 'OUT_OF_SERVICE';
  statusReason: string;
  primaryNode: SystemInfoNode;
  /** undefined: a single node (rest-api.md §8). */
  secondaryNode: SystemInfoNode | undefined;
  xmppDomain: string;
  /** Minutes east of UTC. */
  timezoneOffset: number;
  now: Date;
}

export type SystemInfoSource = () => SystemInfoState;

const nodeElement = (name: string, n: SystemInfoNode): FinesseNode => record(name, [
  leaf('host', n.host), leaf('httpsPort', n.httpsPort), leaf('xmppPort', n.xmppPort), leaf('xmppSecurePort', n.xmppSecurePort),
]);

export function systemInfoNode(s: SystemInfoState): FinesseNode {
  return record('SystemInfo', [
    leaf('currentTimestamp', s.now.toISOString()),
    leaf('deploymentType', 'UCCX'),
    leaf('license', ''),
    nodeElement('primaryNode', s.primaryNode),
    ...(s.secondaryNode ? [nodeElement('secondaryNode', s.secondaryNode)] : []),
    leaf('status', s.status),
    leaf('statusReason', s.statusReason),
    leaf('systemAuthMode', 'NON_SSO'),
    leaf('timezoneOffset', s.timezoneOffset),
    leaf('uri', uriOf('/SystemInfo')),
    leaf('xmppDomain', s.xmppDomain),
    leaf('xmppPubSubDomain', `pubsub.${s.xmppDomain}`),
  ]);
}

export const systemInfoPlugin: FastifyPluginAsync<RestContext> = async (app, { systemInfo }) => {
  app.setErrorHandler(renderFinesseError);
  const getConfig = { anonymous: true, summary: 'This node\'s status and where its notification service is' };
  app.get('/SystemInfo', { config: getConfig }, async (request, reply) =>
    sendFinesse(request, reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store'), systemInfoNode(systemInfo())));
  // The preflight a browser sends when the page adds a header of its own (requestId) to the GET.
  const preflightConfig = { anonymous: true, summary: 'CORS preflight, for every origin' };
  app.options('/SystemInfo', { config: preflightConfig }, async (_request, reply) => reply.code(204).headers({
    'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET',
    'access-control-allow-headers': 'accept, requestid', 'access-control-max-age': '600',
  }).send());
};
