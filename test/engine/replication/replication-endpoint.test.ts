// The replication endpoint and link against bad peers, on real loopback sockets: a stranger without the cluster
// secret, garbage, a binary or oversized frame, another format version are each closed with the protocol's code
// and get no state, while a real standby next to them is served; a standby's endpoint says so and closes; and a
// standby whose "master" sends a forged snapshot or a bad delta keeps the copy it had and connects again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { isEngineService, type EngineService } from '../../../src/engine/index.ts';
import {
  CloseCode, decodeMasterMessage, decodeStandbyMessage, encodeMessage, newNonce, proofOf, type MasterMessage,
} from '../../../src/engine/replication/codec.ts';
import { ReplicaCopy } from '../../../src/engine/replication/replica-copy.ts';
import { REPLICA_FORMAT_VERSION, type ReplicaState } from '../../../src/engine/replication/replica-state.ts';
import { ReplicationClient } from '../../../src/engine/replication/replication-client.ts';
import { ReplicationServer } from '../../../src/engine/replication/replication-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { CLUSTER_SECRET } from '../../support/engine-pair.ts';
import { startTestNode, type TestNode } from '../../support/test-node.ts';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { agentEvent, setAgentState } from '../../support/cti-lab.ts';

let node: TestNode;
let engine: EngineService;
let url: string;
before(async () => {
  node = await startTestNode({ POISE_ONLY: 'callmanager,engine', POISE_PEER_HOST: '127.0.0.1', POISE_CLUSTER_SECRET: CLUSTER_SECRET });
  const found = node.node.services.find(isEngineService);
  assert.ok(found);
  engine = found;
  url = `ws://127.0.0.1:${engine.failover.replicationPort}/`;
});
after(async () => { await node?.close(); });

const until = async (what: string, condition: () => boolean, ms = 10_000) => {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A raw peer: what it was sent, as text, and how its socket closed. */
function rawPeer(target: string) {
  const ws = new WebSocket(target);
  const received: string[] = [];
  ws.on('message', (data) => received.push(String(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on('error', () => undefined);
  const hello = new Promise<Extract<MasterMessage, { type: 'hello' }>>((resolve, reject) => {
    ws.once('message', (data) => {
      const decoded = decodeMasterMessage(String(data));
      if (decoded.ok && decoded.message.type === 'hello') resolve(decoded.message);
      else reject(new Error(`not a hello: ${String(data)}`));
    });
  });
  return { ws, received, closed, hello };
}

function followingStandby(copy = new ReplicaCopy()) {
  const client = new ReplicationClient({ url, secret: CLUSTER_SECRET, copy, log: silentLogger, retryMs: 50 });
  client.start();
  return { client, copy };
}

test('a real standby is served while strangers and garbage are closed with the protocol\'s codes', async () => {
  const standby = followingStandby();
  await until('the standby follows', () => standby.client.following);

  const cases: { name: string; send: (ws: WebSocket, nonce: string) => void; code: number }[] = [
    { name: 'wrong secret', code: CloseCode.WRONG_SECRET, send: (ws, masterNonce) => {
      const nonce = newNonce();
      ws.send(encodeMessage({ type: 'subscribe', version: REPLICA_FORMAT_VERSION, nonce, proof: proofOf('not-the-secret-at-all', 'subscribe', masterNonce, nonce) }));
    } },
    { name: 'a proof replayed from another connection', code: CloseCode.WRONG_SECRET, send: (ws) => {
      const nonce = newNonce();
      ws.send(encodeMessage({ type: 'subscribe', version: REPLICA_FORMAT_VERSION, nonce, proof: proofOf(CLUSTER_SECRET, 'subscribe', newNonce(), nonce) }));
    } },
    { name: 'not JSON', code: CloseCode.BAD_MESSAGE, send: (ws) => ws.send('{"type":"subscribe",') },
    { name: 'a binary frame', code: CloseCode.BAD_MESSAGE, send: (ws) => ws.send(Buffer.from([1, 2, 3])) },
    { name: 'an unknown message', code: CloseCode.BAD_MESSAGE, send: (ws) => ws.send(JSON.stringify({ type: 'snapshot', version: 1 })) },
    { name: 'an extra field', code: CloseCode.BAD_MESSAGE, send: (ws, masterNonce) => {
      const nonce = newNonce();
      ws.send(JSON.stringify({ type: 'subscribe', version: 1, nonce, proof: proofOf(CLUSTER_SECRET, 'subscribe', masterNonce, nonce), role: 'master' }));
    } },
    { name: 'another format version', code: CloseCode.WRONG_VERSION, send: (ws, masterNonce) => {
      const nonce = newNonce();
      ws.send(encodeMessage({ type: 'subscribe', version: 2, nonce, proof: proofOf(CLUSTER_SECRET, 'subscribe', masterNonce, nonce) }));
    } },
    { name: 'an oversized frame', code: 1009, send: (ws) => ws.send('x'.repeat(64 * 1024)) },
  ];
  for (const c of cases) {
    const peer = rawPeer(url);
    const hello = await peer.hello;
    assert.equal(hello.role, 'master');
    c.send(peer.ws, hello.nonce);
    const closed = await peer.closed;
    assert.equal(closed.code, c.code, `${c.name}: ${closed.reason}`);
    assert.equal(peer.received.length, 1, `${c.name}: nothing but hello`);
  }

  // the standby was never disturbed: a change made now reaches its copy
  const { client: cti, reply } = await CtiClient.open({ host: '127.0.0.1', port: engine.ctiPort, clientId: 'endpoint-test' });
  assert.equal(reply.type, 'OPEN_CONF');
  await setAgentState(cti, 'agent3', '1003', 'LOGIN');
  await agentEvent(cti, 'agent3', 'NOT_READY');
  await until('the copy has agent3 signed in', () =>
    standby.copy.state()?.agents.find((a) => a.userId === 'agent3')?.state === 'NOT_READY');
  assert.ok(standby.client.following);
  await setAgentState(cti, 'agent3', '1003', 'LOGOUT');
  await cti.close();
  standby.client.stop();
});

test('a standby\'s endpoint says it is standby and closes', async () => {
  const server = new ReplicationServer({ host: '127.0.0.1', port: 0, secret: CLUSTER_SECRET, log: silentLogger });
  const port = await server.listen();
  const peer = rawPeer(`ws://127.0.0.1:${port}/`);
  assert.equal((await peer.hello).role, 'standby');
  assert.equal((await peer.closed).code, CloseCode.STANDBY);
  await server.close();
});

test('a forged snapshot or a bad delta leaves the standby\'s copy as it was; the standby connects again', async () => {
  const good: ReplicaState = {
    agents: [], calls: [], contacts: [], counters: { nextCallId: 0x01000005, contactSeq: 3 }, statistics: { dayStartsAt: 0, csqs: [] },
  };
  let connections = 0;
  let plan: 'forged' | 'honest' = 'forged';
  const fake = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => fake.once('listening', resolve));
  fake.on('connection', (ws) => {
    connections++;
    const nonce = newNonce();
    ws.send(encodeMessage({ type: 'hello', version: REPLICA_FORMAT_VERSION, role: 'master', nonce }));
    ws.once('message', (data) => {
      const subscribe = decodeStandbyMessage(String(data));
      assert.ok(subscribe.ok);
      const { nonce: standbyNonce } = subscribe.message;
      if (plan === 'forged') {
        // a stranger posing as master cannot prove the secret: its state is never taken
        ws.send(encodeMessage({ type: 'snapshot', version: REPLICA_FORMAT_VERSION, seq: 1, takenAt: 0, proof: proofOf('guessed-secret-123456', 'snapshot', nonce, standbyNonce), state: { ...good, counters: { nextCallId: 0x01000001, contactSeq: 0 } } }));
        return;
      }
      ws.send(encodeMessage({ type: 'snapshot', version: REPLICA_FORMAT_VERSION, seq: 7, takenAt: 0, proof: proofOf(CLUSTER_SECRET, 'snapshot', nonce, standbyNonce), state: good }));
      // an agent row in a state that does not exist, then a delta that skips a number
      ws.send(JSON.stringify({ type: 'delta', seq: 8, agents: [{ userId: 'x', state: 'DANCING' }], calls: [], callsGone: [], contacts: [], contactsGone: [], counters: good.counters, statistics: null }));
    });
  });
  const copy = new ReplicaCopy();
  const client = new ReplicationClient({
    url: `ws://127.0.0.1:${(fake.address() as AddressInfo).port}/`, secret: CLUSTER_SECRET, copy, log: silentLogger, retryMs: 20,
  });
  client.start();
  await until('the standby tried twice', () => connections >= 2);
  assert.equal(copy.complete, false, 'a forged snapshot is not taken');
  plan = 'honest';
  await until('the honest snapshot is taken', () => copy.complete);
  const seen = connections;
  await until('the bad delta dropped the link and the standby came back', () => connections > seen);
  assert.deepEqual(copy.state(), good, 'the bad delta changed nothing');
  client.stop();
  for (const ws of fake.clients) ws.terminate();
  await new Promise((resolve) => fake.close(resolve));
});
