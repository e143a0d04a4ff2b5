// A supervisor's desktop over real XMPP (notifications.md §3.1): it may subscribe to its team's Users node and its
// agents' User nodes, not to another team's; an agent may not subscribe to another agent's node. Member state
// changes reach the supervisor live. A burst of bad REST requests leaves every session working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../src/notify/index.ts';
import { AGENT, SUPERVISOR, startWebNode, type WebFixture, demoTeamIds } from '../support/web.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { connectClient, nextStanza, pubsubIq, refusal, xml } from '../support/xmpp.ts';

let fx: WebFixture;
let supervisor: XmppClient;
let agent: XmppClient;
let domain: string;
let sales: number;
let support: number;

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  await fx.web.teams.whenBuilt();
  ({ sales, support } = demoTeamIds(fx));
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  domain = notify.server.domain;
  const service = `xmpp://127.0.0.1:${notify.ports.xmpp}`;
  supervisor = await connectClient({ service, domain, username: SUPERVISOR, password: TEST_PASSWORD });
  agent = await connectClient({ service, domain, username: AGENT, password: TEST_PASSWORD });
  await supervisor.send(xml('presence'));
  await agent.send(xml('presence'));
});
after(async () => {
  await supervisor?.stop();
  await agent?.stop();
  await fx.close();
});

const subscribe = (client: XmppClient, userid: string, node: string) =>
  client.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node, jid: `${userid}@${domain}/desktop` })));

test('a supervisor subscribes to its team\'s node and its agents\' nodes, not to another team\'s', async () => {
  const own = await subscribe(supervisor, SUPERVISOR, `/finesse/api/Team/${sales}/Users`);
  assert.equal(own.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
  const member = await subscribe(supervisor, SUPERVISOR, `/finesse/api/User/${AGENT}`);
  assert.equal(member.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
  const otherTeam = await refusal(subscribe(supervisor, SUPERVISOR, `/finesse/api/Team/${support}/Users`));
  assert.deepEqual([otherTeam.condition, otherTeam.application], ['not-allowed', 'closed-node']);
  const otherAgent = await refusal(subscribe(supervisor, SUPERVISOR, '/finesse/api/User/agent6'));
  assert.equal(otherAgent.condition, 'not-allowed');
});

test('an agent may not subscribe to another agent\'s node nor to its team\'s node', async () => {
  const other = await refusal(subscribe(agent, AGENT, '/finesse/api/User/agent2'));
  assert.deepEqual([other.condition, other.application], ['not-allowed', 'closed-node']);
  const team = await refusal(subscribe(agent, AGENT, `/finesse/api/Team/${sales}/Users`));
  assert.equal(team.condition, 'not-allowed');
});

/** The escaped `<Update>` of the next event on `node` that carries `requestId`. */
function nextUpdate(client: XmppClient, node: string, requestId: string): Promise<string> {
  return nextStanza(client, (s) => s.is('message') && s.getChild('event')?.getChild('items')?.attrs.node === node
    && s.toString().includes(`&lt;requestId&gt;${requestId}&lt;/requestId&gt;`))
    .then((m) => m.getChild('event')?.getChild('items')?.getChild('item')?.getChild('notification')?.getText() ?? '');
}

test('the supervisor sees its agent\'s state changes live on the team node', async () => {
  const teamNode = `/finesse/api/Team/${sales}/Users`;
  const signIn = nextUpdate(supervisor, teamNode, 'live-in');
  const ownEvent = nextUpdate(agent, `/finesse/api/User/${AGENT}`, 'live-in');
  const res = await fx.call('PUT', `/User/${AGENT}`, {
    as: AGENT, body: '<User><state>LOGIN</state><extension>1001</extension></User>', headers: { requestId: 'live-in' },
  });
  assert.equal(res.status, 202, res.text);
  const update = await signIn;
  assert.match(update, /^<Update><data><user><dialogs>/);
  assert.match(update, /<loginId>agent1<\/loginId>.*<state>NOT_READY<\/state>/);
  assert.match(update, /<source>\/finesse\/api\/User\/agent1<\/source><\/Update>$/);
  assert.match(await ownEvent, /<state>NOT_READY<\/state>/);

  // the supervisor acts on the agent: both desktops hear of it
  const onTeam = nextUpdate(supervisor, teamNode, 'live-ready');
  const onAgent = nextUpdate(agent, `/finesse/api/User/${AGENT}`, 'live-ready');
  const ready = await fx.call('PUT', `/User/${AGENT}`, {
    as: SUPERVISOR, body: '<User><state>READY</state></User>', headers: { requestId: 'live-ready' },
  });
  assert.equal(ready.status, 202, ready.text);
  assert.match(await onTeam, /<state>READY<\/state>/);
  assert.match(await onAgent, /<state>READY<\/state>/);
});

test('1,000 bad requests (bad XML, wrong password, no credentials) leave the sessions working', async () => {
  const bad = [
    () => fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body: '<User><state>READY</stat' }),
    // a password spray on one account: locked after 5 failures (rest-api.md §1.3), still 401 every time
    () => fx.call('GET', '/User/agent9', { as: { userid: 'agent9', password: 'wrong-password' } }),
    () => fx.call('GET', `/Team/${sales}`, { as: null }),
    () => fx.call('PUT', `/User/${AGENT}`, { as: null, body: '<User><state>LOGOUT</state></User>' }),
  ];
  const statuses = new Map<number, number>();
  for (let round = 0; round < 50; round++) {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => bad[i % bad.length]!()));
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  }
  assert.deepEqual([...statuses.entries()].sort(), [[400, 250], [401, 750]]);
  assert.equal(fx.web.users.teamsOf(AGENT).team?.id, sales);
  assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml?.getChildText('state'), 'READY');
  // the XMPP sessions still deliver
  const onTeam = nextUpdate(supervisor, `/finesse/api/Team/${sales}/Users`, 'after-burst');
  const res = await fx.call('PUT', `/User/${AGENT}`, {
    as: SUPERVISOR, body: '<User><state>NOT_READY</state></User>', headers: { requestId: 'after-burst' },
  });
  assert.equal(res.status, 202, res.text);
  assert.match(await onTeam, /<state>NOT_READY<\/state>/);
});
