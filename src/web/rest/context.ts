import type { FastifyRequest } from 'fastify';
import type { WebConfigStore } from '../store/index.ts';
import type { SystemInfoSource } from './system-info.ts';
import type { ClientLogSink } from '../client-log-sink.ts';
import type { AgentStateRequests } from '../users/agent-state-requests.ts';
import type { UserCache } from '../users/user-cache.ts';
import type { DialogCache } from '../dialogs/dialog-cache.ts';
import type { DialogRequests } from '../dialogs/dialog-requests.ts';
import type { QueueCache } from '../queues/queue-cache.ts';
import type { TeamDirectory } from '../teams/team-directory.ts';
import type { TeamMessageBoard } from '../teams/team-message-board.ts';
import type { Publisher } from '../publisher/index.ts';

/** What every REST resource plugin receives (its plugin options). */
export interface RestContext {
  /** The authentication onRequest hook (rest-api.md §1.3); anonymous resources do not add it. */
  authenticate: (request: FastifyRequest) => Promise<void>;
  store: WebConfigStore;
  systemInfo: SystemInfoSource;
  clientLogs: ClientLogSink;
  users: UserCache;
  agentStates: AgentStateRequests;
  dialogs: DialogCache;
  dialogRequests: DialogRequests;
  queues: QueueCache;
  /** The engine's teams (supervisors' scope, Team and Users resources). */
  teams: TeamDirectory;
  /** Supervisors' broadcasts to their teams (TeamMessage, rest-api.md §5.3). */
  teamMessages: TeamMessageBoard;
  /** The notifications a resource sends itself (ClientLog, rest-api.md §9). */
  publisher: Publisher;
}
