import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidPublishTopic, isValidSubscribeTopic, topicMatches } from '../../../desktop/hub/topic.ts';

const publishTopics: Array<[unknown, boolean]> = [
  ['finesse.info.connection', true], ['a', true], ['sampleGadget.info', true],
  ['', false], ['.a', false], ['a.', false], ['a..b', false], ['a.*', false], ['a.**', false], ['a*b', false],
  [42, false], [undefined, false],
];
for (const [topic, valid] of publishTopics) {
  test(`publish topic ${JSON.stringify(topic)} is ${valid ? 'valid' : 'refused'}`, () => assert.equal(isValidPublishTopic(topic), valid));
}

const subscribeTopics: Array<[unknown, boolean]> = [
  ['a.b', true], ['*', true], ['**', true], ['a.*.c', true], ['a.**', true], ['*.*', true], ['finesse.api.**', true],
  ['', false], ['a..b', false], ['a.**.c', false], ['**.a', false], ['a.b*', false], ['a.***', false], ['a.', false], [null, false],
];
for (const [topic, valid] of subscribeTopics) {
  test(`subscription topic ${JSON.stringify(topic)} is ${valid ? 'valid' : 'refused'}`, () => assert.equal(isValidSubscribeTopic(topic), valid));
}

const matches: Array<[string, string, boolean]> = [
  ['a.b', 'a.b', true], ['a.b', 'a.c', false], ['a.b', 'a.b.c', false], ['a.b.c', 'a.b', false],
  ['a.*', 'a.b', true], ['a.*', 'a.b.c', false], ['a.*', 'a', false], ['*.b', 'a.b', true], ['*', 'a', true], ['*', 'a.b', false],
  ['a.**', 'a.b', true], ['a.**', 'a.b.c.d', true], ['a.**', 'a', false], ['**', 'a', true], ['**', 'a.b.c', true],
  ['a.*.c.**', 'a.x.c.d', true], ['a.*.c.**', 'a.x.c', false], ['sampleGadget.info', 'sampleGadget.info', true],
  ['finesse.api.User.*', 'finesse.api.User.agent1', true], ['finesse.api.User.*', 'finesse.api.User.agent1.Dialogs', false],
];
for (const [pattern, topic, expected] of matches) {
  test(`${pattern} ${expected ? 'matches' : 'does not match'} ${topic}`, () => assert.equal(topicMatches(pattern, topic), expected));
}
