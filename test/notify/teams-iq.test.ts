// The team map a web service in another node sends to the notification service (docs/notify.md, "Teams"): taken
// from the publisher's session only, a malformed one refused bad-request with the map in use kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { NotifyServer } from '../../src/notify/notify-server.ts';
import { listenTcp, type TcpListener } from '../../src/notify/transports/tcp.ts';
import { TeamDirectoryLink, teamDirectoryOf } from '../../src/notify/pubsub/team-directory-link.ts';
import { TEAMS_NS } from '../../src/notify/pubsub/team-memberships.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { connectClient, refusal, xml } from '../support/xmpp.ts';

const D = 'node-a.example.net';
const PASSWORDS: Record<string, string> = { agent1: 'agent-pass', poise_axl: 'service-pass' };

const teams = new TeamDirectoryLink();
let notify: NotifyServer;
let tcp: TcpListener;
let web: XmppClient;
let agent: XmppClient;

before(async () => {
  notify = new NotifyServer({
    domain: D, log: silentLogger, publisherAccounts: ['poise_axl'], publisherInProcess: false, teams,
    onTeams: (memberships) => teams.use(teamDirectoryOf(memberships)),
    authenticate: async (userid, password) => PASSWORDS[userid.toLowerCase()] === password,
  });
  tcp = await listenTcp({ host: '127.0.0.1', port: 0, notify, log: silentLogger });
  const service = `xmpp://127.0.0.1:${tcp.port}`;
  web = await connectClient({ service, domain: D, username: 'poise_axl', password: 'service-pass', authzid: `finesse@${D}`, resource: 'poise-web' });
  agent = await connectClient({ service, domain: D, username: 'agent1', password: 'agent-pass' });
});
after(async () => {
  await Promise.all([web?.stop(), agent?.stop()]);
  notify.shutdown();
  await tcp.close();
});

const teamsIq = (type: 'get' | 'set', body: string) =>
  xml('iq', { type, to: D }, xml('query', { xmlns: TEAMS_NS }, ...teamElements(body)));

/** Team elements from compact `id:agents:supervisors` entries, e.g. `2:agent1:supervisor1`. */
function teamElements(body: string) {
  return body === '' ? [] : body.split(' ').map((entry) => {
    const [id = '', agents = '', supervisors = ''] = entry.split(':');
    return xml('team', { id },
      ...agents.split(',').filter(Boolean).map((a) => xml('agent', {}, a)),
      ...supervisors.split(',').filter(Boolean).map((s) => xml('supervisor', {}, s)));
  });
}

test('the publisher\'s map becomes the teams the policy reads, whole each time', async () => {
  await web.iqCaller.request(teamsIq('set', '2:agent1:supervisor1 3::supervisor1'));
  assert.equal(teams.teamOf('agent1'), '2');
  assert.deepEqual(teams.supervisedTeams('supervisor1'), ['2', '3']);
  await web.iqCaller.request(teamsIq('set', '3:agent1:supervisor2'));
  assert.equal(teams.teamOf('agent1'), '3');
  assert.deepEqual(teams.supervisedTeams('supervisor1'), []);
});

test('a malformed map from the publisher is modify/bad-request and the map in use stays', async () => {
  await web.iqCaller.request(teamsIq('set', '2:agent1:supervisor1'));
  for (const body of ['x:agent1:', '4:agent1: 4::supervisor1', '5:agent@one:']) {
    const refused = await refusal(web.iqCaller.request(teamsIq('set', body)));
    assert.deepEqual([refused.type, refused.condition], ['modify', 'bad-request'], body);
  }
  const asGet = await refusal(web.iqCaller.request(teamsIq('get', '')));
  assert.deepEqual([asGet.type, asGet.condition], ['modify', 'bad-request']);
  assert.equal(teams.teamOf('agent1'), '2');
  assert.deepEqual(teams.supervisedTeams('supervisor1'), ['2']);
});

test('an agent\'s map is auth/forbidden and changes nothing', async () => {
  const refused = await refusal(agent.iqCaller.request(teamsIq('set', '2::agent1')));
  assert.deepEqual([refused.type, refused.condition], ['auth', 'forbidden']);
  assert.deepEqual(teams.supervisedTeams('agent1'), []);
});
