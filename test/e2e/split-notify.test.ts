// The notification service on a node of its own: one node (in this process) runs the call manager, the engine and
// web; another, a child process, runs only notify. Web publishes over XMPP as finesse (POISE_WEB_NOTIFY_HOST); an
// agent's desktop on the notify node gets its User and Dialog updates as in one process, keeps getting them after
// the notify process is killed and started again, and cannot publish itself. Web sends the teams over the same link,
// so a supervisor on the notify node may subscribe to its team's node and not another's; an agent cannot send them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { XmppClient } from '@xmpp/client';
import { NodeProcess } from '../../src/cluster/node-process.ts';
import type { WebService } from '../../src/web/index.ts';
import { teamUsersNode } from '../../src/web/users/user.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { freePorts } from '../support/free-ports.ts';
import { dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';
import { connectClient, pubsubIq, refusal, xml } from '../support/xmpp.ts';
import { TEAMS_NS } from '../../src/notify/pubsub/team-memberships.ts';

const USER_NODE = '/finesse/api/User/agent1';
const DOMAIN = '127.0.0.1'; // both nodes' default XMPP domain: their host

let xmppPort = 0;
let dataDir = '';
let notifyProcess: NodeProcess;
let webNode: TestNode;
let web: WebService;
let baseUrl = '';
let desktop: XmppClient;
let feed: UpdateFeed;

/** `--only=notify` as an operator runs it, its c2s on the port web was told, AXL on the web node's call manager. */
async function startNotifyProcess(): Promise<void> {
  notifyProcess = new NodeProcess({
    label: 'notify', flags: {
      only: 'notify', host: '127.0.0.1', 'xmpp-port': xmppPort, 'xmpp-tls-port': 0, 'bosh-port': 0, 'bosh-https-port': 0,
      'data-dir': dataDir, 'demo-password': TEST_PASSWORD, 'axl-url': `${webNode.cmUrl}/axl/`,
    },
  });
  await notifyProcess.ready;
}

async function signInDesktop(): Promise<void> {
  desktop = await connectClient({ service: `xmpp://127.0.0.1:${xmppPort}`, domain: DOMAIN, username: 'agent1', password: TEST_PASSWORD });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
}

before(async () => {
  [xmppPort] = await freePorts(1) as [number];
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-notify-'));
  webNode = await startTestNode({
    POISE_ONLY: 'callmanager,engine,web', POISE_WEB_NOTIFY_HOST: '127.0.0.1', POISE_WEB_NOTIFY_PORT: String(xmppPort),
    POISE_WEB_NOTIFY_RETRY_MS: '50',
  });
  await startNotifyProcess();
  const found = webNode.node.services.find((s): s is WebService => s.name === 'web');
  assert.ok(found?.notifyLink);
  web = found;
  await web.cti?.whenOpen();
  const address = web.apps.http.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/finesse/api`;
  await signInDesktop();
});
after(async () => {
  await desktop?.stop();
  await webNode?.close();
  await notifyProcess?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function putUser(body: string): Promise<void> {
  const res = await fetch(`${baseUrl}/User/agent1`, {
    method: 'PUT', headers: { authorization: basicAuth('agent1'), 'content-type': 'application/xml' }, body,
  });
  assert.equal(res.status, 202, await res.text());
}

test('a REST state change on the web node reaches the desktop on the notify node, the <Update> web rendered', async () => {
  await putUser('<User><state>LOGIN</state><extension>1001</extension></User>');
  const update = await feed.next((u) => u.node === USER_NODE && u.data.getChildText('state') === 'NOT_READY');
  assert.equal(update.event, 'PUT');
  assert.ok(web.publisher.updates.some((u) => u.node === USER_NODE && u.xml === update.text), 'the desktop got the update web rendered');
});

test('an agent signed in to the notify node may not publish: auth/forbidden', async () => {
  const request = pubsubIq('set', `pubsub.${DOMAIN}`,
    xml('publish', { node: USER_NODE }, xml('item', {}, xml('notification', {}, '<Update/>'))));
  const refused = await refusal(desktop.iqCaller.request(request));
  assert.deepEqual([refused.type, refused.condition], ['auth', 'forbidden']);
});

test('after the notify process is killed and started again, web signs in again, provisions the team nodes, and later updates arrive', async () => {
  await notifyProcess.kill();
  await desktop.stop().catch(() => undefined);
  await startNotifyProcess();
  await signInDesktop();
  await putUser('<User><state>READY</state></User>');
  await feed.next((u) => u.node === USER_NODE && u.data.getChildText('state') === 'READY');
  // A team with no member in the changes above: its node exists again only because web provisioned it (§3.1), and
  // disco#info on a node asks no more than that.
  const [team] = web.teams.supervisedBy('supervisor2');
  assert.ok(team);
  const info = await desktop.iqCaller.request(xml('iq', { type: 'get', to: `pubsub.${DOMAIN}` },
    xml('query', { xmlns: 'http://jabber.org/protocol/disco#info', node: teamUsersNode(team.id) })));
  assert.equal(info.getChild('query')?.getChild('identity')?.attrs.type, 'leaf');
});

test('a lab call to the READY agent arrives on the notify node as a Dialog POST', async () => {
  const placed = await fetch(`${webNode.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550100', to: '7001' }),
  });
  assert.equal(placed.status, 201);
  const posted = await feed.next((u) => u.node === `${USER_NODE}/Dialogs` && u.event === 'POST');
  const dialog = dialogOf(posted);
  assert.equal(dialog.getChildText('state'), 'ALERTING');
  assert.deepEqual(participantsOf(dialog), ['+14155550100 ACTIVE', '1001 ALERTING [ANSWER]']);
});

async function subscribe(client: XmppClient, node: string): Promise<void> {
  await client.iqCaller.request(pubsubIq('set', `pubsub.${DOMAIN}`, xml('subscribe', { node, jid: String(client.jid).split('/')[0] ?? '' })));
}

test('with the teams web sent, supervisor1 on the notify node subscribes to its team\'s node and not another team\'s', async () => {
  await web.teams.whenBuilt();
  await web.notifyLink?.idle(); // the teams sent after the last sign-in (and after later changes) have been answered
  const [own] = web.teams.supervisedBy('supervisor1');
  const [other] = web.teams.supervisedBy('supervisor2');
  assert.ok(own && other && own.id !== other.id);
  const supervisor = await connectClient({ service: `xmpp://127.0.0.1:${xmppPort}`, domain: DOMAIN, username: 'supervisor1', password: TEST_PASSWORD });
  try {
    await subscribe(supervisor, teamUsersNode(own.id));
    const refused = await refusal(subscribe(supervisor, teamUsersNode(other.id)));
    assert.deepEqual([refused.type, refused.condition], ['cancel', 'not-allowed']);
  } finally {
    await supervisor.stop();
  }
});

test('an agent on the notify node may not send the teams: auth/forbidden, and its map changes nothing', async () => {
  const [other] = web.teams.supervisedBy('supervisor2');
  assert.ok(other);
  const forged = xml('iq', { type: 'set', to: DOMAIN },
    xml('query', { xmlns: TEAMS_NS }, xml('team', { id: String(other.id) }, xml('supervisor', {}, 'agent1'))));
  const refused = await refusal(desktop.iqCaller.request(forged));
  assert.deepEqual([refused.type, refused.condition], ['auth', 'forbidden']);
  const stillRefused = await refusal(subscribe(desktop, teamUsersNode(other.id)));
  assert.deepEqual([stillRefused.type, stillRefused.condition], ['cancel', 'not-allowed']);
});
