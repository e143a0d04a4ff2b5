// A whole inbound call through the Finesse Dialog API, end to end on one node (cti-to-finesse.md §2.1): a lab
// call to 7001 rings agent1 (Dialog POST, ALERTING), the agent answers, holds, retrieves and drops over REST;
// each step answers 202 and comes back over CTI and XMPP as a Dialog PUT carrying its requestId, and the REST GET
// agrees. Then wrap-up (WRAP_UP, wrap-up reason) and back to READY (DELETE). Refused requests change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import type { Element } from 'ltx';
import { isNotifyService } from '../../src/notify/index.ts';
import { apiErrorOf, startWebNode, type WebFixture } from '../support/web.ts';
import { basicAuth, TEST_PASSWORD } from '../support/test-node.ts';
import { connectClient, xml } from '../support/xmpp.ts';
import { callVariablesOf, dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';

const CALLER = '+14155550100';
let fx: WebFixture;
let desktop: XmppClient;
let feed: UpdateFeed;
let dialogId = '';

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify);
  desktop = await connectClient({
    service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain: notify.server.domain, username: 'agent1', password: TEST_PASSWORD,
  });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
});
after(async () => {
  await desktop?.stop();
  await fx.close();
});

const DIALOGS = '/finesse/api/User/agent1/Dialogs';

async function setState(userid: string, body: string, expected: string): Promise<void> {
  const requestId = `${userid}-${expected}-${Date.now()}`;
  const res = await fx.call('PUT', `/User/${userid}`, { as: userid, body, headers: { requestId } });
  assert.equal(res.status, 202, res.text);
  await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${userid}` && u.xml.includes(`<state>${expected}</state>`)
    && u.xml.includes(`<requestId>${requestId}</requestId>`));
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

test('a lab call rings agent1: Dialog POST ALERTING with the caller and call variables, and the REST GETs', async () => {
  await setState('agent1', '<User><state>LOGIN</state><extension>1001</extension></User>', 'NOT_READY');
  await setState('agent1', '<User><state>READY</state></User>', 'READY');
  const empty = await fx.call('GET', '/User/agent1/Dialogs', { as: 'agent1' });
  assert.equal(empty.status, 200);
  assert.match(empty.text, /<Dialogs\/>$/);

  const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: CALLER, to: '7001', callVariables: { callVariable1: 'ACME & Sons' } }),
  });
  assert.equal(placed.status, 201);

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

test('ANSWER, HOLD, RETRIEVE: 202, then a Dialog PUT with the same requestId; the GET agrees', async () => {
  await act('ANSWER', 'r-answer');
  let { notified, fetched } = await outcome('r-answer');
  assert.equal(notified.getChildText('state'), 'ACTIVE');
  assert.deepEqual(participantsOf(notified),
    [`${CALLER} ACTIVE`, '1001 ACTIVE [HOLD DROP UPDATE_CALL_DATA CONSULT_CALL TRANSFER_SST SEND_DTMF]']);
  assert.deepEqual(participantsOf(fetched), participantsOf(notified));
  await fx.web.publisher.waitFor((u) => u.node === '/finesse/api/User/agent1' && u.xml.includes('<state>TALKING</state>'));
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
});

test('bad input gets the spec\'s status and ApiErrors, publishes nothing, and leaves the dialog as it was', async () => {
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

test('DROP, then wrap-up: WRAP_UP with the wrap-up reason, and READY deletes the dialog', async () => {
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
