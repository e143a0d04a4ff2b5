import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientIdOf, isMasterOnlyTopic, mayPublish } from '../../../desktop/container/hub-policy.ts';

const container = (id: string) => ({ getClientID: () => id });
const MASTER = 'finesse-container';

test('only the master or the hub itself publishes notifications and the connection status', () => {
  for (const topic of ['finesse.info.connection', 'finesse.api.User.agent1', 'finesse.api.SystemInfo']) {
    assert.equal(isMasterOnlyTopic(topic), true, topic);
    assert.equal(mayPublish(topic, container(MASTER), MASTER), true);
    assert.equal(mayPublish(topic, null, MASTER), true);
    assert.equal(mayPublish(topic, container('gadget-3'), MASTER), false);
    assert.equal(mayPublish(topic, {}, MASTER), false, 'a container without an id is not the master');
  }
});

test('every other topic is open to every gadget', () => {
  for (const topic of ['finesse.info.requests', 'finesse.containerservices.requests', 'sampleGadget.info', 'finesse.apis', 'finesse.info.connectionX']) {
    assert.equal(mayPublish(topic, container('gadget-3'), MASTER), true, topic);
  }
});

test('clientIdOf reads only a string id', () => {
  assert.equal(clientIdOf(container('x')), 'x');
  assert.equal(clientIdOf({ getClientID: () => 7 }), null);
  assert.equal(clientIdOf('x'), null);
});
