// A whole inbound call through the Finesse Dialog API, end to end on one node (cti-to-finesse.md §2.1): a lab
// call to 7001 rings agent1 (Dialog POST, ALERTING), the agent answers, holds, retrieves and drops over REST;
// each step answers 202 and comes back over CTI and XMPP as a Dialog PUT carrying its requestId, and the REST GET
// agrees. Then wrap-up (WRAP_UP, wrap-up reason) and back to READY (DELETE); consult, transfer and conference with
// agent2. Refused requests change nothing. The desktops are @xmpp/client over WebSocket (/ws/); agent1 also has a
// session over TCP, which must receive the very same Updates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import type { Element } from 'ltx';
import { isNotifyService } from '../../src/notify/index.ts';
import { apiErrorOf, startWebNode, type WebFixture } from '../support/web.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { callerHangsUp, placeLabCall } from '../support/lab-calls.ts';
import { connectClient, xml } from '../support/xmpp.ts';
import { callVariablesOf, dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';

const CALLER = '+14155550100';
// A bound for a notification that never comes, so a broken step fails instead of holding the suite; not a latency check.
const STEP = { timeout: 60_000 };
let fx: WebFixture;
let desktop: XmppClient;
let desktopTcp: XmppClient;
let desktop2: XmppClient;
let feed: UpdateFeed;
let feedTcp: UpdateFeed;
let feed2: UpdateFeed;
let dialogId = '';

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  await fx.web.csqs.whenBuilt(); // queueName comes from the CSQ configuration (cti.md §8.1)
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  const webSocket = `ws://127.0.0.1:${notify.ports.bosh}/ws/`;
  const signIn = async (service: string, username: string, resource: string) => {
    const client = await connectClient({ service, domain: notify.server.domain, username, password: TEST_PASSWORD, resource });
    const feed = updateFeed(client);
    await client.send(xml('presence'));
    return { client, feed };
  };
  ({ client: desktop, feed } = await signIn(webSocket, 'agent1', 'desktop'));
  ({ client: desktopTcp, feed: feedTcp } = await signIn(`xmpp://127.0.0.1:${notify.ports.xmpp}`, 'agent1', 'tcp-desktop'));
  ({ client: desktop2, feed: feed2 } = await signIn(webSocket, 'agent2', 'desktop'));
});
after(async () => {
  await desktop?.stop();
  await desktopTcp?.stop();
  await desktop2?.stop();
  await fx.close();
});

const DIALOGS = '/finesse/api/User/agent1/Dialogs';

const feedOf = (userid: string): UpdateFeed => (userid === 'agent1' ? feed : feed2);
let stateRequests = 0;

/** PUT /User: 202, then the desktop's User update with the same requestId shows `expected`, and so does the GET. */
async function setState(userid: string, body: string, expected: string): Promise<void> {
  const requestId = `${userid}-${expected}-${++stateRequests}`;
  const res = await fx.call('PUT', `/User/${userid}`, { as: userid, body, headers: { requestId } });
  assert.equal(res.status, 202, res.text);
  const update = await feedOf(userid).next((u) => u.node === `/finesse/api/User/${userid}` && u.requestId === requestId);
  assert.equal(update.data.getChildText('state'), expected, update.text);
  assert.equal(await userState(userid), expected);
}

async function act(requestedAction: string, requestId: string, extra = ''): Promise<void> {
  const res = await fx.call('PUT', `/Dialog/${dialogId}`, {
    as: 'agent1', headers: { requestId },
    body: `<Dialog><requestedAction>${requestedAction}</requestedAction><targetMediaAddress>1001</targetMediaAddress>${extra}</Dialog>`,
  });
  assert.equal(res.status, 202, res.text);
  assert.equal(res.text, '');
  assert.equal(res.headers.get('requestId'), requestId);
}

/** The next Dialog PUT carrying `requestId`, and the dialog the REST GET shows afterwards. */
async function outcome(requestId: string): Promise<{ notified: Element; fetched: Element }> {
  const update = await feed.next((u) => u.node === DIALOGS && u.requestId === requestId);
  assert.equal(update.event, 'PUT', update.text);
  assert.equal(update.source, `/finesse/api/Dialog/${dialogId}`);
  const res = await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent1' });
  assert.equal(res.status, 200, res.text);
  assert.ok(res.xml);
  return { notified: dialogOf(update), fetched: res.xml };
}

async function userState(userid: string): Promise<string | undefined> {
  return (await fx.call('GET', `/User/${userid}`, { as: userid })).xml?.getChildText('state') ?? undefined;
}

test('a lab call rings agent1: Dialog POST ALERTING with the caller and call variables, and the REST GETs', STEP, async () => {
  await setState('agent1', '<User><state>LOGIN</state><extension>1001</extension></User>', 'NOT_READY');
  await setState('agent1', '<User><state>READY</state></User>', 'READY');
  const empty = await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' });
  assert.equal(empty.status, 200);
  assert.match(empty.text, /<Dialogs\/>$/);

  await placeLabCall(fx.cmUrl, { from: CALLER, to: '7001', callVariables: { callVariable1: 'ACME & Sons' } });

  const posted = await feed.next((u) => u.node === DIALOGS && u.event === 'POST');
  assert.equal(posted.source, DIALOGS);
  assert.equal(posted.requestId, '');
  const dialog = dialogOf(posted);
  dialogId = dialog.getChildText('id') ?? '';
  assert.match(dialogId, /^[0-9]+$/);
  assert.equal(dialog.getChildText('state'), 'ALERTING');
  assert.equal(dialog.getChildText('fromAddress'), CALLER);
  assert.equal(dialog.getChildText('toAddress'), '7001');
  assert.equal(dialog.getChildText('mediaType'), 'Voice');
  assert.equal(dialog.getChildText('uri'), `/finesse/api/Dialog/${dialogId}`);
  assert.deepEqual(participantsOf(dialog), [`${CALLER} ACTIVE`, '1001 ALERTING [ANSWER]']);
  assert.deepEqual(callVariablesOf(dialog), { callVariable1: 'ACME & Sons' });
  const media = dialog.getChild('mediaProperties');
  assert.equal(media?.getChildText('callType'), 'ACD_IN');
  assert.equal(media?.getChildText('DNIS'), '7001');
  assert.match(media?.getChildText('queueNumber') ?? '', /^[0-9]+$/);
  assert.equal(media?.getChildText('queueName'), 'Sales');
  // rest-api.md §4.1: the children in the order the spec shows
  assert.deepEqual(dialog.getChildElements().map((c) => c.getName()), [
    'associatedDialogUri', 'fromAddress', 'id', 'mediaProperties', 'mediaType', 'participants', 'state', 'toAddress', 'uri',
  ]);
  assert.equal(await userState('agent1'), 'RESERVED');

  const list = await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' });
  assert.equal(list.status, 200);
  const listed = list.xml?.getChildren('Dialog') ?? [];
  assert.equal(listed.length, 1);
  assert.deepEqual(participantsOf(listed[0]!), participantsOf(dialog));
  const one = await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent1' });
  assert.equal(one.xml?.getName(), 'Dialog');
  assert.equal(one.xml?.getChildText('state'), 'ALERTING');
});

test('ANSWER, HOLD, RETRIEVE: 202, then a Dialog PUT with the same requestId; the GET agrees', STEP, async () => {
  await act('ANSWER', 'r-answer');
  let { notified, fetched } = await outcome('r-answer');
  assert.equal(notified.getChildText('state'), 'ACTIVE');
  assert.deepEqual(participantsOf(notified),
    [`${CALLER} ACTIVE`, '1001 ACTIVE [HOLD DROP UPDATE_CALL_DATA CONSULT_CALL TRANSFER_SST SEND_DTMF]']);
  assert.deepEqual(participantsOf(fetched), participantsOf(notified));
  // cti-to-finesse.md §2.1 step 4: the User notification the ANSWER caused carries its requestId too
  const talking = await feed.next((u) => u.node === '/finesse/api/User/agent1' && u.requestId === 'r-answer');
  assert.equal(talking.data.getChildText('state'), 'TALKING');
  assert.equal(await userState('agent1'), 'TALKING');

  await act('HOLD', 'r-hold');
  ({ notified, fetched } = await outcome('r-hold'));
  assert.equal(notified.getChildText('state'), 'ACTIVE');
  assert.deepEqual(participantsOf(notified), [`${CALLER} ACTIVE`, '1001 HELD [RETRIEVE DROP UPDATE_CALL_DATA]']);
  assert.deepEqual(participantsOf(fetched), participantsOf(notified));
  assert.equal(await userState('agent1'), 'TALKING');

  await act('RETRIEVE', 'r-retrieve');
  ({ notified, fetched } = await outcome('r-retrieve'));
  assert.deepEqual(participantsOf(fetched), participantsOf(notified));
  assert.equal(participantsOf(notified)[1]?.startsWith('1001 ACTIVE'), true);

  // call data on an ICD call: SET_CALL_DATA, and the CALL_DATA_UPDATE it causes comes back with the requestId
  await act('UPDATE_CALL_DATA', 'r-data', '<mediaProperties><callvariables><CallVariable><name>callVariable2</name><value>INV-20931</value></CallVariable><CallVariable><name>user.case.id</name><value>C-118</value></CallVariable></callvariables></mediaProperties>');
  ({ notified, fetched } = await outcome('r-data'));
  assert.deepEqual(callVariablesOf(notified), { callVariable1: 'ACME & Sons', callVariable2: 'INV-20931', 'user.case.id': 'C-118' });
  assert.deepEqual(callVariablesOf(fetched), callVariablesOf(notified));
});

test('bad input gets the spec\'s status and ApiErrors, publishes nothing, and leaves the dialog as it was', STEP, async () => {
  const before = (await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent1' })).text;
  const published = fx.web.publisher.updates.length;
  const cases: { path: string; as: string; body: string; status: number; errorType: string }[] = [
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>HOLD</requestedAction', status: 400, errorType: 'Bad Request' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>JUGGLE</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', status: 400, errorType: 'Invalid Input' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><targetMediaAddress>1001</targetMediaAddress></Dialog>', status: 400, errorType: 'Parameter Missing' },
    { path: '/Dialog/99999', as: 'agent1', body: '<Dialog><requestedAction>HOLD</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', status: 404, errorType: 'Not Found' },
    { path: `/Dialog/${dialogId}`, as: 'agent2', body: '<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>1002</targetMediaAddress></Dialog>', status: 401, errorType: 'Invalid Authorization User Specified' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', status: 400, errorType: 'Invalid State' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: `<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>${CALLER}</targetMediaAddress></Dialog>`, status: 401, errorType: 'Invalid Authorization User Specified' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>4444</targetMediaAddress></Dialog>', status: 400, errorType: 'Invalid Destination' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>1001</targetMediaAddress><actionParams><ActionParam><name>dtmfString</name><value>12x</value></ActionParam></actionParams></Dialog>', status: 400, errorType: 'Invalid Input' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>BACampaign</name><value>x</value></CallVariable></callvariables></mediaProperties></Dialog>', status: 400, errorType: 'Invalid Input' },
    { path: `/Dialog/${dialogId}`, as: 'agent1', body: '<Dialog><requestedAction>START_RECORDING</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', status: 501, errorType: 'Not Implemented' },
    { path: '/User/agent1/Dialogs', as: 'agent1', body: '<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress><toAddress>1001</toAddress></Dialog>', status: 400, errorType: 'Invalid Destination' },
    { path: '/User/agent1/Dialogs', as: 'agent1', body: '<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress></Dialog>', status: 400, errorType: 'Parameter Missing' },
    { path: '/User/agent1/Dialogs', as: 'agent2', body: '<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress><toAddress>1003</toAddress></Dialog>', status: 401, errorType: 'Invalid Authorization User Specified' },
  ];
  for (const c of cases) {
    const method = c.path.endsWith('/Dialogs') ? 'POST' : 'PUT';
    const res = await fx.call(method, c.path, { as: c.as, body: c.body, headers: { requestId: 'r-refused' } });
    assert.equal(res.status, c.status, `${method} ${c.path} ${c.body} → ${res.text}`);
    assert.equal(apiErrorOf(res).ErrorType, c.errorType, res.text);
  }
  assert.equal((await fx.call('GET', '/Dialog/abc', { as: 'agent1' })).status, 404);
  assert.equal((await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent2' })).status, 401);
  assert.equal((await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent2' })).status, 401);
  assert.equal((await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent1' })).text, before);
  assert.equal(fx.web.publisher.updates.slice(published).filter((u) => u.xml.includes('r-refused')).length, 0);
});

test('DROP, then wrap-up: WRAP_UP with the wrap-up reason, and READY deletes the dialog', STEP, async () => {
  await act('DROP', 'r-drop');
  const dropped = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-drop');
  assert.equal(dropped.event, 'PUT');
  assert.equal(participantsOf(dialogOf(dropped))[1], '1001 DROPPED');
  // Automatic Work on the demo CSQ: the agent keeps the dialog in WRAP_UP (cti-to-finesse.md §2.1 step 8).
  const wrap = await feed.next((u) => u.node === DIALOGS && u.event === 'PUT'
    && participantsOf(dialogOf(u)).some((p) => p.startsWith('1001 WRAP_UP')));
  assert.equal(dialogOf(wrap).getChildText('state'), 'DROPPED');
  assert.deepEqual(participantsOf(dialogOf(wrap)), [`${CALLER} DROPPED`, '1001 WRAP_UP [UPDATE_CALL_DATA]']);
  assert.equal(await userState('agent1'), 'WORK');
  const held = await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' });
  assert.equal(held.xml?.getChildren('Dialog').length, 1);

  const res = await fx.call('PUT', `/Dialog/${dialogId}`, {
    as: 'agent1', headers: { requestId: 'r-wrapup' },
    body: '<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Billing dispute</wrapUpReason></mediaProperties></Dialog>',
  });
  assert.equal(res.status, 202, res.text);
  const { notified, fetched } = await outcome('r-wrapup');
  assert.equal(notified.getChild('mediaProperties')?.getChildText('wrapUpReason'), 'Billing dispute');
  assert.equal(fetched.getChild('mediaProperties')?.getChildText('wrapUpReason'), 'Billing dispute');

  await setState('agent1', '<User><state>READY</state></User>', 'READY');
  const deleted = await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE');
  assert.equal(deleted.source, DIALOGS);
  assert.equal(dialogOf(deleted).getChildText('id'), dialogId);
  assert.match((await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' })).text, /<Dialogs\/>$/);
  assert.equal((await fx.call('GET', `/Dialog/${dialogId}`, { as: 'agent1' })).status, 404);
});

const DIALOGS2 = '/finesse/api/User/agent2/Dialogs';

async function put(userid: string, id: string, requestId: string, body: string): Promise<void> {
  const res = await fx.call('PUT', `/Dialog/${id}`, { as: userid, headers: { requestId }, body: `<Dialog>${body}</Dialog>` });
  assert.equal(res.status, 202, res.text);
}
const action = (name: string, extension: string, extra = '') =>
  `<requestedAction>${name}</requestedAction><targetMediaAddress>${extension}</targetMediaAddress>${extra}`;

/** A lab call to 7001 rings agent1 (READY; agent2 not READY) and agent1 answers; returns the dialog id. */
async function inboundAnsweredByAgent1(): Promise<string> {
  if (await userState('agent1') !== 'READY') await setState('agent1', '<User><state>READY</state></User>', 'READY');
  await placeLabCall(fx.cmUrl, { from: CALLER, to: '7001', callVariables: { callVariable1: 'acct-7' } });
  const posted = await feed.next((u) => u.node === DIALOGS && u.event === 'POST');
  const id = dialogOf(posted).getChildText('id') ?? '';
  await put('agent1', id, `answer-${id}`, action('ANSWER', '1001'));
  const answered = await feed.next((u) => u.node === DIALOGS && u.requestId === `answer-${id}`);
  assert.equal(dialogOf(answered).getChildText('state'), 'ACTIVE');
  return id;
}

/** agent1 consults agent2 (READY) on `id`; agent2 answers. Returns the consult dialog id. */
async function consultAgent2(id: string, tag: string): Promise<string> {
  await setState('agent2', '<User><state>READY</state></User>', 'READY');
  await put('agent1', id, `consult-${tag}`, action('CONSULT_CALL', '1001', '<toAddress>1002</toAddress>'));
  const held = await feed.next((u) => u.node === DIALOGS && u.requestId === `consult-${tag}` && u.source === `/finesse/api/Dialog/${id}`);
  assert.deepEqual(participantsOf(dialogOf(held)), [`${CALLER} ACTIVE`, '1001 HELD [RETRIEVE DROP UPDATE_CALL_DATA]']);
  const consultPost = await feed.next((u) => u.node === DIALOGS && u.event === 'POST' && u.requestId === `consult-${tag}`);
  const consult = dialogOf(consultPost);
  const consultId = consult.getChildText('id') ?? '';
  assert.notEqual(consultId, id);
  assert.equal(consult.getChild('mediaProperties')?.getChildText('callType'), 'CONSULT');
  assert.equal(consult.getChildText('associatedDialogUri'), `/finesse/api/Dialog/${id}`);
  const offered = await feed2.next((u) => u.node === DIALOGS2 && u.event === 'POST');
  assert.equal(dialogOf(offered).getChildText('id'), consultId);
  assert.deepEqual(participantsOf(dialogOf(offered)), ['1001 INITIATED [DROP UPDATE_CALL_DATA]', '1002 ALERTING [ANSWER]']);
  assert.equal(dialogOf(offered).getChildText('state'), 'ALERTING');

  await put('agent2', consultId, `answer-${tag}`, action('ANSWER', '1002'));
  const talking = await feed2.next((u) => u.node === DIALOGS2 && u.requestId === `answer-${tag}`);
  assert.deepEqual(participantsOf(dialogOf(talking)).map((p) => p.split(' [')[0]), ['1001 ACTIVE', '1002 ACTIVE']);
  // cti-to-finesse.md §2.3 step 6: A's held dialog gains TRANSFER and CONFERENCE
  const gained = await feed.next((u) => u.node === DIALOGS && u.source === `/finesse/api/Dialog/${id}`
    && participantsOf(dialogOf(u)).includes('1001 HELD [RETRIEVE DROP UPDATE_CALL_DATA TRANSFER CONFERENCE]'));
  assert.equal(gained.event, 'PUT');
  return consultId;
}

/** NOT_READY with the first configured reason code (one is required when codes exist, rest-api.md §3.2). */
async function notReady(userid: string): Promise<void> {
  const codes = await fx.call('GET', `/User/${userid}/ReasonCodes?category=NOT_READY`, { as: userid });
  const id = codes.xml?.getChildren('ReasonCode')[0]?.getChildText('uri')?.split('/').pop();
  assert.ok(id, codes.text);
  await setState(userid, `<User><state>NOT_READY</state><reasonCodeId>${id}</reasonCodeId></User>`, 'NOT_READY');
}

test('consult agent2, then TRANSFER: agent1 loses both dialogs, agent2 gets the caller\'s dialog', STEP, async () => {
  await setState('agent2', '<User><state>LOGIN</state><extension>1002</extension></User>', 'NOT_READY');
  const id = await inboundAnsweredByAgent1();
  const consultId = await consultAgent2(id, 'xfer');

  await put('agent1', id, 'r-transfer', action('TRANSFER', '1001'));
  const gone = await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE' && dialogOf(u).getChildText('id') === id);
  assert.equal(gone.requestId, 'r-transfer');
  await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE' && dialogOf(u).getChildText('id') === consultId);
  const arrived = await feed2.next((u) => u.node === DIALOGS2 && u.event === 'POST' && dialogOf(u).getChildText('id') === id);
  assert.equal(arrived.requestId, 'r-transfer');
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'DELETE' && dialogOf(u).getChildText('id') === consultId);
  const retyped = await feed2.next((u) => u.node === DIALOGS2 && u.event === 'PUT' && u.source === `/finesse/api/Dialog/${id}`
    && dialogOf(u).getChild('mediaProperties')?.getChildText('callType') === 'TRANSFER');
  assert.deepEqual(participantsOf(dialogOf(retyped)).map((p) => p.split(' [')[0]), [`${CALLER} ACTIVE`, '1002 ACTIVE']);
  assert.equal(dialogOf(retyped).getChildText('fromAddress'), CALLER);
  assert.deepEqual(callVariablesOf(dialogOf(retyped)), { callVariable1: 'acct-7' });

  const ofAgent2 = await fx.call('GET', '/User/agent2/Dialogs', { as: 'agent2' });
  assert.deepEqual(ofAgent2.xml?.getChildren('Dialog').map((d) => d.getChildText('id')), [id]);
  assert.match((await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' })).text, /<Dialogs\/>$/);

  await callerHangsUp(fx.cmUrl, CALLER);
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'PUT' && participantsOf(dialogOf(u)).some((p) => p.startsWith('1002 WRAP_UP')));
  await notReady('agent2');
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'DELETE' && dialogOf(u).getChildText('id') === id);
});

test('consult agent2, then CONFERENCE: everyone ACTIVE; agent1 drops and agent2 talks on', STEP, async () => {
  const id = await inboundAnsweredByAgent1();
  const consultId = await consultAgent2(id, 'conf');

  await put('agent1', id, 'r-conference', action('CONFERENCE', '1001'));
  const merged = await feed.next((u) => u.node === DIALOGS && u.event === 'PUT' && u.requestId === 'r-conference'
    && u.source === `/finesse/api/Dialog/${id}`);
  assert.deepEqual(participantsOf(dialogOf(merged)).map((p) => p.split(' [')[0]).sort(), [`${CALLER} ACTIVE`, '1001 ACTIVE', '1002 ACTIVE'].sort());
  await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE' && dialogOf(u).getChildText('id') === consultId);
  const joined = await feed2.next((u) => u.node === DIALOGS2 && u.event === 'POST' && dialogOf(u).getChildText('id') === id);
  assert.equal(joined.requestId, 'r-conference');
  const conference = await feed.next((u) => u.node === DIALOGS && u.event === 'PUT' && u.source === `/finesse/api/Dialog/${id}`
    && dialogOf(u).getChild('mediaProperties')?.getChildText('callType') === 'CONFERENCE');
  const three = [`${CALLER} ACTIVE`, '1001 ACTIVE', '1002 ACTIVE'].sort();
  for (const agent of ['agent1', 'agent2']) {
    const fetched = await fx.call('GET', `/Dialog/${id}`, { as: agent });
    assert.equal(fetched.status, 200, fetched.text);
    assert.equal(fetched.xml?.getChildText('state'), 'ACTIVE');
    assert.equal(fetched.xml?.getChild('mediaProperties')?.getChildText('callType'), 'CONFERENCE');
    assert.deepEqual(participantsOf(fetched.xml!).map((p) => p.split(' [')[0]).sort(), three);
    assert.deepEqual(callVariablesOf(fetched.xml!), { callVariable1: 'acct-7' });
    assert.equal(await userState(agent), 'TALKING');
  }
  assert.deepEqual(participantsOf(dialogOf(conference)), participantsOf((await fx.call('GET', `/Dialog/${id}`, { as: 'agent1' })).xml!));
  const ofAgent1 = await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' });
  assert.deepEqual(ofAgent1.xml?.getChildren('Dialog').map((d) => d.getChildText('id')), [id]); // the consult is gone

  await put('agent1', id, 'r-leave', action('DROP', '1001'));
  const left = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-leave');
  assert.equal(left.event, 'DELETE');
  const on = await feed2.next((u) => u.node === DIALOGS2 && u.requestId === 'r-leave');
  assert.equal(on.event, 'PUT');
  assert.deepEqual(participantsOf(dialogOf(on)).map((p) => p.split(' [')[0]).sort(), [`${CALLER} ACTIVE`, '1002 ACTIVE'].sort());

  // the call came from the Sales CSQ, which has Automatic Work: agent2 keeps the dialog in wrap-up (§2.3)
  await callerHangsUp(fx.cmUrl, CALLER);
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'PUT' && participantsOf(dialogOf(u)).some((p) => p.startsWith('1002 WRAP_UP')));
  assert.equal(await userState('agent2'), 'WORK');
  for (const agent of ['agent1', 'agent2']) if (await userState(agent) !== 'NOT_READY') await notReady(agent);
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'DELETE' && dialogOf(u).getChildText('id') === id);
});

test('MAKE_CALL out: POST with the requestId, DTMF and call data on the live call, refused data, DROP', STEP, async () => {
  const res = await fx.call('POST', '/User/agent1/Dialogs', {
    as: 'agent1', headers: { requestId: 'r-make' },
    body: '<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001</fromAddress><toAddress>914155550177</toAddress></Dialog>',
  });
  assert.equal(res.status, 202, res.text);
  const posted = await feed.next((u) => u.node === DIALOGS && u.event === 'POST' && u.requestId === 'r-make');
  const id = dialogOf(posted).getChildText('id') ?? '';
  assert.equal(dialogOf(posted).getChildText('fromAddress'), '1001');
  const active = await feed.next((u) => u.node === DIALOGS && u.event === 'PUT' && u.source === `/finesse/api/Dialog/${id}`
    && dialogOf(u).getChildText('state') === 'ACTIVE');
  assert.equal(dialogOf(active).getChildText('toAddress'), '914155550177');
  assert.equal(dialogOf(active).getChild('mediaProperties')?.getChildText('callType'), 'OUT');

  await put('agent1', id, 'r-dtmf', action('SEND_DTMF', '1001',
    '<actionParams><ActionParam><name>dtmfString</name><value>31#</value></ActionParam></actionParams>'));
  await put('agent1', id, 'r-after-dtmf', '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Billing</wrapUpReason></mediaProperties>');
  const dtmf = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-dtmf');
  assert.equal(dtmf.data.getName(), 'dialog', dtmf.text); // accepted: the dialog as it is, not an apiErrors
  // Digits cause no call event: the DTMF's CONF is its outcome, published before the next request's
  const afterDtmf = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-after-dtmf');
  assert.ok(feed.received.indexOf(dtmf) < feed.received.indexOf(afterDtmf));

  // rest-api.md §4.5: call variables on a direct call are protected, reported asynchronously
  await put('agent1', id, 'r-protected', '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>callVariable3</name><value>x</value></CallVariable></callvariables></mediaProperties>');
  const refused = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-protected');
  assert.equal(refused.data.getName(), 'apiErrors');
  assert.equal(refused.data.getChild('apiError')?.getChildText('errorType'), 'Call Variable is protected');
  assert.equal(refused.source, `/finesse/api/Dialog/${id}`);

  await put('agent1', id, 'r-reason', '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Callback</wrapUpReason></mediaProperties>');
  const reason = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-reason');
  assert.equal(dialogOf(reason).getChild('mediaProperties')?.getChildText('wrapUpReason'), 'Callback', reason.text);

  // cti-to-finesse.md §3.2: a refusal by the engine comes back as apiErrors with the CTI code
  await put('agent1', id, 'r-bad-consult', action('CONSULT_CALL', '1001', '<toAddress>1001</toAddress>'));
  const failed = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-bad-consult');
  assert.equal(failed.event, 'PUT');
  assert.equal(failed.source, `/finesse/api/Dialog/${id}`);
  const apiError = failed.data.getChild('apiError');
  assert.deepEqual(apiError?.getChildElements().map((c) => `${c.getName()}=${c.getText()}`),
    ['errorData=14', 'errorMessage=CF_INVALID_DESTINATION', 'errorType=Call Operation Failure']);
  const unchanged = await fx.call('GET', `/Dialog/${id}`, { as: 'agent1' });
  assert.equal(participantsOf(unchanged.xml!)[0]?.startsWith('1001 ACTIVE'), true, unchanged.text);

  await put('agent1', id, 'r-hangup', action('DROP', '1001'));
  await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-hangup');
  await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE' && dialogOf(u).getChildText('id') === id);
  assert.equal(await userState('agent1'), 'NOT_READY');
});

test('TRANSFER_SST: a blind transfer to agent2 is one REST request; both sides carry its requestId', STEP, async () => {
  const id = await inboundAnsweredByAgent1();
  await setState('agent2', '<User><state>READY</state></User>', 'READY');
  await put('agent1', id, 'r-sst', action('TRANSFER_SST', '1001', '<toAddress>1002</toAddress>'));
  const gone = await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE' && dialogOf(u).getChildText('id') === id);
  assert.equal(gone.requestId, 'r-sst');
  const arrived = await feed2.next((u) => u.node === DIALOGS2 && u.event === 'POST' && dialogOf(u).getChildText('id') === id);
  assert.equal(arrived.requestId, 'r-sst');
  assert.equal(dialogOf(arrived).getChildText('fromAddress'), CALLER);
  // cti-to-finesse.md §2.3: the transfer happens while agent2 rings, which stays RESERVED until it answers
  assert.deepEqual(participantsOf(dialogOf(arrived)).find((p) => p.startsWith('1002 ')), '1002 ALERTING [ANSWER]');
  assert.equal(await userState('agent2'), 'RESERVED');
  await put('agent2', id, 'r-sst-answer', action('ANSWER', '1002'));
  await feed2.next((u) => u.node === DIALOGS2 && u.requestId === 'r-sst-answer');
  const talking = await feed2.next((u) => u.node === '/finesse/api/User/agent2' && u.requestId === 'r-sst-answer');
  assert.equal(talking.data.getChildText('state'), 'TALKING');
  const dialog = await fx.call('GET', `/Dialog/${id}`, { as: 'agent2' });
  assert.deepEqual(participantsOf(dialog.xml!).map((p) => p.split(' [')[0]).sort(), [`${CALLER} ACTIVE`, '1002 ACTIVE'].sort());
  assert.match((await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' })).text, /<Dialogs\/>$/);

  // the call came from the Sales CSQ, which has Automatic Work: agent2 keeps the dialog in wrap-up (§2.3)
  await callerHangsUp(fx.cmUrl, CALLER);
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'PUT' && participantsOf(dialogOf(u)).some((p) => p.startsWith('1002 WRAP_UP')));
  for (const agent of ['agent1', 'agent2']) if (await userState(agent) !== 'NOT_READY') await notReady(agent);
  await feed2.next((u) => u.node === DIALOGS2 && u.event === 'DELETE' && dialogOf(u).getChildText('id') === id);
});

test('agent1\'s session over TCP received every Update its WebSocket session did, the same text in the same order', STEP, async () => {
  assert.ok(feed.received.length > 40, `only ${feed.received.length} updates`);
  await feedTcp.next((u) => feedTcp.received.indexOf(u) === feed.received.length - 1);
  assert.deepEqual(feedTcp.received.map((u) => u.text), feed.received.map((u) => u.text));
});
