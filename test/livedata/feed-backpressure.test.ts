// A client whose transport cannot take more is left out of its feed's broadcasts, then catches up with the latest
// value of each row it missed (feed-fan-out.ts). The slow client is a real socket.io-client on HTTP long-polling
// whose polling is paused (engine.io-client's own pause, the one it uses while upgrading): the server then holds no
// request to write to, so the transport is not writable, exactly as for a client that is slow to poll.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { isLivedataService, type LivedataService } from '../../src/livedata/index.ts';
import { agentRecord, connectLivedata, csqRecord, FakeStatisticsSource, type LivedataClient } from '../support/livedata.ts';
import { basicAuth, startTestNode, type TestNode } from '../support/test-node.ts';

type RowsEvent = { subscriptionId: string; upsert: { key: string; state?: string }[]; remove: string[] };
/** The part of engine.io-client's polling transport this test drives. */
interface PollingTransport { name: string; readyState: string; pause(onPause: () => void): void; _poll(): void }

let node: TestNode;
let livedata: LivedataService;
let source: FakeStatisticsSource;
let fast: LivedataClient;
let slow: Socket;

before(async () => {
  node = await startTestNode({ POISE_ONLY: 'callmanager,livedata' });
  const service = node.node.services.find((s) => s.name === 'livedata');
  assert.ok(isLivedataService(service));
  livedata = service;
  source = new FakeStatisticsSource(livedata.broker);
  await source.start();
  source.teams.set('T1', { teamId: 'T1', teamName: 'Sales', supervisorIds: ['supervisor1'] });
  for (const id of ['agent1', 'agent2', 'agent3']) source.agents.set(id, agentRecord(id, 'T1', ['10']));
  source.csqs.set('10', csqRecord('10'));
  source.publishAll();
  const deadline = Date.now() + 5000;
  while (livedata.server.state !== 'live' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  fast = await connectLivedata(livedata.port, 'supervisor1');
  slow = io(`http://127.0.0.1:${livedata.port}/livedata`, {
    auth: { authorization: basicAuth('supervisor1') }, transports: ['polling'], reconnection: false, forceNew: true,
  });
  await new Promise<void>((resolve, reject) => { slow.once('connect', resolve); slow.once('connect_error', reject); });
});
after(async () => {
  fast?.close();
  slow?.close();
  await node.close();
});

const stateOf = (events: RowsEvent[], key: string) => events.flatMap((e) => e.upsert.filter((r) => r.key === key).map((r) => r.state));

test('a client that cannot take more is left out, then gets the latest value of each row it missed', async () => {
  const slowRows: RowsEvent[] = [];
  slow.on('rows', (event: RowsEvent) => slowRows.push(event));
  const subscribe = { report: 'teamState', filter: { teamIds: ['T1'] } };
  const { subscriptionId } = await slow.timeout(5000).emitWithAck('subscribe', subscribe) as { subscriptionId: string };
  assert.equal((await fast.subscribe(subscribe)).subscriptionId, subscriptionId);          // one feed for both

  const transport = slow.io.engine.transport as unknown as PollingTransport;
  assert.equal(transport.name, 'polling');
  // The poll the server holds completes with the next rows; after it the client sends no new one.
  const paused = new Promise<void>((resolve) => transport.pause(resolve));
  source.setAgent(agentRecord('agent1', 'T1', ['10'], { state: 'NOT_READY', reasonCode: 7, stateSince: Date.now() }));
  await paused;
  assert.deepEqual(stateOf(slowRows, 'agent1'), ['NOT_READY']);
  const heardBeforePause = slowRows.length;

  // Three changes to agent1 and one to agent2 while the slow client polls no more; the fast one hears each.
  for (const state of ['READY', 'RESERVED', 'TALKING'] as const) {
    source.setAgent(agentRecord('agent1', 'T1', ['10'], { state, stateSince: Date.now() }));
    await fast.nextRows((r) => r.subscriptionId === subscriptionId && stateOf([r as RowsEvent], 'agent1').includes(state));
  }
  source.setAgent(agentRecord('agent2', 'T1', ['10'], { state: 'WORK', stateSince: Date.now() }));
  await fast.nextRows((r) => r.subscriptionId === subscriptionId && stateOf([r as RowsEvent], 'agent2').includes('WORK'));
  assert.deepEqual(stateOf(fast.rows as RowsEvent[], 'agent1'), ['NOT_READY', 'READY', 'RESERVED', 'TALKING']);
  assert.equal(slowRows.length, heardBeforePause);

  // Polling again: one catch-up per feed, the latest value of each missed row, none of the values in between.
  transport.readyState = 'open';
  transport._poll();
  const deadline = Date.now() + 5000;
  while (!stateOf(slowRows, 'agent2').includes('WORK') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const caughtUp = slowRows.slice(heardBeforePause);
  assert.equal(caughtUp.length, 1, JSON.stringify(caughtUp));
  assert.equal(caughtUp[0]!.subscriptionId, subscriptionId);
  assert.deepEqual(caughtUp[0]!.upsert.map((r) => [r.key, r.state]).sort(), [['agent1', 'TALKING'], ['agent2', 'WORK']]);

  // And it is a member like the others again: the next change reaches it directly.
  source.setAgent(agentRecord('agent3', 'T1', ['10'], { state: 'READY', stateSince: Date.now() }));
  const until = Date.now() + 5000;
  while (!stateOf(slowRows, 'agent3').includes('READY') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(stateOf(slowRows, 'agent3'), ['READY']);
});
