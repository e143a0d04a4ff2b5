import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PubsubService } from '../../../src/notify/pubsub/service.ts';
import { ownNodesPolicy } from '../../../src/notify/pubsub/policy.ts';
import { parseJid, type Jid } from '../../../src/notify/xmpp/jid.ts';

const D = 'node-a.example.net';
const jid = (text: string): Jid => parseJid(text) ?? assert.fail(text);
const amoss = jid(`amoss@${D}/desktop`);

function service(max = 200) {
  let n = 0;
  const s = new PubsubService({
    domain: D, policy: ownNodesPolicy({ publisherBareJid: `finesse@${D}` }), maxSubscriptionsPerSession: max,
    newItemId: () => `item-${++n}`,
  });
  for (const node of ['/finesse/api/User/amoss', '/finesse/api/User/jkane', '/finesse/api/User/amoss/Queues',
    '/finesse/api/SystemInfo', '/finesse/api/Team/22/Users', '/finesse/api/Queue/3']) s.createNode(node);
  return s;
}

const refusals: Array<[string, Jid, string, string, string]> = [
  ['another user\'s JID', amoss, '/finesse/api/User/amoss', `jkane@${D}`, 'invalid-jid'],
  ['a node that does not exist', amoss, '/finesse/api/User/nobody', `amoss@${D}`, 'item-not-found'],
  ['another agent\'s node', amoss, '/finesse/api/User/jkane', `amoss@${D}`, 'not-allowed'],
  ['a team node (no teams yet)', jid(`jkane@${D}/desktop`), '/finesse/api/Team/22/Users', `jkane@${D}`, 'not-allowed'],
];
for (const [name, requester, node, target, failure] of refusals) {
  test(`subscribe refuses ${name}: ${failure}`, () => {
    assert.deepEqual(service().subscribe(requester, node, target), { ok: false, failure });
  });
}

test('subscribe is idempotent, case-insensitive on ids, and answers the canonical node name', () => {
  const s = service();
  const first = s.subscribe(amoss, '/finesse/api/user/AMOSS/queues', `amoss@${D}/desktop`);
  assert.deepEqual(first, { ok: true, value: { node: '/finesse/api/User/amoss/Queues', jid: `amoss@${D}/desktop` } });
  assert.deepEqual(s.subscribe(amoss, '/finesse/api/User/amoss/Queues', `amoss@${D}/desktop`), first);
  assert.deepEqual([...s.audience('/finesse/api/User/amoss/Queues').full], [`amoss@${D}/desktop`]);
});

test('subscriptions list implicit ones with the bare JID first; everyone may take Queue nodes', () => {
  const s = service();
  assert.ok(s.subscribe(amoss, '/finesse/api/Queue/3', `amoss@${D}`).ok);
  assert.deepEqual(s.subscriptions(amoss), [
    { node: '/finesse/api/User/amoss', jid: `amoss@${D}` },
    { node: '/finesse/api/SystemInfo', jid: `amoss@${D}` },
    { node: '/finesse/api/Queue/3', jid: `amoss@${D}` },
  ]);
});

test('the publisher may subscribe anywhere; the per-session limit holds', () => {
  const s = service(1);
  const finesse = jid(`finesse@${D}/poise-web`);
  assert.ok(s.subscribe(finesse, '/finesse/api/Team/22/Users', `finesse@${D}/poise-web`).ok);
  assert.deepEqual(s.subscribe(finesse, '/finesse/api/Queue/3', `finesse@${D}/poise-web`), { ok: false, failure: 'too-many-subscriptions' });
  s.endSession(`finesse@${D}/poise-web`);
  assert.ok(s.subscribe(finesse, '/finesse/api/Queue/3', `finesse@${D}/poise-web`).ok);
});

test('unsubscribe: not-subscribed, implicit, and success', () => {
  const s = service();
  assert.deepEqual(s.unsubscribe(amoss, '/finesse/api/Queue/3', `amoss@${D}`), { ok: false, failure: 'not-subscribed' });
  assert.deepEqual(s.unsubscribe(amoss, '/finesse/api/User/amoss', `amoss@${D}`), { ok: false, failure: 'implicit-subscription' });
  assert.ok(s.subscribe(amoss, '/finesse/api/Queue/3', `amoss@${D}`).ok);
  assert.ok(s.unsubscribe(amoss, '/finesse/api/Queue/3', `amoss@${D}`).ok);
  assert.equal(s.audience('/finesse/api/Queue/3').bare.size, 0);
});

test('publish keeps the last item and names its audience: implicit user, everyone for SystemInfo', () => {
  const s = service();
  const published = s.publish('/finesse/api/User/amoss/Dialogs', '<Update/>');
  assert.deepEqual(published, { ok: false, failure: 'item-not-found' });
  const user = s.publish('/finesse/api/user/amoss', '<Update/>');
  assert.ok(user.ok);
  assert.deepEqual([...user.value.audience.bare], [`amoss@${D}`]);
  assert.deepEqual(s.lastItem('/finesse/api/User/amoss'), { ok: true, value: { node: '/finesse/api/User/amoss', id: 'item-1', payload: '<Update/>' } });
  const system = s.publish('/finesse/api/SystemInfo', '<Update/>');
  assert.ok(system.ok && system.value.audience.everyone);
  assert.deepEqual(s.deleteNode('/finesse/api/SystemInfo'), { ok: true, value: '/finesse/api/SystemInfo' });
  assert.deepEqual(s.createNode('/finesse/api/User/AMOSS'), { ok: false, failure: 'conflict' });
});

test('a publisher-supplied item id is kept (XEP-0060 §7.1.1); none given, the service makes one', () => {
  const s = service();
  const given = s.publish('/finesse/api/User/amoss', '<Update/>', 'run1-42');
  assert.equal(given.ok && given.value.item.id, 'run1-42');
  const made = s.publish('/finesse/api/User/amoss', '<Update/>');
  assert.equal(made.ok && made.value.item.id, 'item-1');
});
