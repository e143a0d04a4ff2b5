// The ManagedHub's routing and policy, with page code joined through InlineContainer/InlineHubClient (no DOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HubErrors, InlineContainer, InlineHubClient, ManagedHub, type HubContainer, type ManagedHubParams,
} from '../../../desktop/hub/index.ts';

interface Delivery { client: string; topic: string; data: unknown; subscriberData: unknown }

function setup(policy: Partial<ManagedHubParams> = {}) {
  const deliveries: Delivery[] = [];
  const unsubscribed: string[] = [];
  const hub = new ManagedHub({
    onPublish: () => true, onSubscribe: () => true, onUnsubscribe: (topic) => unsubscribed.push(topic), ...policy,
  });
  const join = (id: string) => {
    const container = new InlineContainer(hub, id, {});
    const client = new InlineHubClient({ InlineHubClient: { container } });
    let connected = false;
    client.connect((_c, ok) => { connected = ok; });
    assert.ok(connected, `${id} connected`);
    const listen = (topic: string, subscriberData?: unknown) => {
      let outcome: boolean | undefined;
      let error: string | undefined;
      const id2 = client.subscribe(topic, (t, data, sd) => deliveries.push({ client: id, topic: t, data, subscriberData: sd }),
        undefined, (_id, ok, err) => { outcome = ok; error = err; }, subscriberData);
      return { id: id2, outcome, error };
    };
    return { container, client, listen };
  };
  return { hub, deliveries, unsubscribed, join };
}

test('a publication reaches exact and wildcard subscribers, with their subscriber data, and not the others', () => {
  const { deliveries, join } = setup();
  const a = join('a');
  const b = join('b');
  b.listen('sampleGadget.info', 'exact');
  b.listen('sampleGadget.*', 'star');
  b.listen('sampleGadget.**', 'stars');
  b.listen('other.topic');
  const data = { type: 'SendDataReq', data: 'hello', invokeID: 1 };
  a.client.publish('sampleGadget.info', data);
  assert.deepEqual(deliveries.map((d) => d.subscriberData), ['exact', 'star', 'stars']);
  assert.ok(deliveries.every((d) => d.client === 'b' && d.topic === 'sampleGadget.info'));
  assert.deepEqual(deliveries[0]?.data, data);
});

test('the manager publishes and subscribes itself; onPublish sees null for the manager', () => {
  const seen: Array<[string | null, string | null]> = [];
  const { hub, deliveries, join } = setup({
    onPublish: (_t, _d, from: HubContainer | null, to: HubContainer | null) => {
      seen.push([from?.getClientID() ?? null, to?.getClientID() ?? null]);
      return true;
    },
  });
  const a = join('a');
  a.listen('finesse.info.connection');
  const own: unknown[] = [];
  hub.subscribe('finesse.info.requests', (_t, data) => own.push(data));
  hub.publish('finesse.info.connection', { status: 'connected', resourceID: 'r' });
  a.client.publish('finesse.info.requests', { type: 'ConnectionInfoReq', data: {}, invokeID: 'x' });
  assert.deepEqual(deliveries.map((d) => d.data), [{ status: 'connected', resourceID: 'r' }]);
  assert.deepEqual(own, [{ type: 'ConnectionInfoReq', data: {}, invokeID: 'x' }]);
  assert.deepEqual(seen, [[null, 'a'], ['a', null]]);
});

test('onPublish refusing one delivery withholds only that one', () => {
  const { deliveries, join } = setup({
    onPublish: (topic, _d, from, to) => !(topic.startsWith('finesse.api.') && from !== null && to?.getClientID() === 'c'),
  });
  const a = join('a');
  const b = join('b');
  const c = join('c');
  b.listen('finesse.api.**');
  c.listen('finesse.api.**');
  a.client.publish('finesse.api.User.agent1', 'forged');
  assert.deepEqual(deliveries.map((d) => d.client), ['b']);
  void c;
});

test('onSubscribe refusing answers NotAllowed and nothing is delivered', () => {
  const { deliveries, join } = setup({ onSubscribe: (topic) => !topic.startsWith('secret') });
  const a = join('a');
  const refused = a.listen('secret.plans');
  assert.equal(refused.outcome, false);
  assert.equal(refused.error, HubErrors.NotAllowed);
  a.client.publish('secret.plans', 1);
  assert.equal(deliveries.length, 0);
  const ok = a.listen('open.plans');
  assert.equal(ok.outcome, true);
});

test('bad arguments throw BadParameters; calls after disconnect throw Disconnected; unknown ids NoSubscription', () => {
  const { join } = setup();
  const a = join('a');
  assert.throws(() => a.client.publish('a..b', 1), { message: HubErrors.BadParameters });
  assert.throws(() => a.client.subscribe('a.**.b', () => undefined), { message: HubErrors.BadParameters });
  assert.throws(() => a.client.subscribe('a.b', 'nope' as never), { message: HubErrors.BadParameters });
  assert.throws(() => a.client.unsubscribe('999'), { message: HubErrors.NoSubscription });
  a.client.disconnect();
  assert.equal(a.client.isConnected(), false);
  assert.throws(() => a.client.publish('a.b', 1), { message: HubErrors.Disconnected });
});

test('unsubscribe stops deliveries and tells onUnsubscribe; a disconnect drops every subscription', () => {
  const { deliveries, unsubscribed, join } = setup();
  const a = join('a');
  const b = join('b');
  const first = b.listen('x.y');
  b.listen('x.*');
  let completed = false;
  b.client.unsubscribe(first.id, (_id, ok) => { completed = ok; });
  assert.ok(completed);
  a.client.publish('x.y', 1);
  assert.equal(deliveries.length, 1);
  b.client.disconnect();
  a.client.publish('x.y', 2);
  assert.equal(deliveries.length, 1);
  assert.deepEqual(unsubscribed, ['x.y', 'x.*']);
});

test('containers: duplicate ids refused, getContainer and listContainers, removeContainer disconnects the client', () => {
  const { hub, join } = setup();
  const a = join('a');
  join('b');
  assert.throws(() => new InlineContainer(hub, 'a', {}), { message: HubErrors.Duplicate });
  assert.equal(hub.getContainer('a'), a.container);
  assert.deepEqual(hub.listContainers().map((c) => c.getClientID()), ['a', 'b']);
  hub.removeContainer(a.container);
  assert.equal(hub.getContainer('a'), null);
  assert.equal(a.client.isConnected(), false);
  assert.throws(() => hub.removeContainer(a.container), { message: HubErrors.NoContainer });
});

test('a subscriber whose handler throws does not stop delivery to the next; the error goes to its log', () => {
  const { hub, join } = setup();
  const a = join('a');
  const logged: string[] = [];
  const container = new InlineContainer(hub, 'b', {});
  const b = new InlineHubClient({ HubClient: { log: (m) => logged.push(m) }, InlineHubClient: { container } });
  b.connect();
  const got: unknown[] = [];
  b.subscribe('t.x', () => { throw new Error('gadget bug'); });
  hub.subscribe('t.x', (_t, data) => got.push(data));
  a.client.publish('t.x', 'still delivered');
  assert.deepEqual(got, ['still delivered']);
  assert.deepEqual(logged, ['a hub callback threw: gadget bug']);
});

test('ManagedHub needs its two policy callbacks', () => {
  assert.throws(() => new ManagedHub({} as ManagedHubParams), { message: HubErrors.BadParameters });
});
