// Live Data on the web port (/livedata/socket.io), one process with the web service.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { startTestNode, basicAuth } from '../support/test-node.ts';

describe('Live Data through the web port', () => {
  test('/livedata/socket.io on the web port reaches the same service', { timeout: 60_000 }, async () => {
    const node = await startTestNode({ POISE_ONLY: 'callmanager,livedata,web' });
    after(() => node.close());
    const web = node.node.services.find((s) => s.name === 'web') as unknown as { apps: { http: { server: import('node:net').Server } } };
    const port = (web.apps.http.server.address() as import('node:net').AddressInfo).port;
    const socket = io(`http://127.0.0.1:${port}/livedata`, {
      path: '/livedata/socket.io', auth: { authorization: basicAuth('agent1') }, reconnection: false, forceNew: true,
    });
    after(() => { socket.close(); });
    const status = await new Promise<{ state: string }>((resolve, reject) => {
      socket.once('status', resolve);
      socket.once('connect_error', reject);
    });
    assert.ok(['live', 'degraded'].includes(status.state));
    const answer = await socket.timeout(5000).emitWithAck('subscribe', { report: 'teamState' }) as { rows: unknown[] };
    assert.ok(Array.isArray(answer.rows));
    // The REST API still answers on the same port.
    const rest = await fetch(`http://127.0.0.1:${port}/finesse/api/SystemInfo`);
    assert.equal(rest.status, 200);
  });
});
