// A started node seen from a CTI client and the call manager's lab API: open sessions, sign agents in and out,
// place customer calls, and read the lab's call-model events. Demo agents: agent1…agent5 (1001…1005) serve
// trigger 7001 (CSQ Sales), agent6…agent10 (1006…1010) trigger 7002 (CSQ Support); both CSQs have Automatic Work.
import assert from 'node:assert/strict';
import { CtiClient, type CtiClientOptions, type CtiRequest } from '../../src/engine/cti/client.ts';
import type { CtiMessage, CtiMessageOf } from '../../src/engine/cti/codec/index.ts';
import { isEngineService, type EngineService } from '../../src/engine/index.ts';
import type { CallEvent } from '../../src/callmanager/calls/types.ts';
import { basicAuth, startTestNode, type TestNode } from './test-node.ts';

export const CUSTOMER = '+14155550100';

export interface CtiLab {
  readonly node: TestNode;
  readonly engine: EngineService;
  /** Opens a session (bridge mode unless `options` say otherwise) and takes its SYSTEM_EVENT. */
  open(clientId: string, options?: Partial<CtiClientOptions>): Promise<CtiClient>;
  /** POST to the lab API as the administrator; the parsed JSON reply and its status. */
  lab(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** GET from the lab API as the administrator. */
  labGet(path: string): Promise<Record<string, unknown>>;
  /** Call-model events the lab has seen. */
  labEvents(): Promise<CallEvent[]>;
  close(): Promise<void>;
}

export async function startCtiLab(): Promise<CtiLab> {
  const node = await startTestNode();
  const engine = node.node.services.find(isEngineService);
  assert.ok(engine);
  const clients: CtiClient[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${node.cmUrl}${path}`, {
      method, headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: reply.status, body: await reply.json() as Record<string, unknown> };
  };
  return {
    node, engine,
    async open(clientId, options = {}) {
      const { client, reply } = await CtiClient.open({ host: '127.0.0.1', port: engine.ctiPort, clientId, ...options });
      assert.equal(reply.type, 'OPEN_CONF', JSON.stringify(reply));
      assert.equal((await client.nextEvent()).type, 'SYSTEM_EVENT');
      clients.push(client);
      return client;
    },
    lab: (path, body = {}) => call('POST', path, body),
    labGet: async (path) => (await call('GET', path)).body,
    async labEvents() {
      const { body } = await call('GET', '/lab/events?since=0&waitMs=0');
      return body['events'] as CallEvent[];
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await node.close();
    },
  };
}

/** Sends a request and checks the reply's type; returns the reply. */
export async function expectReply<T extends CtiMessage['type']>(cti: CtiClient, request: CtiRequest, type: T): Promise<CtiMessageOf<T>> {
  const reply = await cti.request(request);
  assert.equal(reply.type, type, JSON.stringify(reply));
  return reply as CtiMessageOf<T>;
}

export function setAgentState(cti: CtiClient, agentId: string, extension: string, agentState: 'LOGIN' | 'READY' | 'NOT_READY' | 'LOGOUT'): Promise<CtiMessage> {
  return cti.request({
    type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0,
    eventReasonCode: agentState === 'NOT_READY' || agentState === 'LOGOUT' ? 1 : 0, forcedFlag: 0, agentServiceReq: 0,
    agentInstrument: extension, agentId,
  });
}

/** Signs the agent in and makes it READY, taking its two AGENT_STATE_EVENTs. */
export async function ready(cti: CtiClient, agentId: string, extension: string): Promise<void> {
  assert.equal((await setAgentState(cti, agentId, extension, 'LOGIN')).type, 'SET_AGENT_STATE_CONF');
  await agentEvent(cti, agentId, 'NOT_READY');
  assert.equal((await setAgentState(cti, agentId, extension, 'READY')).type, 'SET_AGENT_STATE_CONF');
  await agentEvent(cti, agentId, 'READY');
}

/** Signs the agents out, whatever their state, so later calls never reach them. */
export async function signOut(cti: CtiClient, ...agents: [string, string][]): Promise<void> {
  for (const [agentId, extension] of agents) {
    const reply = await setAgentState(cti, agentId, extension, 'LOGOUT');
    assert.equal(reply.type, 'SET_AGENT_STATE_CONF', JSON.stringify(reply));
    await agentEvent(cti, agentId, 'LOGOUT');
  }
}

/** Waits for the agent's next AGENT_STATE_EVENT in `state`. */
export async function agentEvent(cti: CtiClient, agentId: string, state: string): Promise<CtiMessageOf<'AGENT_STATE_EVENT'>> {
  return (await cti.waitFor('AGENT_STATE_EVENT', (e) => e.agentId === agentId && e.agentState === state)).event;
}

/** The next `count` events, as "TYPE" or "TYPE detail" strings for order checks. */
export async function nextEvents(cti: CtiClient, count: number): Promise<CtiMessage[]> {
  const out: CtiMessage[] = [];
  while (out.length < count) out.push(await cti.nextEvent());
  return out;
}

export function describe(m: CtiMessage): string {
  switch (m.type) {
    case 'AGENT_STATE_EVENT': return `AGENT_STATE ${m.agentId} ${m.agentState}`;
    case 'CALL_DELIVERED_EVENT': return `DELIVERED ${m.alertingDeviceId ?? ''}`;
    case 'CALL_ESTABLISHED_EVENT': return `ESTABLISHED ${m.answeringDeviceId ?? ''}`;
    case 'CALL_HELD_EVENT': return `HELD ${m.holdingDeviceId ?? ''}`;
    case 'CALL_RETRIEVED_EVENT': return `RETRIEVED ${m.retrievingDeviceId ?? ''}`;
    case 'CALL_CONNECTION_CLEARED_EVENT': return `CONNECTION_CLEARED ${m.releasingDeviceId ?? ''}`;
    case 'CALL_SERVICE_INITIATED_EVENT': return `SERVICE_INITIATED ${m.connectionDeviceId}`;
    case 'CALL_ORIGINATED_EVENT': return `ORIGINATED ${m.callingDeviceId ?? ''}>${m.calledDeviceId ?? ''}`;
    case 'BEGIN_CALL_EVENT': return `BEGIN ${m.callType}`;
    case 'CALL_DATA_UPDATE_EVENT': return `DATA_UPDATE ${m.callType}`;
    case 'CALL_CLEARED_EVENT': return 'CLEARED';
    case 'END_CALL_EVENT': return 'END';
    case 'CALL_TRANSFERRED_EVENT': return `TRANSFERRED ${m.transferringDeviceId ?? ''}>${m.transferredDeviceId ?? ''}`;
    case 'CALL_CONFERENCED_EVENT': return `CONFERENCED ${m.controllerDeviceId ?? ''}+${m.addedPartyDeviceId ?? ''}`;
    case 'CALL_FAILED_EVENT': return `FAILED ${m.failingDeviceId ?? ''}`;
    default: return m.type;
  }
}

/** A round trip that proves nothing else was queued before its reply: events come in order on one socket. */
export async function assertQuiet(cti: CtiClient): Promise<void> {
  assert.equal((await cti.heartbeat()).type, 'HEARTBEAT_CONF');
  assert.deepEqual(cti.queued.map(describe), []);
}
