// Pending states, end to end (rest-api.md §3.3, §3.4; cti-to-finesse.md §1.5, §3.3): NOT_READY with a reason or
// LOGOUT asked while TALKING answers 202 and shows in the User's pendingState — in the REST GET, on the agent's User
// node and on the supervisor's Team node, both read by real XMPP clients — while the agent stays TALKING; the state
// applies when the call ends, with its reason, ahead of the CSQ's Automatic Work. A second pending NOT_READY with
// another reason is refused by the engine (265, Invalid State) and leaves the first in place.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import type { EngineService } from '../../src/engine/index.ts';
import { isNotifyService } from '../../src/notify/index.ts';
import { AGENT, SUPERVISOR, demoTeamIds, startWebNode, type WebFixture } from '../support/web.ts';
import { openAgentDesktop, type AgentDesktop } from '../support/agent-desktop.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { updateFeed, type ReceivedUpdate, type UpdateFeed } from '../support/update-feed.ts';
import { connectClient, pubsubIq, xml } from '../support/xmpp.ts';

let fx: WebFixture;
let engine: EngineService;
let desktop: AgentDesktop;
let supervisor: XmppClient;
let teamFeed: UpdateFeed;
let teamNode = '';
const USER_NODE = `/finesse/api/User/${AGENT}`;
const reasonIds = new Map<string, string>();

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  await fx.web.teams.whenBuilt();
  const found = fx.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(found);
  engine = found;
  desktop = await openAgentDesktop(fx, AGENT, '1001');

  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  const domain = notify.server.domain;
  supervisor = await connectClient({ service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain, username: SUPERVISOR, password: TEST_PASSWORD });
  teamFeed = updateFeed(supervisor);
  await supervisor.send(xml('presence'));
  teamNode = `/finesse/api/Team/${demoTeamIds(fx).sales}/Users`;
  await supervisor.iqCaller.request(pubsubIq('set', `pubsub.${domain}`, xml('subscribe', { node: teamNode, jid: `${SUPERVISOR}@${domain}/desktop` })));

  for (const category of ['NOT_READY', 'LOGOUT']) {
    const list = await fx.call('GET', `/User/${AGENT}/ReasonCodes?category=${category}`, { as: AGENT });
    for (const code of list.xml?.getChildElements() ?? []) {
      reasonIds.set(`${category} ${code.getChildText('label')}`, code.getChildText('uri')?.split('/').pop() ?? '');
    }
  }
  await desktop.setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'sign-in');
});
after(async () => {
  await desktop?.xmpp.stop();
  await supervisor?.stop();
  await fx.close();
});

const reasonId = (key: string): string => {
  const id = reasonIds.get(key);
  assert.ok(id, `a seeded reason code ${key}`);
  return id;
};
const engineAgent = () => engine.engine.agents.get(AGENT);
const restUser = async () => (await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml;
/** Matches updates received from `mark` (an index into the feed's updates) on. */
const since = (feed: UpdateFeed, mark: number, match: (u: ReceivedUpdate) => boolean) =>
  (u: ReceivedUpdate) => feed.received.indexOf(u) >= mark && match(u);
const fields = (user: { getChildText(name: string): string | null } | undefined, ...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, user?.getChildText(n) ?? undefined]));

/** The agent asks for a state while TALKING: 202, and the User update with the requestId on both desktops. */
async function askDuringCall(body: string, requestId: string): Promise<{ own: ReceivedUpdate; team: ReceivedUpdate }> {
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body, headers: { requestId } });
  assert.equal(res.status, 202, res.text);
  const own = await desktop.feed.next((u) => u.node === USER_NODE && u.requestId === requestId);
  const team = await teamFeed.next((u) => u.node === teamNode && u.requestId === requestId);
  assert.equal(team.source, USER_NODE);
  return { own, team };
}

async function ready(): Promise<void> {
  const update = await desktop.setState('<User><state>READY</state></User>', `ready-${Date.now()}`);
  assert.equal(update.data.getChildText('state'), 'READY', update.text);
}

test('NOT_READY with a reason while TALKING is pending, shown everywhere, and applied with its reason at the call\'s end', async () => {
  await ready();
  const dialogId = await desktop.takeCall();
  const meeting = reasonId('NOT_READY Meeting');
  const { own, team } = await askDuringCall(`<User><state>NOT_READY</state><reasonCodeId>${meeting}</reasonCodeId></User>`, 'pend-nr');
  assert.deepEqual(fields(own.data, 'state', 'pendingState'), { state: 'TALKING', pendingState: 'NOT_READY' });
  assert.deepEqual(fields(team.data, 'state', 'pendingState'), { state: 'TALKING', pendingState: 'NOT_READY' });
  assert.deepEqual(fields(await restUser(), 'state', 'pendingState'), { state: 'TALKING', pendingState: 'NOT_READY' });
  assert.equal(engineAgent()?.state, 'TALKING');
  assert.equal(engineAgent()?.pendingState, 'NOT_READY');

  // rest-api.md §3.3: a second pending NOT_READY with another reason is refused (265), the first one stands
  const second = await fx.call('PUT', `/User/${AGENT}`, {
    as: AGENT, body: `<User><state>NOT_READY</state><reasonCodeId>${reasonId('NOT_READY Break')}</reasonCodeId></User>`,
    headers: { requestId: 'pend-nr-2' },
  });
  assert.equal(second.status, 202, second.text);
  const other = await desktop.feed.next((u) => u.node === USER_NODE && u.requestId === 'pend-nr-2');
  assert.equal(other.data.getName(), 'apiErrors', other.text);
  assert.deepEqual(other.data.getChild('apiError')?.getChildElements().map((c) => `${c.getName()}=${c.getText()}`),
    ['errorData=265', 'errorMessage=CF_INVALID_AGENT_WORKMODE', 'errorType=Invalid State']);
  assert.deepEqual(fields(await restUser(), 'state', 'pendingState'), { state: 'TALKING', pendingState: 'NOT_READY' });
  assert.equal(engineAgent()?.pendingState, 'NOT_READY');

  const [own0, team0] = [desktop.feed.received.length, teamFeed.received.length];
  await desktop.drop(dialogId, 'pend-drop');
  const applied = await desktop.feed.next(since(desktop.feed, own0, (u) => u.node === USER_NODE && u.data.getChildText('state') !== 'TALKING'));
  assert.deepEqual(fields(applied.data, 'state', 'pendingState', 'reasonCodeId'), { state: 'NOT_READY', pendingState: '', reasonCodeId: meeting });
  assert.equal(applied.data.getChild('reasonCode')?.getChildText('label'), 'Meeting');
  const onTeam = await teamFeed.next(since(teamFeed, team0, (u) => u.node === teamNode && u.data.getChildText('state') !== 'TALKING'));
  assert.equal(onTeam.data.getChildText('state'), 'NOT_READY');
  assert.equal(onTeam.data.getChildText('pendingState'), '');
  // no after-call work: the dialog goes at once (cti-to-finesse.md §2.1, without WORK)
  const deleted = await desktop.feed.next(since(desktop.feed, own0, (u) => u.node === `${USER_NODE}/Dialogs` && u.event === 'DELETE'));
  assert.equal(deleted.data.getChild('Dialog')?.getChildText('id'), dialogId);
  assert.deepEqual(fields(await restUser(), 'state', 'pendingState', 'reasonCodeId'), { state: 'NOT_READY', pendingState: '', reasonCodeId: meeting });
  assert.equal(engineAgent()?.state, 'NOT_READY');
});

test('LOGOUT with a reason while TALKING is pending and signs the agent out when the call ends', async () => {
  await ready();
  const dialogId = await desktop.takeCall();
  const [logoutKey] = [...reasonIds.keys()].filter((k) => k.startsWith('LOGOUT '));
  assert.ok(logoutKey, 'a seeded LOGOUT reason code');
  const reason = reasonId(logoutKey);
  const { own, team } = await askDuringCall(`<User><state>LOGOUT</state><reasonCodeId>${reason}</reasonCodeId></User>`, 'pend-out');
  assert.deepEqual(fields(own.data, 'state', 'pendingState', 'extension'), { state: 'TALKING', pendingState: 'LOGOUT', extension: '1001' });
  assert.equal(team.data.getChildText('pendingState'), 'LOGOUT');
  assert.deepEqual(fields(await restUser(), 'state', 'pendingState'), { state: 'TALKING', pendingState: 'LOGOUT' });
  assert.equal(engineAgent()?.pendingState, 'LOGOUT');

  const [own0, team0] = [desktop.feed.received.length, teamFeed.received.length];
  await desktop.drop(dialogId, 'pend-out-drop');
  const out = await desktop.feed.next(since(desktop.feed, own0, (u) => u.node === USER_NODE && u.data.getChildText('state') !== 'TALKING'));
  assert.deepEqual(fields(out.data, 'state', 'pendingState', 'reasonCodeId', 'extension'),
    { state: 'LOGOUT', pendingState: '', reasonCodeId: reason, extension: '' });
  const onTeam = await teamFeed.next(since(teamFeed, team0, (u) => u.node === teamNode && u.data.getChildText('state') !== 'TALKING'));
  assert.deepEqual(fields(onTeam.data, 'state', 'pendingState'), { state: 'LOGOUT', pendingState: '' });
  assert.deepEqual(fields(await restUser(), 'state', 'pendingState', 'extension'), { state: 'LOGOUT', pendingState: '', extension: '' });
  assert.equal(engineAgent()?.state, 'LOGOUT');
});

test('a supervisor\'s LOGOUT of a TALKING agent is pending too, and applies with system reason 22', async () => {
  await desktop.setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'sign-in-again');
  await ready();
  const dialogId = await desktop.takeCall();
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: SUPERVISOR, body: '<User><state>LOGOUT</state></User>', headers: { requestId: 'sup-out' } });
  assert.equal(res.status, 202, res.text);
  const team = await teamFeed.next((u) => u.node === teamNode && u.requestId === 'sup-out');
  assert.deepEqual(fields(team.data, 'state', 'pendingState'), { state: 'TALKING', pendingState: 'LOGOUT' });
  const own = await desktop.feed.next((u) => u.node === USER_NODE && u.requestId === 'sup-out');
  assert.equal(own.data.getChildText('pendingState'), 'LOGOUT');

  const own0 = desktop.feed.received.length;
  await desktop.drop(dialogId, 'sup-out-drop');
  const out = await desktop.feed.next(since(desktop.feed, own0, (u) => u.node === USER_NODE && u.data.getChildText('state') !== 'TALKING'));
  assert.deepEqual(fields(out.data, 'state', 'pendingState', 'reasonCodeId'), { state: 'LOGOUT', pendingState: '', reasonCodeId: '22' });
  assert.equal(engineAgent()?.state, 'LOGOUT');
});
