import { test } from 'node:test';
import assert from 'node:assert/strict';
import { implicitAudience, ownNodesPolicy, type TeamDirectory } from '../../../src/notify/pubsub/policy.ts';
import { parseJid, type Jid } from '../../../src/notify/xmpp/jid.ts';

const D = 'node-a.example.net';
const jid = (local: string): Jid => parseJid(`${local}@${D}/desktop`) ?? assert.fail(local);
const teams: TeamDirectory = {
  teamOf: (u) => ({ amoss: '22', bcole: '23' })[u],
  supervisedTeams: (u) => (u === 'jkane' ? ['22'] : []),
};
const policy = ownNodesPolicy({ publisherBareJid: `finesse@${D}`, teams });

const table: Array<[string, string, boolean]> = [
  ['amoss', '/finesse/api/User/amoss', true],
  ['amoss', '/finesse/api/User/AMOSS/Dialogs', true],
  ['amoss', '/finesse/api/User/bcole', false],
  ['amoss', '/finesse/api/Team/22/Users', false],
  ['amoss', '/finesse/api/SystemInfo', true],
  ['amoss', '/finesse/api/Queue/3', true],
  ['jkane', '/finesse/api/Team/22/Users', true],
  ['jkane', '/finesse/api/Team/23/Users', false],
  ['jkane', '/finesse/api/User/amoss/Dialogs', true],
  ['jkane', '/finesse/api/User/bcole', false],
  ['finesse', '/finesse/api/Team/23/Users', true],
  // a team's messages: its agents and supervisors, nobody else (rest-api.md §5.3)
  ['amoss', '/finesse/api/Team/22/TeamMessages', true],
  ['amoss', '/finesse/api/team/22/teammessages', true],
  ['amoss', '/finesse/api/Team/23/TeamMessages', false],
  ['amoss', '/finesse/api/Team/22/TeamMessages/x', false],
  ['bcole', '/finesse/api/Team/22/TeamMessages', false],
  ['jkane', '/finesse/api/Team/22/TeamMessages', true],
  ['jkane', '/finesse/api/Team/23/TeamMessages', false],
  ['nobody', '/finesse/api/Team/22/TeamMessages', false],
  ['finesse', '/finesse/api/Team/23/TeamMessages', true],
];
for (const [user, node, allowed] of table) {
  test(`${user} ${allowed ? 'may' : 'may not'} subscribe to ${node}`, () => assert.equal(policy.maySubscribe(jid(user), node), allowed));
}

test('only the publisher account publishes', () => {
  assert.equal(policy.mayPublish(jid('finesse')), true);
  assert.equal(policy.mayPublish(jid('jkane')), false);
});

test('implicit audiences: the user for User and Dialogs, everyone for SystemInfo, nobody for the rest', () => {
  assert.deepEqual(implicitAudience('/finesse/api/User/AMoss/Dialogs'), { kind: 'user', local: 'amoss' });
  assert.deepEqual(implicitAudience('/finesse/api/SystemInfo'), { kind: 'everyone' });
  assert.deepEqual(implicitAudience('/finesse/api/User/amoss/Queues'), { kind: 'none' });
});

test('a configured publisher (POISE_NOTIFY_PUBLISHER) publishes and subscribes like the publisher account', () => {
  const withLoader = ownNodesPolicy({ publisherBareJid: `finesse@${D}`, otherPublishers: [`load1001@${D}`] });
  assert.equal(withLoader.mayPublish(jid('load1001')), true);
  assert.equal(withLoader.maySubscribe(jid('load1001'), '/finesse/api/User/amoss'), true);
  assert.equal(withLoader.mayPublish(jid('finesse')), true);
  assert.equal(withLoader.mayPublish(jid('load1')), false);
  assert.equal(withLoader.mayPublish(parseJid(`load1001@other.example.net/x`) ?? assert.fail('jid')), false);
});
