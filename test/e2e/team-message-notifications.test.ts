// Team messages over real XMPP (rest-api.md §5.3, notifications.md §3.1): an agent subscribes to its own team's
// TeamMessages node, not to another team's, and gets the supervisor's message and its deletion live.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../src/notify/index.ts';
import { AGENT, SUPERVISOR, startWebNode, type WebFixture, demoTeamIds } from '../support/web.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { connectClient, nextStanza, pubsubIq, refusal, xml } from '../support/xmpp.ts';

let fx: WebFixture;
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
  agent = await connectClient({ service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain, username: AGENT, password: TEST_PASSWORD });
  await agent.send(xml('presence'));
});
after(async () => {
  await agent?.stop();
  await fx.close();
});

const subscribe = (node: string) =>
  agent.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node, jid: `${AGENT}@${domain}/desktop` })));

/** The decoded `<Update>` of the next event on `node` that carries `requestId`. */
const nextUpdate = (node: string, requestId: string): Promise<string> =>
  nextStanza(agent, (s) => s.is('message') && s.getChild('event')?.getChild('items')?.attrs.node === node
    && s.toString().includes(`&lt;requestId&gt;${requestId}&lt;/requestId&gt;`))
    .then((m) => m.getChild('event')?.getChild('items')?.getChild('item')?.getChild('notification')?.getText() ?? '');

test('an agent subscribes to its own team\'s messages only', async () => {
  const own = await subscribe(`/finesse/api/Team/${sales}/TeamMessages`);
  assert.equal(own.getChild('pubsub')?.getChild('subscription')?.attrs.subscription, 'subscribed');
  const other = await refusal(subscribe(`/finesse/api/Team/${support}/TeamMessages`));
  assert.deepEqual([other.condition, other.application], ['not-allowed', 'closed-node']);
});

test('the supervisor\'s message and its deletion reach the subscribed agent', async () => {
  const node = `/finesse/api/Team/${sales}/TeamMessages`;
  const posted = nextUpdate(node, 'xmpp-post');
  const res = await fx.call('POST', '/TeamMessage', {
    as: SUPERVISOR, headers: { requestId: 'xmpp-post' },
    body: `<TeamMessage><content>Queue is long, stay READY</content><duration>600</duration><teams><team>${sales}</team></teams></TeamMessage>`,
  });
  assert.equal(res.status, 200, res.text);
  const id = res.headers.get('location')?.split('/').pop() ?? '';
  const post = await posted;
  assert.match(post, /^<Update><data><teamMessages><TeamMessage><content>Queue is long, stay READY<\/content>/);
  assert.match(post, new RegExp(`<id>${id}</id>.*<event>POST</event><requestId>xmpp-post</requestId><source>${node}</source></Update>$`));

  const deleted = nextUpdate(node, 'xmpp-delete');
  assert.equal((await fx.call('DELETE', `/TeamMessage/${id}`, { as: SUPERVISOR, headers: { requestId: 'xmpp-delete' } })).status, 200);
  assert.match(await deleted, new RegExp(`<id>${id}</id>.*<event>DELETE</event>`));
});
