// ClientLog (rest-api.md §9, notifications.md §3.1): an accepted upload is announced by a POST on the user's
// /finesse/api/User/{id}/ClientLog node, which a desktop subscribes to before its first upload; a refused one is not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../../src/notify/index.ts';
import { AGENT, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';
import { TEST_PASSWORD } from '../../support/test-node.ts';
import { updateFeed, type UpdateFeed } from '../../support/update-feed.ts';
import { connectClient, pubsubIq, xml } from '../../support/xmpp.ts';

const NODE = `/finesse/api/User/${AGENT}/ClientLog`;
const UPLOAD = '<ClientLog><logData>line one\nline two</logData></ClientLog>';

let fx: WebFixture;
let desktop: XmppClient;
let feed: UpdateFeed;

before(async () => {
  fx = await startWebNode();
  await fx.web.teams.whenBuilt();
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  const domain = notify.server.domain;
  desktop = await connectClient({ service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain, username: AGENT, password: TEST_PASSWORD });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
  // finesse.js subscribes at start, before it has uploaded anything: the node is there already.
  const subscribed = await desktop.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node: NODE, jid: `${AGENT}@${domain}` })));
  assert.equal(subscribed.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
});
after(async () => {
  await desktop?.stop();
  await fx?.close();
});

test('an accepted upload: 202, then a POST on the user\'s ClientLog node carrying the requestId', async () => {
  const res = await fx.call('POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: UPLOAD, headers: { requestId: 'log-1' } });
  assert.equal(res.status, 202, res.text);
  const update = await feed.next((u) => u.node === NODE);
  assert.deepEqual([update.event, update.requestId, update.source, update.data.getName()], ['POST', 'log-1', NODE, 'clientLog']);
  assert.ok(!update.text.includes('line one'), 'the log itself is not sent back');
});

test('refused uploads publish nothing', async () => {
  const published = fx.web.publisher.updates.filter((u) => u.node === NODE).length;
  await expectRefused(fx, 'POST', '/User/agent2/ClientLog', { as: AGENT, body: UPLOAD }, { status: 401, errorType: 'Invalid Authorization User Specified' });
  await expectRefused(fx, 'POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: '<ClientLog><logData>x' }, { status: 400, errorType: 'Bad Request' });
  await expectRefused(fx, 'POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: '<ClientLog/>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'logData' });
  // A later accepted upload is the next one the desktop receives: nothing came in between.
  assert.equal((await fx.call('POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: UPLOAD, headers: { requestId: 'log-2' } })).status, 202);
  assert.equal((await feed.next((u) => u.node === NODE)).requestId, 'log-2');
  assert.equal(fx.web.publisher.updates.filter((u) => u.node === NODE).length, published + 1);
});
