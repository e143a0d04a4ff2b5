import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OnData, PageHub } from '../../../desktop/container/hub-types.ts';
import { watchLogin } from '../../../desktop/container/login-outcome.ts';

/** A hub with exact-topic subscriptions, enough for one User node. */
function fakeHub(): PageHub & { subscribers: Map<string, [string, OnData]> } {
  const subscribers = new Map<string, [string, OnData]>();
  let next = 0;
  return {
    subscribers,
    subscribe(topic, onData) { const id = `s${++next}`; subscribers.set(id, [topic, onData]); return id; },
    publish(topic, data) { for (const [t, onData] of [...subscribers.values()]) if (t === topic) onData(topic, data); },
    unsubscribe(id) { subscribers.delete(id); },
  };
}

const update = (requestId: string, data: unknown) => ({ content: '', object: { Update: { data, event: 'PUT', requestId } } });
const TOPIC = 'finesse.api.User.agent1';

test('the User notification that follows the LOGIN says signed in', async () => {
  const hub = fakeHub();
  const watch = watchLogin(hub, 'agent1', 1000);
  const outcome = watch.accepted('r1');
  hub.publish(TOPIC, update('r1', { user: { state: 'NOT_READY' } }));
  assert.deepEqual(await outcome, { ok: true });
  assert.equal(hub.subscribers.size, 0, 'unsubscribed');
});

test('a notification that came before the 202 counts', async () => {
  const hub = fakeHub();
  const watch = watchLogin(hub, 'agent1', 1000);
  hub.publish(TOPIC, update('r1', { user: { state: 'NOT_READY' } }));
  assert.deepEqual(await watch.accepted('r1'), { ok: true });
});

test('apiErrors for the LOGIN: the extension is refused, in its words', async () => {
  const hub = fakeHub();
  const watch = watchLogin(hub, 'agent1', 1000);
  const outcome = watch.accepted('r2');
  hub.publish(TOPIC, update('other', { apiErrors: { apiError: { errorType: 'Invalid State', errorMessage: 'not mine' } } }));
  hub.publish(TOPIC, update('r2', { apiErrors: { apiError: { errorType: 'Invalid State', errorMessage: 'Device in use' } } }));
  assert.deepEqual(await outcome, { ok: false, problem: { kind: 'extension-refused', detail: 'Device in use' } });
});

test('silence past the deadline means the engine did not act', async () => {
  const hub = fakeHub();
  const watch = watchLogin(hub, 'agent1', 20);
  hub.publish(TOPIC, update('r3', { user: { state: 'LOGOUT' } })); // still signed out: not the outcome
  assert.deepEqual(await watch.accepted('r3'), { ok: false, problem: { kind: 'engine-down' } });
  assert.equal(hub.subscribers.size, 0);
});
