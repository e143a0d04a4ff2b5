// The call manager's provider link over a real socket: refusals in the link's own form that leave other links
// alone, requests answered under their id with the events they cause sent first, and a closed link that shuts
// its session down while its calls stay up.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICE_ACCOUNTS } from '../../../src/shared/demo-contact-center.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from '../../support/test-node.ts';
import { connectRawLink, type Frame, type RawLink } from '../../support/provider-link.ts';

let node: TestNode;
let url: string;
before(async () => {
  node = await startTestNode({ POISE_ONLY: 'callmanager' });
  url = `ws://127.0.0.1:${node.callmanager.providerLinkPort}`;
});
after(async () => { await node.close(); });

const opened = async (): Promise<RawLink> => {
  const link = await connectRawLink(url);
  link.send({ type: 'open', appUser: SERVICE_ACCOUNTS.provider, password: TEST_PASSWORD });
  assert.deepEqual(await link.next(), { type: 'opened', appUserId: SERVICE_ACCOUNTS.provider, runId: node.callmanager.provider.runId });
  return link;
};

const labCall = async (to: string): Promise<string> => {
  const reply = await fetch(`${node.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550199', to }),
  });
  assert.equal(reply.status, 201);
  return String(((await reply.json()) as Frame)['id']);
};

const errorOf = (frame: Frame) => ({ condition: frame['condition'], id: frame['id'] });

test('bad frames, requests before open and wrong credentials get link errors; another link carries on', async () => {
  const good = await opened();
  const bad = await connectRawLink(url);
  bad.send('{"type": "open", ');
  assert.deepEqual(errorOf(await bad.next()), { condition: 'bad-json', id: undefined });
  bad.send({ type: 'subscribe', to: 'everything' });
  assert.deepEqual(errorOf(await bad.next()), { condition: 'bad-message', id: undefined });
  bad.send({ type: 'request', id: 5, method: 'drop', params: { callId: 'c1' } });
  const early = await bad.next();
  assert.deepEqual(errorOf(early), { condition: 'not-open', id: 5 });
  assert.match(String(early['message']), /open/);
  bad.send({ type: 'request', id: 6, method: 'format', params: {} });
  assert.deepEqual(errorOf(await bad.next()), { condition: 'bad-message', id: 6 });
  bad.send({ type: 'open', appUser: SERVICE_ACCOUNTS.provider, password: 'wrong-password' });
  const refused = await bad.next();
  assert.equal(refused['condition'], 'open-refused');
  assert.match(String(refused['message']), /PrivilegeViolation/);
  assert.equal((await bad.closed).code, 4001);

  // the good link never saw any of it and still works
  const reply = await good.request(1, 'registerRoutePoint', { device: 'RP_Sales' });
  assert.deepEqual(reply['reply'], { ok: true });
  const agents = await good.request(2, 'listAgents');
  const list = (agents['reply'] as { value: Frame[] }).value;
  assert.ok(list.some((a) => a['userId'] === 'agent1' && a['extension'] === '1001' && a['type'] === 'AGENT'));
  assert.ok(list.every((a) => Array.isArray(a['devices'])));
  assert.equal(good.log.filter((f) => f['type'] === 'error').length, 0);
  const invalid = await good.request(3, 'redirect', { callId: 'c1' });
  assert.equal((invalid['reply'] as Frame)['error'], 'InvalidArgument');
  good.close();
  await good.closed;
});

test('a request\'s events come before its reply; a closed link releases its route point and the call stays up', async () => {
  const link = await opened();
  assert.deepEqual((await link.request(1, 'registerRoutePoint', { device: 'RP_Sales' }))['reply'], { ok: true });
  assert.deepEqual((await link.request(9, 'observe', { addresses: ['1001'] }))['reply'], { ok: true });
  const callId = await labCall('7001');
  const offered = await link.next((f) => f['type'] === 'event' && (f['event'] as Frame)['type'] === 'CallCtlConnOfferedEv');
  assert.equal((offered['event'] as Frame)['callId'], callId);
  // each event carries the call as it stood then
  assert.equal(((offered['call'] as Frame)['value'] as Frame)['id'], callId);

  const redirect = await link.request(2, 'redirect', { callId, address: '7001', dest: '1001' });
  assert.deepEqual(redirect['reply'], { ok: true });
  const replyAt = link.log.indexOf(redirect);
  const alerting = link.log.findIndex((f) => f['type'] === 'event'
    && (f['event'] as Frame)['type'] === 'CallCtlConnAlertingEv' && (f['event'] as Frame)['address'] === '1001');
  assert.ok(alerting >= 0 && alerting < replyAt, 'the alerting event is sent before the reply');

  link.close();
  await link.closed;
  // the call rings on at the agent's line, and the route point is free for the next application
  const call = await (await fetch(`${node.cmUrl}/lab/calls/${callId}`, { headers: { authorization: basicAuth('admin') } })).json() as Frame;
  assert.notEqual(call['state'], 'INVALID');
  const next = await opened();
  assert.deepEqual((await next.request(1, 'registerRoutePoint', { device: 'RP_Sales' }))['reply'], { ok: true });
  const waiting = await labCall('7001');
  await next.next((f) => f['type'] === 'event' && (f['event'] as Frame)['callId'] === waiting);
  next.close();
  await next.closed;
  // a call waiting at a route point keeps waiting when the application's link closes (offer.ts)
  const still = await (await fetch(`${node.cmUrl}/lab/calls/${waiting}`, { headers: { authorization: basicAuth('admin') } }));
  assert.equal(still.status, 200);
  assert.notEqual(((await still.json()) as Frame)['state'], 'INVALID');
});
