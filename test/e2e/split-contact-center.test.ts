// A whole contact center over two nodes, as a cluster runs it: one node is the call manager alone, the other
// runs notify, engine, Live Data and web, reaching the call manager over the provider link and AXL. An agent
// signs in over REST, a lab call to 7001 rings the READY agent, and the desktop gets the Dialog over XMPP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../src/notify/index.ts';
import type { WebService } from '../../src/web/index.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { startSplitNode, type SplitNode } from '../support/split-node.ts';
import { connectClient, xml } from '../support/xmpp.ts';
import { dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';

let callmanager: TestNode;
let node: SplitNode;
let web: WebService;
let desktop: XmppClient;
let feed: UpdateFeed;
let baseUrl = '';

before(async () => {
  callmanager = await startTestNode({ POISE_ONLY: 'callmanager' });
  node = await startSplitNode(callmanager, `ws://127.0.0.1:${callmanager.callmanager.providerLinkPort}`,
    { POISE_ONLY: 'notify,engine,livedata,web' });
  const found = node.node.services.find((s): s is WebService => s.name === 'web');
  assert.ok(found);
  web = found;
  await web.cti?.whenOpen();
  const address = web.apps.http.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/finesse/api`;
  const notify = node.node.services.find(isNotifyService);
  assert.ok(notify);
  desktop = await connectClient({
    service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain: notify.server.domain, username: 'agent1', password: TEST_PASSWORD,
  });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
});
after(async () => {
  await desktop?.stop();
  await node?.close();
  await callmanager?.close();
});

async function setState(body: string, expected: string): Promise<void> {
  const res = await fetch(`${baseUrl}/User/agent1`, {
    method: 'PUT', headers: { authorization: basicAuth('agent1'), 'content-type': 'application/xml' }, body,
  });
  assert.equal(res.status, 202, await res.text());
  await web.publisher.waitFor((u) => u.node === '/finesse/api/User/agent1' && u.xml.includes(`<state>${expected}</state>`));
}

test('an agent signs in over REST on the split node and a lab call rings it as a Dialog', async () => {
  await setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'NOT_READY');
  await setState('<User><state>READY</state></User>', 'READY');
  const placed = await fetch(`${callmanager.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550100', to: '7001' }),
  });
  assert.equal(placed.status, 201);
  const posted = await feed.next((u) => u.node === '/finesse/api/User/agent1/Dialogs' && u.event === 'POST');
  const dialog = dialogOf(posted);
  assert.equal(dialog.getChildText('state'), 'ALERTING');
  assert.deepEqual(participantsOf(dialog), ['+14155550100 ACTIVE', '1001 ALERTING [ANSWER]']);
  const user = await fetch(`${baseUrl}/User/agent1`, { headers: { authorization: basicAuth('agent1') } });
  assert.equal(user.status, 200);
  assert.match(await user.text(), /<state>RESERVED<\/state>/);
});

test('the administrator signs in to the Configuration API through AXL on the call manager\'s node', async () => {
  const adminapi = baseUrl.replace(/\/finesse\/api$/, '/adminapi');
  const resources = await fetch(`${adminapi}/resource`, { headers: { authorization: basicAuth('admin') } });
  assert.equal(resources.status, 200);
  assert.match(await resources.text(), /agent1/);
  const refused = await fetch(`${adminapi}/resource`, { headers: { authorization: basicAuth('admin', 'wrong-password') } });
  assert.equal(refused.status, 401);
});
