// Live Data and web as separate service sets (two nodes in this process, as two processes would be): web forwards
// /livedata/socket.io, HTTP long-polling and the WebSocket upgrade alike, to Live Data's own port.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { isLivedataService, type LivedataService } from '../../src/livedata/index.ts';
import { livedataTargetPath } from '../../src/livedata/server/web-forward.ts';
import { startNode, type RunningNode } from '../../src/node.ts';
import { loadConfig } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { agentRecord, csqRecord, FakeStatisticsSource } from '../support/livedata.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';

type RowsEvent = { subscriptionId: string; upsert: { key: string; state?: string }[] };

describe('web forwards /livedata/socket.io to a Live Data of another process', () => {
  let livedataNode: TestNode;
  let livedata: LivedataService;
  let source: FakeStatisticsSource;
  let webNode: RunningNode;
  let webPort: number;
  let elsewhereNode: RunningNode;
  let elsewherePort: number;
  let dataDir: string;

  before(async () => {
    livedataNode = await startTestNode({ POISE_ONLY: 'callmanager,livedata' });
    const service = livedataNode.node.services.find((s) => s.name === 'livedata');
    assert.ok(isLivedataService(service));
    livedata = service;
    source = new FakeStatisticsSource(livedata.broker);
    await source.start();
    source.teams.set('T1', { teamId: 'T1', teamName: 'Sales', supervisorIds: ['supervisor1'] });
    source.agents.set('agent1', agentRecord('agent1', 'T1', ['10']));
    source.csqs.set('10', csqRecord('10'));
    source.publishAll();

    dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-web-'));
    const axl = `${livedataNode.cmUrl}/axl/`;
    webNode = await startNode(loadConfig({
      POISE_ONLY: 'web', POISE_HOST: '127.0.0.1', POISE_DATA_DIR: dataDir, DATABASE_URL: 'memory://', POISE_DEMO_PASSWORD: TEST_PASSWORD,
      POISE_WEB_PORT: '0', POISE_WEB_HTTPS_PORT: '0', POISE_CTI_PORT: '0', POISE_WEB_AXL_URL: axl, POISE_AXL_URL: axl,
      POISE_LIVEDATA_PORT: String(livedata.port),
    }), silentLogger);
    webPort = httpPortOf(webNode);
    // A web node told where Live Data runs: its own POISE_LIVEDATA_PORT names a port nothing listens on.
    elsewhereNode = await startNode(loadConfig({
      POISE_ONLY: 'web', POISE_HOST: '127.0.0.1', POISE_DATA_DIR: dataDir, DATABASE_URL: 'memory://', POISE_DEMO_PASSWORD: TEST_PASSWORD,
      POISE_WEB_PORT: '0', POISE_WEB_HTTPS_PORT: '0', POISE_CTI_PORT: '0', POISE_WEB_AXL_URL: axl, POISE_AXL_URL: axl,
      POISE_LIVEDATA_PORT: '1', POISE_WEB_LIVEDATA_HOST: '127.0.0.1', POISE_WEB_LIVEDATA_PORT: String(livedata.port),
    }), silentLogger);
    elsewherePort = httpPortOf(elsewhereNode);
  });
  after(async () => {
    await elsewhereNode?.close();
    await webNode?.close();
    await livedataNode?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** supervisor1's Socket.IO client through the web port `port`, once Live Data says it is live; closed after the test. */
  async function supervisorLive(port: number, transports: readonly ('polling' | 'websocket')[]) {
    const socket = io(`http://127.0.0.1:${port}/livedata`, {
      path: '/livedata/socket.io', transports: [...transports], auth: { authorization: basicAuth('supervisor1') },
      reconnection: false, forceNew: true,
    });
    after(() => { socket.close(); });
    const status = await new Promise<{ state: string }>((resolve, reject) => {
      socket.once('status', resolve);
      socket.once('connect_error', reject);
    });
    assert.equal(status.state, 'live');
    return socket;
  }

  for (const transports of [['polling'], ['websocket'], ['polling', 'websocket']] as const) {
    test(`a client on ${transports.join(' then ')} signs in, subscribes and hears changes`, async () => {
      const socket = await supervisorLive(webPort, transports);
      const rows: RowsEvent[] = [];
      socket.on('rows', (event: RowsEvent) => rows.push(event));
      const sub = await socket.timeout(5000).emitWithAck('subscribe', { report: 'teamState', filter: { teamIds: ['T1'] } }) as { subscriptionId: string; rows: { agentId: string }[] };
      assert.deepEqual(sub.rows.map((r) => r.agentId), ['agent1']);
      if (transports.length === 2) {
        const deadline = Date.now() + 5000;
        while (socket.io.engine.transport.name !== 'websocket' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        assert.equal(socket.io.engine.transport.name, 'websocket', 'upgraded through the forwarder');
      }
      const state = transports.length === 1 && transports[0] === 'polling' ? 'READY' : transports[0] === 'websocket' ? 'TALKING' : 'WORK';
      source.setAgent(agentRecord('agent1', 'T1', ['10'], { state, stateSince: Date.now() }));
      const deadline = Date.now() + 5000;
      while (!rows.some((r) => r.subscriptionId === sub.subscriptionId && r.upsert.some((row) => row.key === 'agent1' && row.state === state)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(rows.some((r) => r.upsert.some((row) => row.key === 'agent1' && row.state === state)), `no ${state} row`);
    });
  }

  for (const transports of [['polling'], ['websocket']] as const) {
    test(`with POISE_WEB_LIVEDATA_HOST and _PORT, a client on ${transports[0]} reaches the Live Data named there`, async () => {
      const socket = await supervisorLive(elsewherePort, transports);
      const sub = await socket.timeout(5000).emitWithAck('subscribe', { report: 'teamState', filter: { teamIds: ['T1'] } }) as { rows: { agentId: string }[] };
      assert.deepEqual(sub.rows.map((r) => r.agentId), ['agent1']);
    });
  }

  test('a wrong password is refused through the forwarder as it is directly', async () => {
    const socket = io(`http://127.0.0.1:${webPort}/livedata`, {
      path: '/livedata/socket.io', auth: { authorization: basicAuth('supervisor1', 'wrong') }, reconnection: false, forceNew: true,
    });
    after(() => { socket.close(); });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    assert.match(error.message, /not authorized/);
  });

  test('the REST API and other paths still reach web', async () => {
    const rest = await fetch(`http://127.0.0.1:${webPort}/finesse/api/SystemInfo`);
    assert.equal(rest.status, 200);
    assert.equal(livedataTargetPath('/livedata/socket.io/?EIO=4&transport=polling'), '/socket.io/?EIO=4&transport=polling');
    assert.equal(livedataTargetPath('/livedata/socket.io?EIO=4'), '/socket.io?EIO=4');
    assert.equal(livedataTargetPath('/livedata/socket.iox'), undefined);
    assert.equal(livedataTargetPath('/livedata/gadget/LiveDataGadget.xml'), undefined);
  });
});

function httpPortOf(node: RunningNode): number {
  const web = node.services.find((s) => s.name === 'web') as unknown as { apps: { http: { server: Server } } };
  return (web.apps.http.server.address() as AddressInfo).port;
}
