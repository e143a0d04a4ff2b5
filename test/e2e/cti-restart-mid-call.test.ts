// The engine's CTI server goes away mid-call and comes back on the same port, the engine's live state kept (as
// when the CTI listener restarts or the link breaks): the web service reconnects, rebuilds its users and dialogs
// from the engine's replay (cti.md §4.2), and its REST views match the engine again. Twice: once with nothing
// changed while the link was down, once with the customer hanging up meanwhile. (A whole engine restart is not
// this: the engine keeps agents and calls in memory only, so a new engine would replay no one signed in and no
// call, and web would show exactly that.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isEngineService, type EngineService } from '../../src/engine/index.ts';
import { CtiServer } from '../../src/engine/cti/server.ts';
import { isNotifyService } from '../../src/notify/index.ts';
import { userStateOf } from '../../src/web/users/user.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import type { Element } from '../../src/shared/xml/index.ts';
import { startWebNode, type WebFixture } from '../support/web.ts';
import { basicAuth, TEST_PASSWORD } from '../support/test-node.ts';
import { connectClient, xml } from '../support/xmpp.ts';
import { dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';

const CALLER = '+14155550142';
const DIALOGS = '/finesse/api/User/agent1/Dialogs';
let fx: WebFixture;
let engine: EngineService;
let desktop: XmppClient;
let feed: UpdateFeed;
/** The CTI server listening now: the engine service's own, then each one started in its place. */
let ctiServer: CtiServer;
let dialogId = '';
let labCallId = '';

before(async () => {
  fx = await startWebNode({ POISE_WEB_CTI_RETRY_MS: '50' });
  await fx.web.cti?.whenOpen();
  const found = fx.node.services.find(isEngineService);
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(found && notify);
  engine = found;
  ctiServer = engine.cti;
  desktop = await connectClient({
    service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain: notify.server.domain, username: 'agent1', password: TEST_PASSWORD,
  });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
});
after(async () => {
  await desktop?.stop();
  if (ctiServer !== engine.cti) await ctiServer.close();
  await fx.close();
});

/** Stops the CTI server; runs `meanwhile` while web has no link; starts a new server on the same port. */
async function restartCtiServer(meanwhile: () => Promise<void> = async () => {}): Promise<void> {
  const cti = fx.web.cti;
  assert.ok(cti);
  const opens = cti.opens;
  const lost = new Promise<void>((resolve) => { const off = cti.onClose(() => { off(); resolve(); }); });
  await ctiServer.close();
  await lost;
  assert.equal(cti.isOpen, false);
  assert.equal(await systemStatus(), 'OUT_OF_SERVICE');
  await meanwhile();
  ctiServer = new CtiServer({
    engine: engine.engine, clock: fx.node.clock, log: silentLogger, host: '127.0.0.1', port: engine.ctiPort,
  });
  await ctiServer.listen();
  await cti.whenOpen();
  assert.equal(cti.opens, opens + 1);
}

async function systemStatus(): Promise<string | undefined> {
  return (await fx.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status') ?? undefined;
}

async function setState(body: string, expected: string): Promise<void> {
  const requestId = `agent1-${expected}`;
  const res = await fx.call('PUT', '/User/agent1', { as: 'agent1', body, headers: { requestId } });
  assert.equal(res.status, 202, res.text);
  await feed.next((u) => u.node === '/finesse/api/User/agent1' && u.requestId === requestId && u.data.getChildText('state') === expected);
}

/** What the engine holds: agent1's state as a Finesse User shows it, and the CTI call ids of calls at 1001. */
function engineView(): { state: string | undefined; calls: string[] } {
  const calls = [...engine.engine.contacts.calls()].filter((c) => c.parties.has('1001')).map((c) => String(c.ctiCallId));
  const state = engine.engine.agents.get('agent1')?.state;
  return { state: state && userStateOf(state), calls };
}

/** What the web service shows over REST: agent1's state and its dialogs' ids. */
async function webView(): Promise<{ state: string | undefined; calls: string[]; dialogs: Element[] }> {
  const user = await fx.call('GET', '/User/agent1', { as: 'agent1' });
  const list = await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' });
  assert.equal(user.status, 200, user.text);
  assert.equal(list.status, 200, list.text);
  const dialogs = list.xml?.getChildren('Dialog') ?? [];
  return { state: user.xml?.getChildText('state') ?? undefined, calls: dialogs.map((d) => d.getChildText('id') ?? ''), dialogs };
}

test('a call ACTIVE at agent1 survives a CTI server restart: the replay rebuilds User and Dialogs as the engine has them', async () => {
  await setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'NOT_READY');
  await setState('<User><state>READY</state></User>', 'READY');
  const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: CALLER, to: '7001' }),
  });
  assert.equal(placed.status, 201);
  labCallId = String((await placed.json() as { id: string | number }).id);
  const posted = await feed.next((u) => u.node === DIALOGS && u.event === 'POST');
  dialogId = dialogOf(posted).getChildText('id') ?? '';
  const answer = await fx.call('PUT', `/Dialog/${dialogId}`, {
    as: 'agent1', headers: { requestId: 'r-answer' },
    body: '<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>',
  });
  assert.equal(answer.status, 202, answer.text);
  const active = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-answer');
  const participants = participantsOf(dialogOf(active));
  assert.deepEqual(participants.map((p) => p.split(' ').slice(0, 2).join(' ')), [`${CALLER} ACTIVE`, '1001 ACTIVE']);
  assert.deepEqual(engineView(), { state: 'TALKING', calls: [dialogId] });

  await restartCtiServer();

  // The replay POSTs every call still on to its agents again (notifications.md §12: finesse.js takes it as a change).
  const replayed = await feed.next((u) => u.node === DIALOGS && u.event === 'POST');
  assert.equal(dialogOf(replayed).getChildText('id'), dialogId);
  assert.deepEqual(participantsOf(dialogOf(replayed)), participants);
  assert.equal(await systemStatus(), 'IN_SERVICE');
  const web = await webView();
  assert.deepEqual({ state: web.state, calls: web.calls }, engineView());
  assert.equal(web.dialogs[0]?.getChildText('state'), 'ACTIVE');
  assert.deepEqual(participantsOf(web.dialogs[0]!), participants);

  // The rebuilt dialog is live: an action on it goes through the new session and comes back with its requestId.
  const hold = await fx.call('PUT', `/Dialog/${dialogId}`, {
    as: 'agent1', headers: { requestId: 'r-hold' },
    body: '<Dialog><requestedAction>HOLD</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>',
  });
  assert.equal(hold.status, 202, hold.text);
  const held = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-hold');
  assert.equal(participantsOf(dialogOf(held))[1]?.startsWith('1001 HELD'), true);
});

test('the customer hangs up while the link is down: after reconnect web ends the dialog and shows the engine\'s state', async () => {
  await restartCtiServer(async () => {
    const abandoned = await fetch(`${fx.cmUrl}/lab/calls/${labCallId}/abandon`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') }, body: '{}',
    });
    assert.equal(abandoned.status, 200, await abandoned.text());
  });
  const expected = engineView();
  // Automatic Work on the demo CSQ (agent1 was READY before the call): the engine's WORK_READY, a Finesse WORK,
  // which web learns on reconnect. The call is over in the engine, so the replay does not bring it back and web
  // DELETEs the dialog rather than keep it in WRAP_UP as it does when it sees the call end.
  assert.equal(engine.engine.agents.get('agent1')?.state, 'WORK_READY');
  assert.equal(expected.state, 'WORK');
  assert.deepEqual(expected.calls, []);
  const ended = await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE');
  assert.equal(dialogOf(ended).getChildText('id'), dialogId);
  await feed.next((u) => u.node === '/finesse/api/User/agent1' && u.requestId === '' && u.data.getChildText('state') === 'WORK');
  const web = await webView();
  assert.deepEqual({ state: web.state, calls: web.calls }, expected);

  // A state change over REST afterwards goes through the new session: both views agree again.
  await setState('<User><state>READY</state></User>', 'READY');
  const later = await webView();
  assert.deepEqual({ state: later.state, calls: later.calls }, engineView());
  assert.equal(later.state, 'READY');
});
