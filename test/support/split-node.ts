// A node without a call manager for tests: its engine reaches another node's call manager over the provider link
// (and AXL over HTTP), every listener on 127.0.0.1 port 0, PGlite in memory from the saved empty cluster.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type EnvInput } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { startNode, type RunningNode } from '../../src/node.ts';
import { openMemoryPglite } from './stores.ts';
import { isEngineService, type EngineService } from '../../src/engine/index.ts';
import { TEST_PASSWORD, type TestNode } from './test-node.ts';

export interface SplitNode {
  readonly node: RunningNode;
  readonly engine: EngineService;
  close(): Promise<void>;
}

const EPHEMERAL: EnvInput = Object.fromEntries(
  ['WEB', 'WEB_HTTPS', 'XMPP', 'XMPP_TLS', 'BOSH', 'BOSH_HTTPS', 'CTI', 'CALLMANAGER', 'CALLMANAGER_HTTP', 'LIVEDATA', 'PROVIDER']
    .map((name) => [`POISE_${name}_PORT`, '0']),
);

/** `providerUrl`: the call manager's link, straight or through a proxy; `callmanager` gives AXL's URL. */
export async function startSplitNode(callmanager: TestNode, providerUrl: string, env: EnvInput = {}): Promise<SplitNode> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-split-'));
  const axl = `${callmanager.cmUrl}/axl/`;
  const config = loadConfig({
    ...EPHEMERAL, POISE_DATA_DIR: dataDir, DATABASE_URL: 'memory://', POISE_DEMO_PASSWORD: TEST_PASSWORD, POISE_HOST: '127.0.0.1',
    POISE_ONLY: 'engine', POISE_ENGINE_PROVIDER_URL: providerUrl, POISE_AXL_URL: axl, POISE_WEB_AXL_URL: axl, ...env,
  });
  const node = await startNode(config, silentLogger, { store: await openMemoryPglite() });
  const engine = node.services.find(isEngineService);
  if (!engine) throw new Error('the split node runs no engine');
  return {
    node, engine,
    async close() {
      await node.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
