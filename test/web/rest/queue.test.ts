// Queue (rest-api.md §10) over real HTTP: GET /Queue/{id} and /User/{id}/Queues as an agent, the refusals, and a
// queued lab call reaching an XMPP client subscribed to the queue's node as a Queue <Update> (notifications.md §3.1).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../../src/notify/index.ts';
import { AGENT, apiErrorOf, childNames, startWebNode, type WebFixture } from '../../support/web.ts';
import { basicAuth, TEST_PASSWORD } from '../../support/test-node.ts';
import { connectClient, nextStanza, pubsubIq, xml } from '../../support/xmpp.ts';

let fx: WebFixture;
let desktop: XmppClient;
let domain: string;

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  domain = notify.server.domain;
  desktop = await connectClient({ service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain, username: AGENT, password: TEST_PASSWORD });
  await desktop.send(xml('presence'));
});
after(async () => {
  await desktop?.stop();
  await fx.close();
});

const STATISTICS = [
  'agentsBusyOther', 'agentsLoggedOn', 'agentsNotReady', 'agentsReady', 'agentsTalkingInbound', 'agentsTalkingInternal',
  'agentsTalkingOutbound', 'agentsWrapUpNotReady', 'agentsWrapUpReady', 'callsInQueue', 'startTimeOfLongestCallInQueue',
];

test('GET /Queue/{id} as an agent: name, the eleven statistics in ASCII order, uri', async () => {
  const res = await fx.call('GET', '/Queue/1', { as: AGENT });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.xml?.getName(), 'Queue');
  assert.deepEqual(childNames(res.xml), ['name', 'statistics', 'uri']);
  assert.equal(res.xml?.getChildText('name'), 'Sales');
  assert.deepEqual(childNames(res.xml?.getChild('statistics')), STATISTICS);
  assert.equal(res.xml?.getChild('statistics')?.getChildText('callsInQueue'), '0');
  assert.equal(res.xml?.getChild('statistics')?.getChildText('startTimeOfLongestCallInQueue'), '');
  assert.equal(res.xml?.getChildText('uri'), '/finesse/api/Queue/1');
});

test('GET /User/{id}/Queues lists the agent\'s CSQs; any user may read it', async () => {
  for (const as of [AGENT, 'agent6']) {
    const res = await fx.call('GET', `/User/${AGENT}/Queues`, { as });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.xml?.getName(), 'Queues');
    assert.deepEqual(res.xml?.getChildren('Queue').map((q) => q.getChildText('name')), ['Sales']);
  }
  const supervisor = await fx.call('GET', '/User/supervisor1/Queues', { as: 'supervisor1' });
  assert.deepEqual(supervisor.xml?.getChildren('Queue').map((q) => q.getChildText('name')), ['Sales', 'Support']);
});

test('unknown queue or user: 404; no credentials: 401; the next request is served', async () => {
  const missing = await fx.call('GET', '/Queue/99', { as: AGENT });
  assert.equal(missing.status, 404);
  assert.equal(apiErrorOf(missing).ErrorType, 'Not Found');
  assert.equal((await fx.call('GET', '/Queue/abc', { as: AGENT })).status, 404);
  assert.equal(apiErrorOf(await fx.call('GET', '/User/nobody/Queues', { as: AGENT })).ErrorType, 'User Not Found');
  assert.equal((await fx.call('GET', '/Queue/1', { as: null })).status, 401);
  assert.equal((await fx.call('GET', '/Queue/1', { as: AGENT })).status, 200);
});

test('a call waiting in Support reaches a desktop subscribed to /finesse/api/Queue/2 as a Queue update', async () => {
  const node = '/finesse/api/Queue/2';
  const subscribed = await desktop.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node, jid: `${AGENT}@${domain}` })));
  assert.equal(subscribed.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
  const arriving = nextStanza(desktop, (s) => s.is('message') && s.toString().includes('&lt;callsInQueue&gt;1&lt;/callsInQueue&gt;'));
  const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550100', to: '7002' }),
  });
  assert.equal(placed.status, 201);
  const message = await arriving;
  const items = message.getChild('event')?.getChild('items');
  assert.equal(items?.attrs.node, node);
  const update = items?.getChild('item')?.getChild('notification')?.getText() ?? '';
  assert.match(update, /^<Update><data><queue><name>Support<\/name><statistics>/);
  assert.match(update, /<startTimeOfLongestCallInQueue>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/startTimeOfLongestCallInQueue>/);
  assert.match(update, /<event>PUT<\/event><requestId><\/requestId><source>\/finesse\/api\/Queue\/2<\/source><\/Update>$/);
  const rest = await fx.call('GET', '/Queue/2', { as: AGENT });
  assert.equal(rest.xml?.getChild('statistics')?.getChildText('callsInQueue'), '1');
  const { callId } = await placed.json() as { callId: string };
  await fetch(`${fx.cmUrl}/lab/calls/${callId}/abandon`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') }, body: '{}' });
});
