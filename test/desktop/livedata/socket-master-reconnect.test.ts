// The desktop's Live Data connection (desktop/livedata/socket-master.ts, run under Node with the same
// socket.io-client) against a real node: the connection drops (a loopback proxy in front of the web port is cut),
// comes back, and the master subscribes every report again, so its gadget gets a fresh snapshot that includes what
// changed while it was away.
import assert from 'node:assert/strict';
import type { AddressInfo, Server } from 'node:net';
import { after, before, test } from 'node:test';
import { SocketMaster } from '../../../desktop/livedata/socket-master.ts';
import type { FeedMessage, HubLike, LivedataStatus } from '../../../desktop/livedata/hub-protocol.ts';
import { isLivedataService } from '../../../src/livedata/index.ts';
import { agentRecord, csqRecord, FakeStatisticsSource } from '../../support/livedata.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { basicAuth, startTestNode, type TestNode } from '../../support/test-node.ts';

/** The hub between gadgets: this test has only the master, so nothing needs to cross it. */
const hub: HubLike = { subscribe: () => undefined, publish: () => undefined };

let node: TestNode;
let proxy: TcpProxy;
let source: FakeStatisticsSource;
let master: SocketMaster;
const feed: FeedMessage[] = [];
const statuses: LivedataStatus[] = [];

const until = async (check: () => boolean, what: string, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
type Snapshot = Extract<FeedMessage, { type: 'snapshot' }>;
const snapshots = () => feed.filter((m): m is Snapshot => m.type === 'snapshot');
const stateIn = (snapshot: Snapshot | undefined, agentId: string) =>
  (snapshot?.rows as { agentId?: string; state?: string }[] | undefined)?.find((r) => r.agentId === agentId)?.state;

before(async () => {
  node = await startTestNode({ POISE_ONLY: 'callmanager,livedata,web' });
  const livedata = node.node.services.find((s) => s.name === 'livedata');
  assert.ok(isLivedataService(livedata));
  source = new FakeStatisticsSource(livedata.broker);
  await source.start();
  source.teams.set('T1', { teamId: 'T1', teamName: 'Sales', supervisorIds: ['supervisor1'] });
  source.agents.set('agent1', agentRecord('agent1', 'T1', ['10'], { state: 'READY' }));
  source.csqs.set('10', csqRecord('10'));
  source.publishAll();
  await until(() => livedata.server.state === 'live', 'Live Data live');
  const web = node.node.services.find((s) => s.name === 'web') as unknown as { apps: { http: { server: Server } } };
  proxy = await startTcpProxy({ host: '127.0.0.1', port: (web.apps.http.server.address() as AddressInfo).port });
});
after(async () => {
  master?.close();
  await proxy?.close();
  await node?.close();
});

test('after the connection drops and returns, the master subscribes again and gets a fresh snapshot', async () => {
  master = new SocketMaster({
    hub, authorization: basicAuth('supervisor1'), origin: `http://127.0.0.1:${proxy.port}`, mid: 'gadget-1',
    onOwnFeed: (message) => feed.push(message), onOwnStatus: (status) => statuses.push(status),
  });
  master.handle({ type: 'subscribe', from: 'gadget-1', report: 'teamState', view: 'snapshot', filter: { teamIds: ['T1'] } });
  await until(() => snapshots().length === 1, 'the first snapshot');
  assert.equal(stateIn(snapshots()[0], 'agent1'), 'READY');
  await until(() => statuses.at(-1)?.state === 'live', 'live');

  await proxy.cut();
  await until(() => statuses.at(-1)?.state === 'unavailable', 'unavailable');
  // The contact centre moves on while the desktop cannot hear it.
  source.setAgent(agentRecord('agent1', 'T1', ['10'], { state: 'TALKING', stateSince: Date.now() }));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(snapshots().length, 1);
  assert.ok(!feed.some((m) => m.type === 'rows' && m.upsert.some((r) => (r as { state?: string }).state === 'TALKING')));

  await proxy.restore();
  await until(() => snapshots().length === 2, 'a fresh snapshot after reconnecting');
  assert.equal(stateIn(snapshots()[1], 'agent1'), 'TALKING');
  await until(() => statuses.at(-1)?.state === 'live', 'live again');
});
