// A supervisor signs an agent out (rest-api.md §3.4), watched the way desktops watch it: the supervisor's XMPP client
// over WebSocket subscribed to its team's Users node, the agent's over TCP on its own User node. The team node gets
// the member summary (§5.1) with the request's requestId and the agent's URI as source; the agent's desktop gets its
// User, LOGOUT with system reason 22; the REST GETs and the engine agree. A refused sign-out publishes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import type { EngineService } from '../../src/engine/index.ts';
import { isNotifyService } from '../../src/notify/index.ts';
import { AGENT, SUPERVISOR, apiErrorOf, childNames, demoTeamIds, startWebNode, type WebFixture } from '../support/web.ts';
import { openAgentDesktop, type AgentDesktop } from '../support/agent-desktop.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { updateFeed, type UpdateFeed } from '../support/update-feed.ts';
import { connectClient, pubsubIq, xml } from '../support/xmpp.ts';

let fx: WebFixture;
let engine: EngineService;
let desktop: AgentDesktop;
let supervisor: XmppClient;
let teamFeed: UpdateFeed;
let teamId = 0;
let teamNode = '';
const USER_NODE = `/finesse/api/User/${AGENT}`;

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  await fx.web.teams.whenBuilt();
  const found = fx.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(found);
  engine = found;
  desktop = await openAgentDesktop(fx, AGENT, '1001');
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  const domain = notify.server.domain;
  supervisor = await connectClient({ service: `ws://127.0.0.1:${notify.ports.bosh}/ws/`, domain, username: SUPERVISOR, password: TEST_PASSWORD });
  teamFeed = updateFeed(supervisor);
  await supervisor.send(xml('presence'));
  teamId = demoTeamIds(fx).sales;
  teamNode = `/finesse/api/Team/${teamId}/Users`;
  const subscribed = await supervisor.iqCaller.request(
    pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node: teamNode, jid: `${SUPERVISOR}@${domain}/desktop` })));
  assert.equal(subscribed.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
});
after(async () => {
  await desktop?.xmpp.stop();
  await supervisor?.stop();
  await fx.close();
});

const TEAM_MEMBER_CHILDREN = [
  'dialogs', 'extension', 'firstName', 'lastName', 'loginId', 'mediaState', 'pendingState', 'state', 'stateChangeTime', 'uri',
];

test('the supervisor sees its agent sign in and go READY on the team node', async () => {
  await desktop.setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'so-in');
  const signedIn = await teamFeed.next((u) => u.node === teamNode && u.requestId === 'so-in');
  assert.equal(signedIn.data.getChildText('state'), 'NOT_READY', signedIn.text);
  await desktop.setState('<User><state>READY</state></User>', 'so-ready');
  const ready = await teamFeed.next((u) => u.node === teamNode && u.requestId === 'so-ready');
  assert.equal(ready.data.getChildText('state'), 'READY', ready.text);
});

test('the supervisor signs the agent out: both desktops hear of it with the requestId; REST and the engine agree', async () => {
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: SUPERVISOR, body: '<User><state>LOGOUT</state></User>', headers: { requestId: 'so-out' } });
  assert.equal(res.status, 202, res.text);
  assert.equal(res.headers.get('requestId'), 'so-out');

  const onTeam = await teamFeed.next((u) => u.node === teamNode && u.requestId === 'so-out');
  assert.equal(onTeam.event, 'PUT');
  assert.equal(onTeam.source, USER_NODE);
  assert.equal(onTeam.data.getName(), 'user');
  assert.deepEqual(childNames(onTeam.data), TEAM_MEMBER_CHILDREN, 'no reasonCode: 22 is a system code, not a ReasonCode');
  assert.deepEqual(['loginId', 'state', 'extension', 'pendingState'].map((n) => onTeam.data.getChildText(n)), [AGENT, 'LOGOUT', '', '']);

  const own = await desktop.feed.next((u) => u.node === USER_NODE && u.requestId === 'so-out');
  assert.deepEqual(['state', 'reasonCodeId', 'extension', 'pendingState'].map((n) => own.data.getChildText(n)), ['LOGOUT', '22', '', '']);

  const member = (await fx.call('GET', `/Team/${teamId}`, { as: SUPERVISOR })).xml?.getChild('users')?.getChildElements()
    .find((u) => u.getChildText('loginId') === AGENT);
  assert.equal(member?.getChildText('state'), 'LOGOUT');
  assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml?.getChildText('state'), 'LOGOUT');
  assert.equal(engine.engine.agents.get(AGENT)?.state ?? 'LOGOUT', 'LOGOUT');
});

test('signing out an agent already signed out is refused at once and reaches no desktop', async () => {
  const teamSeen = teamFeed.received.length;
  const ownSeen = desktop.feed.received.length;
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: SUPERVISOR, body: '<User><state>LOGOUT</state></User>', headers: { requestId: 'so-again' } });
  assert.equal(res.status, 400, res.text);
  assert.equal(apiErrorOf(res).ErrorType, 'Invalid State');
  // the next thing either desktop hears is the agent signing in again
  await desktop.setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'so-back');
  const next = await teamFeed.next((u) => u.node === teamNode && u.requestId === 'so-back');
  assert.equal(teamFeed.received.indexOf(next), teamSeen);
  assert.equal(desktop.feed.received.findIndex((u) => u.requestId === 'so-back'), ownSeen);
});
