// Starts a real node for a test: every listener on 127.0.0.1 port 0, PGlite in memory from a saved empty cluster (or a
// scratch PostgreSQL database), a temporary data directory, a known demo password.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type EnvInput } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { nodeKeepsTables, startNode, type RunningNode } from '../../src/node.ts';
import { MEMORY_URL } from '../../src/store/database.ts';
import { openMemoryPglite } from './stores.ts';
import type { CallManager } from '../../src/callmanager/index.ts';

export const TEST_PASSWORD = 'test-pass-1234';

export interface TestNode {
  node: RunningNode;
  callmanager: CallManager;
  /** Plain-HTTP base URL of the call manager, e.g. http://127.0.0.1:40123 */
  cmUrl: string;
  cmHttpsUrl: string;
  /** The node's temporary data directory. */
  dataDir: string;
  close(): Promise<void>;
}

const ALL_PORTS_EPHEMERAL: EnvInput = Object.fromEntries(
  ['WEB', 'WEB_HTTPS', 'XMPP', 'XMPP_TLS', 'BOSH', 'BOSH_HTTPS', 'CTI', 'CALLMANAGER', 'CALLMANAGER_HTTP', 'LIVEDATA', 'PROVIDER', 'ENGINE_REPLICATION']
    .map((name) => [`POISE_${name}_PORT`, '0']),
);

export async function startTestNode(env: EnvInput = {}): Promise<TestNode> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-test-'));
  const config = loadConfig({
    ...ALL_PORTS_EPHEMERAL, POISE_DATA_DIR: dataDir, DATABASE_URL: 'memory://', POISE_DEMO_PASSWORD: TEST_PASSWORD,
    POISE_HOST: '127.0.0.1', ...env,
  });
  // In memory, the node starts on the empty cluster saved once for every test file: PGlite's initdb is most of a
  // test node's start.
  const store = config.databaseUrl === MEMORY_URL && nodeKeepsTables(config) ? await openMemoryPglite() : undefined;
  const node = await startNode(config, silentLogger, { store });
  const callmanager = node.services.find((s): s is CallManager => s.name === 'callmanager');
  if (!callmanager) throw new Error('the test node runs no call manager');
  const port = (app: CallManager['apps']['http']) => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  return {
    node, callmanager, dataDir,
    cmUrl: `http://127.0.0.1:${port(callmanager.apps.http)}`,
    cmHttpsUrl: `https://127.0.0.1:${port(callmanager.apps.https)}`,
    async close() {
      await node.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const basicAuth = (userid: string, password = TEST_PASSWORD): string =>
  `Basic ${Buffer.from(`${userid}:${password}`).toString('base64')}`;
