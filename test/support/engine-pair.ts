// Two engines on one call manager in one process, as a pair of nodes would run them: node A (call manager and
// engine A, master) and engine B (standby) started on A's call manager, its configuration store and its clock,
// B's replication link on a real loopback WebSocket to A's endpoint; with `bOverLink`, B reaches the call manager
// over its provider link, as a node of a pair does.
import assert from 'node:assert/strict';
import { CtiClient, type CtiClientOptions } from '../../src/engine/cti/client.ts';
import { isEngineService, startEngine, type EngineService } from '../../src/engine/index.ts';
import { loadConfig, type EnvInput } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import type { ServiceName } from '../../src/shared/config.ts';
import type { RunningService } from '../../src/shared/service.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from './test-node.ts';

export const CLUSTER_SECRET = 'pair-secret-0123456789abcdef';

export interface EnginePair {
  readonly node: TestNode;
  readonly a: EngineService;
  readonly b: EngineService;
  /** Opens a CTI session to an engine and takes its SYSTEM_EVENT. */
  open(engine: EngineService, clientId: string, options?: Partial<CtiClientOptions>): Promise<CtiClient>;
  /** POST to the call manager's lab API as the administrator. */
  lab(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  labGet(path: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Engine A dies: its replication connections are cut and its provider session ends, nothing handed over. */
  killA(): Promise<void>;
  close(): Promise<void>;
}

export interface EnginePairOptions {
  /** Engine B reaches the call manager over the provider link (as a node of a pair does), not in-process. */
  readonly bOverLink?: boolean;
}

export async function startEnginePair(env: EnvInput = {}, options: EnginePairOptions = {}): Promise<EnginePair> {
  const shared = { POISE_CLUSTER_SECRET: CLUSTER_SECRET, POISE_PEER_HOST: '127.0.0.1', ...env };
  const node = await startTestNode({ POISE_ONLY: 'callmanager,engine', ...shared });
  const a = node.node.services.find(isEngineService);
  assert.ok(a);
  const config = loadConfig({
    POISE_ONLY: 'callmanager,engine', POISE_HOST: '127.0.0.1', DATABASE_URL: 'memory://', POISE_DATA_DIR: node.dataDir,
    POISE_DEMO_PASSWORD: TEST_PASSWORD, POISE_CTI_PORT: '0', POISE_ENGINE_REPLICATION_PORT: '0', POISE_ENGINE_ROLE: 'standby',
    POISE_PEER_REPLICATION_PORT: String(a.failover.replicationPort), ...shared,
    ...(options.bOverLink ? {
      POISE_ENGINE_PROVIDER_URL: `ws://127.0.0.1:${node.callmanager.providerLinkPort}`, POISE_AXL_URL: `${node.cmUrl}/axl/`,
    } : {}),
  });
  const started = new Map<ServiceName, RunningService>([['callmanager', node.callmanager]]);
  const b = await startEngine({ config, store: node.node.store, log: silentLogger, clock: node.node.clock, started });
  const clients: CtiClient[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${node.cmUrl}${path}`, {
      method, headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: reply.status, body: await reply.json() as Record<string, unknown> };
  };
  return {
    node, a, b,
    async open(engine, clientId, options = {}) {
      const { client, reply } = await CtiClient.open({ host: '127.0.0.1', port: engine.ctiPort, clientId, ...options });
      assert.equal(reply.type, 'OPEN_CONF', JSON.stringify(reply));
      assert.equal((await client.nextEvent()).type, 'SYSTEM_EVENT');
      clients.push(client);
      return client;
    },
    lab: (path, body = {}) => call('POST', path, body),
    labGet: (path) => call('GET', path),
    async killA() {
      await a.failover.close();       // cuts the standby's link: no goodbye on the wire
      a.engine.session.shutdown();    // the call manager frees A's route points; its calls go on
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await b.close();
      await node.close();
    },
  };
}
