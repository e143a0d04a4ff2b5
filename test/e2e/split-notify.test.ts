// The notification service on a node of its own: one node runs the call manager, the engine and web, another only
// notify. Web publishes over XMPP as finesse (POISE_WEB_NOTIFY_HOST); an agent's desktop on the notify node gets its
// User and Dialog updates as in one process, keeps getting them after notify restarts, and cannot publish itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { XmppClient } from '@xmpp/client';
import { loadConfig } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { startNode, type RunningNode } from '../../src/node.ts';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import type { WebService } from '../../src/web/index.ts';
import { teamUsersNode } from '../../src/web/users/user.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { freePorts } from '../support/free-ports.ts';
import { dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';
import { connectClient, pubsubIq, refusal, xml } from '../support/xmpp.ts';

const USER_NODE = '/finesse/api/User/agent1';

/** A node running the notification service alone, its c2s on `xmppPort`, AXL on the call manager's node. */
async function startNotifyNode(xmppPort: number, axlUrl: string): Promise<{ node: RunningNode; notify: NotifyService; close(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-notify-'));
  const config = loadConfig({
    POISE_ONLY: 'notify', POISE_XMPP_PORT: String(xmppPort), POISE_XMPP_TLS_PORT: '0', POISE_BOSH_PORT: '0',
    POISE_BOSH_HTTPS_PORT: '0', POISE_HOST: '127.0.0.1', POISE_DATA_DIR: dataDir, POISE_DEMO_PASSWORD: TEST_PASSWORD,
    POISE_AXL_URL: axlUrl,
  });
  const node = await startNode(config, silentLogger);
  const notify = node.services.find(isNotifyService);
  assert.ok(notify);
  return { node, notify, async close() { await node.close(); await rm(dataDir, { recursive: true, force: true }); } };
}

let xmppPort = 0;
let notifyNode: Awaited<ReturnType<typeof startNotifyNode>>;
let webNode: TestNode;
let web: WebService;
let baseUrl = '';
let desktop: XmppClient;
let feed: UpdateFeed;

async function signInDesktop(): Promise<void> {
  desktop = await connectClient({
    service: `xmpp://127.0.0.1:${xmppPort}`, domain: notifyNode.notify.server.domain, username: 'agent1', password: TEST_PASSWORD,
  });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
}

before(async () => {
  [xmppPort] = await freePorts(1) as [number];
  // notify first, so its AXL URL can be known: the call manager's node binds port 0, so start it and point after.
  webNode = await startTestNode({
    POISE_ONLY: 'callmanager,engine,web', POISE_WEB_NOTIFY_HOST: '127.0.0.1', POISE_WEB_NOTIFY_PORT: String(xmppPort),
    POISE_WEB_NOTIFY_RETRY_MS: '50',
  });
  notifyNode = await startNotifyNode(xmppPort, `${webNode.cmUrl}/axl/`);
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
  await notifyNode?.close();
});

async function putUser(body: string): Promise<void> {
  const res = await fetch(`${baseUrl}/User/agent1`, {
    method: 'PUT', headers: { authorization: basicAuth('agent1'), 'content-type': 'application/xml' }, body,
  });
  assert.equal(res.status, 202, await res.text());
}

test('a REST state change on the web node reaches the desktop on the notify node, the same <Update> as rendered', async () => {
  await putUser('<User><state>LOGIN</state><extension>1001</extension></User>');
  const update = await feed.next((u) => u.node === USER_NODE && u.data.getChildText('state') === 'NOT_READY');
  assert.equal(update.event, 'PUT');
  const rendered = web.publisher.updates.find((u) => u.node === USER_NODE && u.xml === update.text);
  assert.ok(rendered, 'the desktop got the update web rendered');
  const stored = notifyNode.notify.server.pubsub.lastItem(USER_NODE);
  assert.ok(stored.ok);
  // The item notify keeps is, character for character, one web rendered (later ones may still be on their way).
  assert.ok(web.publisher.updates.some((u) => u.node === USER_NODE && u.xml === stored.value?.payload));
});

test('an agent signed in to the notify node may not publish: auth/forbidden', async () => {
  const request = pubsubIq('set', `pubsub.${notifyNode.notify.server.domain}`,
    xml('publish', { node: USER_NODE }, xml('item', {}, xml('notification', {}, '<Update/>'))));
  const refused = await refusal(desktop.iqCaller.request(request));
  assert.deepEqual([refused.type, refused.condition], ['auth', 'forbidden']);
});

test('after the notify node restarts, web signs in again, provisions the team nodes, and later updates arrive', async () => {
  await desktop.stop();
  await notifyNode.close();
  notifyNode = await startNotifyNode(xmppPort, `${webNode.cmUrl}/axl/`);
  await signInDesktop();
  await putUser('<User><state>READY</state></User>');
  await feed.next((u) => u.node === USER_NODE && u.data.getChildText('state') === 'READY');
  // A team with no member in the changes above: its node exists again only because web provisioned it (§3.1), and
  // disco#info on a node asks no more than that.
  const [team] = web.teams.supervisedBy('supervisor2');
  assert.ok(team);
  const info = await desktop.iqCaller.request(xml('iq', { type: 'get', to: `pubsub.${notifyNode.notify.server.domain}` },
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
