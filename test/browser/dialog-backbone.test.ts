// The backbone (ARCHITECTURE.md, "How an inbound call flows") as browser desktops see it: Strophe.js in Debian's
// Chromium, over BOSH, one page signed in as agent1 and one as agent2. agent1 signs in over REST with extension
// 1001 and goes READY; a lab call to 7001 reaches its page as a Dialogs POST (ALERTING, the caller,
// callVariable1); ANSWER, HOLD, RETRIEVE, a consult of agent2 and CONFERENCE, DROP, the wrap-up reason and READY
// each come back as notifications carrying the request's requestId; a second call goes to agent2 by consult and
// TRANSFER. Each step is checked in the notification a page received and in the REST GET. The pages come from
// their own HTTP server, so BOSH runs cross-origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { isNotifyService } from '../../src/notify/index.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { serveStrophePage } from '../support/strophe-page-server.ts';
import { openStropheDesktop, type StropheDesktop } from '../support/strophe-desktop.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { placeLabCall } from '../support/lab-calls.ts';
import { callVariablesOf, dialogOf, participantsOf, type ReceivedUpdate } from '../support/update-feed.ts';
import { startWebNode, type WebFixture } from '../support/web.ts';

const CALLER = '+14085550100';
const AGENTS = { agent1: '1001', agent2: '1002' } as const;
type Agent = keyof typeof AGENTS;
const userNode = (agent: Agent) => `/finesse/api/User/${agent}`;
const dialogsNode = (agent: Agent) => `/finesse/api/User/${agent}/Dialogs`;
const dialogUri = (id: string) => `/finesse/api/Dialog/${id}`;
/** Participants without their actions, sorted: who is on the call, in which state. */
const parties = (dialog: Parameters<typeof participantsOf>[0]) => participantsOf(dialog).map((p) => p.split(' [')[0]).sort();

describe('the inbound-call backbone in Chromium (Strophe.js over BOSH)', { skip: skipWithoutChromium }, () => {
  let fx: WebFixture;
  let browser: Browser;
  let pageServer: Server;
  const desktops = {} as Record<Agent, StropheDesktop>;
  let dialogId = '';
  let transferredId = '';

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    const notify = fx.node.services.find(isNotifyService);
    assert.ok(notify, 'the node runs the notification service');
    const served = await serveStrophePage(new URL('dialog-backbone-page.html', import.meta.url));
    pageServer = served.server;
    browser = await launchChromium();
    const bosh = `http://127.0.0.1:${notify.ports.bosh}/http-bind`;
    for (const agent of ['agent1', 'agent2'] as const) {
      desktops[agent] = await openStropheDesktop(browser, served.url, bosh, `${agent}@${notify.server.domain}`, TEST_PASSWORD);
    }
  });
  after(async () => {
    for (const desktop of Object.values(desktops)) await desktop.close().catch(() => undefined);
    await browser?.close();
    pageServer?.close();
    await fx?.close();
  });

  const received = (agent: Agent, node: string, needles: readonly string[]): Promise<ReceivedUpdate> =>
    desktops[agent].received(node, needles);

  async function rest(agent: Agent, method: string, urlPath: string, body?: string, requestId?: string) {
    return fx.call(method, urlPath, { as: agent, ...(body === undefined ? {} : { body }), headers: requestId ? { requestId } : {} });
  }

  async function fetchDialog(agent: Agent, id = dialogId) {
    const res = await rest(agent, 'GET', `/Dialog/${id}`);
    assert.equal(res.status, 200, res.text);
    assert.ok(res.xml);
    return res.xml;
  }

  const userState = async (agent: Agent) => (await rest(agent, 'GET', `/User/${agent}`)).xml?.getChildText('state');

  /** PUT /User: 202, then the page's User update with the same requestId shows `expected`; so does the GET. */
  async function setState(agent: Agent, body: string, requestId: string, expected: string): Promise<ReceivedUpdate> {
    const res = await rest(agent, 'PUT', `/User/${agent}`, body, requestId);
    assert.equal(res.status, 202, res.text);
    const update = await received(agent, userNode(agent), [`<requestId>${requestId}</requestId>`]);
    assert.equal(update.data.getChildText('state'), expected, update.text);
    assert.equal(await userState(agent), expected);
    return update;
  }

  /** NOT_READY with the first configured reason code (one is required when codes exist, rest-api.md §3.2). */
  async function notReady(agent: Agent, requestId: string): Promise<void> {
    const codes = await rest(agent, 'GET', `/User/${agent}/ReasonCodes?category=NOT_READY`);
    const id = codes.xml?.getChildren('ReasonCode')[0]?.getChildText('uri')?.split('/').pop();
    assert.ok(id, codes.text);
    await setState(agent, `<User><state>NOT_READY</state><reasonCodeId>${id}</reasonCodeId></User>`, requestId, 'NOT_READY');
  }

  /** PUT /Dialog/{id} by `agent` on its own line: 202, empty, the requestId echoed. */
  async function act(agent: Agent, id: string, requestedAction: string, requestId: string, extra = ''): Promise<void> {
    const res = await rest(agent, 'PUT', `/Dialog/${id}`,
      `<Dialog><requestedAction>${requestedAction}</requestedAction><targetMediaAddress>${AGENTS[agent]}</targetMediaAddress>${extra}</Dialog>`,
      requestId);
    assert.equal(res.status, 202, res.text);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('requestId'), requestId);
  }

  /** The Dialog PUT on `agent`'s page that carries `requestId`, from the dialog `id`. */
  async function dialogPut(agent: Agent, id: string, requestId: string) {
    const update = await received(agent, dialogsNode(agent), [`<requestId>${requestId}</requestId>`, `<source>${dialogUri(id)}</source>`]);
    assert.equal(update.event, 'PUT', update.text);
    return dialogOf(update);
  }

  async function placeCall(callVariable1: string): Promise<string> {
    await placeLabCall(fx.cmUrl, { from: CALLER, to: '7001', callVariables: { callVariable1 } });
    const offer = await received('agent1', dialogsNode('agent1'), ['<event>POST</event>', '<state>ALERTING</state>']);
    assert.equal(offer.source, dialogsNode('agent1'));
    assert.equal(offer.requestId, '');
    const dialog = dialogOf(offer);
    const id = dialog.getChildText('id') ?? '';
    assert.match(id, /^[0-9]+$/);
    assert.equal(dialog.getChildText('state'), 'ALERTING');
    assert.equal(dialog.getChildText('fromAddress'), CALLER);
    assert.deepEqual(callVariablesOf(dialog), { callVariable1 });
    assert.deepEqual(participantsOf(dialog), [`${CALLER} ACTIVE`, '1001 ALERTING [ANSWER]']);
    return id;
  }

  /** agent1 answers `id`: the Dialog PUT and the User update (TALKING) both carry the requestId. */
  async function answer(id: string, requestId: string): Promise<void> {
    await act('agent1', id, 'ANSWER', requestId);
    const answered = await dialogPut('agent1', id, requestId);
    assert.equal(answered.getChildText('state'), 'ACTIVE');
    assert.deepEqual(participantsOf(answered),
      [`${CALLER} ACTIVE`, '1001 ACTIVE [HOLD DROP UPDATE_CALL_DATA CONSULT_CALL TRANSFER_SST SEND_DTMF]']);
    // cti-to-finesse.md §2.1 step 4: the User update the ANSWER caused carries its requestId too
    const talking = await received('agent1', userNode('agent1'), [`<requestId>${requestId}</requestId>`]);
    assert.equal(talking.data.getChildText('state'), 'TALKING');
    const fetched = await fetchDialog('agent1', id);
    assert.equal(fetched.getChildText('state'), 'ACTIVE');
    assert.deepEqual(participantsOf(fetched), participantsOf(answered));
    assert.equal(await userState('agent1'), 'TALKING');
  }

  /** agent1 consults agent2 (made READY) on `id` and agent2 answers; returns the consult dialog's id. */
  async function consultAgent2(id: string, tag: string): Promise<string> {
    await setState('agent2', '<User><state>READY</state></User>', `${tag}-agent2-ready`, 'READY');
    await act('agent1', id, 'CONSULT_CALL', `${tag}-consult`, '<toAddress>1002</toAddress>');
    const held = await dialogPut('agent1', id, `${tag}-consult`);
    assert.deepEqual(participantsOf(held), [`${CALLER} ACTIVE`, '1001 HELD [RETRIEVE DROP UPDATE_CALL_DATA]']);
    const begun = dialogOf(await received('agent1', dialogsNode('agent1'), ['<event>POST</event>', `<requestId>${tag}-consult</requestId>`]));
    const consultId = begun.getChildText('id') ?? '';
    assert.notEqual(consultId, id);
    assert.equal(begun.getChild('mediaProperties')?.getChildText('callType'), 'CONSULT');
    assert.equal(begun.getChildText('associatedDialogUri'), dialogUri(id));

    const offered = dialogOf(await received('agent2', dialogsNode('agent2'), ['<event>POST</event>', `<id>${consultId}</id>`]));
    assert.equal(offered.getChildText('state'), 'ALERTING');
    assert.deepEqual(participantsOf(offered), ['1001 INITIATED [DROP UPDATE_CALL_DATA]', '1002 ALERTING [ANSWER]']);
    assert.equal((await fetchDialog('agent2', consultId)).getChildText('state'), 'ALERTING');
    assert.equal(await userState('agent2'), 'RESERVED');

    await act('agent2', consultId, 'ANSWER', `${tag}-agent2-answer`);
    assert.deepEqual(parties(await dialogPut('agent2', consultId, `${tag}-agent2-answer`)), ['1001 ACTIVE', '1002 ACTIVE']);
    const talking = await received('agent2', userNode('agent2'), [`<requestId>${tag}-agent2-answer</requestId>`]);
    assert.equal(talking.data.getChildText('state'), 'TALKING');
    // cti-to-finesse.md §2.3 step 6: agent1's held dialog gains TRANSFER and CONFERENCE
    const gained = dialogOf(await received('agent1', dialogsNode('agent1'),
      [`<source>${dialogUri(id)}</source>`, '<action>TRANSFER</action>', '<action>CONFERENCE</action>']));
    assert.equal(participantsOf(gained)[1], '1001 HELD [RETRIEVE DROP UPDATE_CALL_DATA TRANSFER CONFERENCE]');
    assert.deepEqual(parties(await fetchDialog('agent2', consultId)), ['1001 ACTIVE', '1002 ACTIVE']);
    return consultId;
  }

  test('agent1 signs in with extension 1001 and goes READY; agent2 signs in with 1002: each page sees its User updates', async () => {
    const signedIn = await setState('agent1', '<User><state>LOGIN</state><extension>1001</extension></User>', 'bb-login', 'NOT_READY');
    assert.equal(signedIn.data.getChildText('extension'), '1001');
    await setState('agent1', '<User><state>READY</state></User>', 'bb-ready', 'READY');
    const agent2 = await setState('agent2', '<User><state>LOGIN</state><extension>1002</extension></User>', 'bb-login2', 'NOT_READY');
    assert.equal(agent2.data.getChildText('extension'), '1002');
  });

  test('a lab call to 7001 reaches agent1\'s page as a Dialogs POST: ALERTING, the caller, callVariable1', async () => {
    dialogId = await placeCall('acct-42');
    const fetched = await fetchDialog('agent1');
    assert.equal(fetched.getChildText('state'), 'ALERTING');
    assert.equal(fetched.getChildText('fromAddress'), CALLER);
    assert.deepEqual(callVariablesOf(fetched), { callVariable1: 'acct-42' });
    assert.equal(await userState('agent1'), 'RESERVED');
  });

  test('ANSWER: the Dialog PUT and the User update with the same requestId show ACTIVE and TALKING; so does REST', async () => {
    await answer(dialogId, 'bb-answer');
  });

  test('HOLD, then RETRIEVE: each PUT with its requestId shows agent1 HELD, then ACTIVE; REST agrees', async () => {
    await act('agent1', dialogId, 'HOLD', 'bb-hold');
    const held = await dialogPut('agent1', dialogId, 'bb-hold');
    assert.equal(held.getChildText('state'), 'ACTIVE');
    assert.deepEqual(participantsOf(held), [`${CALLER} ACTIVE`, '1001 HELD [RETRIEVE DROP UPDATE_CALL_DATA]']);
    assert.deepEqual(participantsOf(await fetchDialog('agent1')), participantsOf(held));
    assert.equal(await userState('agent1'), 'TALKING'); // hold leaves a UCCX agent TALKING (§1.5)

    await act('agent1', dialogId, 'RETRIEVE', 'bb-retrieve');
    const retrieved = await dialogPut('agent1', dialogId, 'bb-retrieve');
    assert.deepEqual(participantsOf(retrieved),
      [`${CALLER} ACTIVE`, '1001 ACTIVE [HOLD DROP UPDATE_CALL_DATA CONSULT_CALL TRANSFER_SST SEND_DTMF]']);
    assert.deepEqual(participantsOf(await fetchDialog('agent1')), participantsOf(retrieved));
  });

  test('consult agent2, then CONFERENCE: both pages show the caller and both agents ACTIVE; REST agrees', async () => {
    const consultId = await consultAgent2(dialogId, 'bb-conf');
    await act('agent1', dialogId, 'CONFERENCE', 'bb-conference');
    const merged = await dialogPut('agent1', dialogId, 'bb-conference');
    assert.deepEqual(parties(merged), [`${CALLER} ACTIVE`, '1001 ACTIVE', '1002 ACTIVE'].sort());
    const consultGone = await received('agent1', dialogsNode('agent1'), ['<event>DELETE</event>', `<id>${consultId}</id>`]);
    assert.equal(consultGone.requestId, 'bb-conference');
    const joined = await received('agent2', dialogsNode('agent2'), ['<event>POST</event>', `<id>${dialogId}</id>`]);
    assert.equal(joined.requestId, 'bb-conference');
    assert.deepEqual(callVariablesOf(dialogOf(joined)), { callVariable1: 'acct-42' });
    await received('agent2', dialogsNode('agent2'), ['<event>DELETE</event>', `<id>${consultId}</id>`]);
    const retyped = await received('agent1', dialogsNode('agent1'), [`<source>${dialogUri(dialogId)}</source>`, '<callType>CONFERENCE</callType>']);
    assert.deepEqual(parties(dialogOf(retyped)), [`${CALLER} ACTIVE`, '1001 ACTIVE', '1002 ACTIVE'].sort());

    for (const agent of ['agent1', 'agent2'] as const) {
      const fetched = await fetchDialog(agent);
      assert.equal(fetched.getChildText('state'), 'ACTIVE');
      assert.equal(fetched.getChild('mediaProperties')?.getChildText('callType'), 'CONFERENCE');
      assert.deepEqual(parties(fetched), [`${CALLER} ACTIVE`, '1001 ACTIVE', '1002 ACTIVE'].sort());
      const list = await rest(agent, 'GET', `/User/${agent}/Dialogs`);
      assert.deepEqual(list.xml?.getChildren('Dialog').map((d) => d.getChildText('id')), [dialogId]);
      assert.equal(await userState(agent), 'TALKING');
    }
  });

  test('agent2 leaves the conference: its page gets the DELETE, agent1\'s a PUT with the same requestId', async () => {
    await act('agent2', dialogId, 'DROP', 'bb-leave');
    const left = await received('agent2', dialogsNode('agent2'), ['<event>DELETE</event>', `<id>${dialogId}</id>`]);
    assert.equal(left.requestId, 'bb-leave');
    assert.deepEqual(parties(await dialogPut('agent1', dialogId, 'bb-leave')), [`${CALLER} ACTIVE`, '1001 ACTIVE']);
    assert.deepEqual(parties(await fetchDialog('agent1')), [`${CALLER} ACTIVE`, '1001 ACTIVE']);
    assert.match((await rest('agent2', 'GET', '/User/agent2/Dialogs')).text, /<Dialogs\/>$/);
    assert.equal((await rest('agent2', 'GET', `/Dialog/${dialogId}`)).status, 401); // no longer agent2's dialog
    // agent2 talked on a call the Sales CSQ delivered, which has Automatic Work (cti-to-finesse.md §2.3)
    assert.equal(await userState('agent2'), 'WORK');
    await notReady('agent2', 'bb-agent2-not-ready');
  });

  test('DROP, then the wrap-up reason: the dialog stays in WRAP_UP with the reason; REST agrees', async () => {
    await act('agent1', dialogId, 'DROP', 'bb-drop');
    assert.equal(participantsOf(await dialogPut('agent1', dialogId, 'bb-drop'))[1], '1001 DROPPED');
    // Automatic Work on the demo CSQ: the agent keeps the dialog in wrap-up (cti-to-finesse.md §2.1 step 8)
    const wrap = dialogOf(await received('agent1', dialogsNode('agent1'), [`<source>${dialogUri(dialogId)}</source>`, '<state>WRAP_UP</state>']));
    assert.equal(wrap.getChildText('state'), 'DROPPED');
    assert.deepEqual(participantsOf(wrap), [`${CALLER} DROPPED`, '1001 WRAP_UP [UPDATE_CALL_DATA]']);
    const fetched = await fetchDialog('agent1');
    assert.equal(fetched.getChildText('state'), 'DROPPED');
    assert.deepEqual(participantsOf(fetched), participantsOf(wrap));
    assert.equal(await userState('agent1'), 'WORK');

    await act('agent1', dialogId, 'UPDATE_CALL_DATA', 'bb-wrapup', '<mediaProperties><wrapUpReason>Billing dispute</wrapUpReason></mediaProperties>');
    const reasoned = await dialogPut('agent1', dialogId, 'bb-wrapup');
    assert.equal(reasoned.getChild('mediaProperties')?.getChildText('wrapUpReason'), 'Billing dispute');
    assert.equal((await fetchDialog('agent1')).getChild('mediaProperties')?.getChildText('wrapUpReason'), 'Billing dispute');
  });

  test('back to READY: the User update, then the dialog\'s DELETE; REST finds no dialog', async () => {
    await setState('agent1', '<User><state>READY</state></User>', 'bb-after', 'READY');
    const gone = await received('agent1', dialogsNode('agent1'), ['<event>DELETE</event>', `<id>${dialogId}</id>`]);
    assert.equal(gone.source, dialogsNode('agent1'));
    assert.equal((await rest('agent1', 'GET', `/Dialog/${dialogId}`)).status, 404);
    assert.match((await rest('agent1', 'GET', '/User/agent1/Dialogs')).text, /<Dialogs\/>$/);
  });

  test('a second call: consult agent2, then TRANSFER; agent1\'s page loses both dialogs, agent2\'s gets the caller', async () => {
    const id = transferredId = await placeCall('acct-43');
    await answer(id, 'bb-answer2');
    const consultId = await consultAgent2(id, 'bb-xfer');

    await act('agent1', id, 'TRANSFER', 'bb-transfer');
    const gone = await received('agent1', dialogsNode('agent1'), ['<event>DELETE</event>', `<id>${id}</id>`]);
    assert.equal(gone.requestId, 'bb-transfer');
    await received('agent1', dialogsNode('agent1'), ['<event>DELETE</event>', `<id>${consultId}</id>`]);
    const arrived = await received('agent2', dialogsNode('agent2'), ['<event>POST</event>', `<id>${id}</id>`]);
    assert.equal(arrived.requestId, 'bb-transfer');
    await received('agent2', dialogsNode('agent2'), ['<event>DELETE</event>', `<id>${consultId}</id>`]);
    const retyped = dialogOf(await received('agent2', dialogsNode('agent2'), [`<source>${dialogUri(id)}</source>`, '<callType>TRANSFER</callType>']));
    assert.deepEqual(parties(retyped), [`${CALLER} ACTIVE`, '1002 ACTIVE'].sort());
    assert.equal(retyped.getChildText('fromAddress'), CALLER);
    assert.deepEqual(callVariablesOf(retyped), { callVariable1: 'acct-43' });

    const fetched = await fetchDialog('agent2', id);
    assert.equal(fetched.getChild('mediaProperties')?.getChildText('callType'), 'TRANSFER');
    assert.deepEqual(parties(fetched), parties(retyped));
    assert.deepEqual((await rest('agent2', 'GET', '/User/agent2/Dialogs')).xml?.getChildren('Dialog').map((d) => d.getChildText('id')), [id]);
    assert.match((await rest('agent1', 'GET', '/User/agent1/Dialogs')).text, /<Dialogs\/>$/);
    assert.equal(await userState('agent1'), 'WORK');
    assert.equal(await userState('agent2'), 'TALKING');
  });

  test('agent2 hangs up the transferred call and wraps up; agent1 leaves WORK for READY', async () => {
    await act('agent2', transferredId, 'DROP', 'bb-drop2');
    const dropped = await dialogPut('agent2', transferredId, 'bb-drop2');
    assert.equal(participantsOf(dropped).find((p) => p.startsWith('1002 ')), '1002 DROPPED');
    await received('agent2', dialogsNode('agent2'), [`<source>${dialogUri(transferredId)}</source>`, '<state>WRAP_UP</state>']);
    assert.equal(await userState('agent2'), 'WORK');

    await setState('agent1', '<User><state>READY</state></User>', 'bb-ready-again', 'READY');
    await notReady('agent2', 'bb-agent2-done');
    await received('agent2', dialogsNode('agent2'), ['<event>DELETE</event>', `<id>${transferredId}</id>`]);
    assert.equal((await rest('agent2', 'GET', `/Dialog/${transferredId}`)).status, 404);
  });
});
