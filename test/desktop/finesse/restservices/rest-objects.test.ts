// The library's REST objects without a browser (desktop-and-gadgets.md §5): a stand-in gadgets.io answers from a
// table and records what was sent; a stand-in hub carries the master's notifications. Load, change on PUT,
// requestId on writes, refusals later as apiErrors, collections that add, change and remove calls.
import { before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { EventEmitter } from 'node:events';

interface Sent { url: string; method: string; headers: Record<string, string>; body?: string }
const sent: Sent[] = [];
let answer: (request: Sent) => { rc: number; text: string } = () => ({ rc: 404, text: '' });
const hub = new EventEmitter();
const published: { topic: string; data: unknown }[] = [];

(globalThis as Record<string, unknown>).gadgets = {
  io: {
    RequestParameters: { METHOD: 'METHOD', HEADERS: 'HEADERS', POST_DATA: 'POST_DATA', CONTENT_TYPE: 'CONTENT_TYPE' },
    ContentType: { TEXT: 'TEXT' },
    makeRequest(url: string, cb: (r: { rc: number; text: string }) => void, params: Record<string, unknown>) {
      const request: Sent = { url, method: String(params.METHOD ?? 'GET'), headers: params.HEADERS as Record<string, string>,
        ...(typeof params.POST_DATA === 'string' ? { body: params.POST_DATA } : {}) };
      sent.push(request);
      setImmediate(() => cb(answer(request)));
    },
  },
  Hub: {
    subscribe(topic: string, cb: (t: string, d: unknown) => void) { hub.on(topic, (d: unknown) => cb(topic, d)); return topic; },
    unsubscribe() {},
    publish(topic: string, data: unknown) { published.push({ topic, data }); setImmediate(() => hub.emit(topic, data)); },
  },
};

const { ClientServices } = await import('../../../../desktop/finesse/clientservices/client-services.ts');
const { User } = await import('../../../../desktop/finesse/restservices/user.ts');
const { Dialog } = await import('../../../../desktop/finesse/restservices/dialog.ts');
const { Queue } = await import('../../../../desktop/finesse/restservices/queue.ts');
const { xml2js } = await import('../../../../desktop/finesse/utilities/xml2js.ts');

const USER = (state: string) => `<User><loginId>agent1</loginId><extension>1001</extension><state>${state}</state>` +
  '<roles><role>Agent</role></roles><teamName>Sales</teamName></User>';
const DIALOG = (id: string, state: string) => `<Dialog><id>${id}</id><fromAddress>+14085550100</fromAddress>` +
  '<mediaProperties><DNIS>7001</DNIS><callType>ACD_IN</callType><callvariables><CallVariable><name>callVariable1</name>' +
  `<value>acct-42</value></CallVariable></callvariables></mediaProperties><participants><Participant><actions><action>ANSWER</action>` +
  `</actions><mediaAddress>1001</mediaAddress><state>${state}</state></Participant></participants><state>${state}</state>` +
  `<uri>/finesse/api/Dialog/${id}</uri></Dialog>`;

/** What the master publishes for one notification on `node` (§4.3). */
function notify(node: string, update: string): void {
  const content = `${node}${update}`;
  hub.emit(node.slice(1).replaceAll('/', '.'), { content, object: xml2js(update) });
}

const next = <T>(register: (resolve: (value: T) => void) => void): Promise<T> => new Promise(register);
type UserObject = InstanceType<typeof User>;
const loadUser = (onChange?: (u: UserObject) => void) =>
  next<UserObject>((resolve) => new User({ id: 'agent1', onLoad: (u) => resolve(u as UserObject), onChange: (u) => onChange?.(u as UserObject) }));

before(() => {
  ClientServices.init({ host: 'node-a', restHost: 'node-a', localhostPort: 8082, authorization: Buffer.from('agent1:pw').toString('base64') });
});
beforeEach(() => { sent.length = 0; });

test('init needs host, restHost and credentials, and reads id and password from authorization', () => {
  assert.throws(() => ClientServices.init({ host: 'node-a' }), /restHost/);
  assert.throws(() => ClientServices.init({ host: 'a', restHost: 'a' }), /authorization/);
  assert.equal(ClientServices.getConfig()?.id, 'agent1');
  assert.equal(ClientServices.getConfig()?.password, 'pw');
  assert.ok(published.some((m) => m.topic === 'finesse.info.requests' && (m.data as { type: string }).type === 'ConnectionInfoReq'));
});

test('a User loads with GET, changes on a PUT notification, and writes with Basic auth and a requestId', async () => {
  answer = () => ({ rc: 200, text: USER('NOT_READY') });
  const changes: string[] = [];
  const user = await loadUser((u) => changes.push(u.getState()));
  assert.equal(user.getState(), 'NOT_READY');
  assert.equal(user.hasAgentRole(), true);
  assert.match(sent[0]?.url ?? '', /^http:\/\/node-a:8082\/finesse\/api\/User\/agent1\?nocache=\d+$/);
  assert.equal(sent[0]?.headers.Authorization, `Basic ${Buffer.from('agent1:pw').toString('base64')}`);
  assert.equal(sent[0]?.headers.requestId, undefined);

  answer = () => ({ rc: 202, text: '' });
  const accepted = await next<{ status: number }>((resolve) => user.setState('NOT_READY', { id: '3' }, { success: resolve }));
  assert.equal(accepted.status, 202);
  const write = sent.at(-1);
  assert.equal(write?.method, 'PUT');
  assert.equal(write?.body, '<User><state>NOT_READY</state><reasonCodeId>3</reasonCodeId></User>');
  assert.match(write?.headers.requestId ?? '', /^[0-9a-f-]{36}$/);

  notify('/finesse/api/User/agent1', `<Update><data>${USER('READY').replace('<User>', '<user>').replace('</User>', '</user>')}</data><event>PUT</event><requestId></requestId><source>/finesse/api/User/agent1</source></Update>`);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(changes, ['READY']);
});

test('a refusal after the 202 reaches the request\'s error handler; an unrelated notification does not', async () => {
  answer = () => ({ rc: 200, text: USER('READY') });
  const user = await loadUser();
  answer = () => ({ rc: 202, text: '' });
  const errors: unknown[] = [];
  await next((resolve) => user.setState('WORK', undefined, { success: resolve, error: (rsp) => errors.push(rsp) }));
  const requestId = sent.at(-1)?.headers.requestId ?? '';
  const apiErrors = '<data><apiErrors><apiError><errorData>22</errorData><errorMessage>CF_INVALID_OBJECT_STATE</errorMessage>' +
    '<errorType>Invalid State</errorType></apiError></apiErrors></data><event>PUT</event>';
  notify('/finesse/api/User/agent1', `<Update>${apiErrors}<requestId>someone-else</requestId><source>/finesse/api/User/agent1</source></Update>`);
  notify('/finesse/api/User/agent1', `<Update>${apiErrors}<requestId>${requestId}</requestId><source>/finesse/api/User/agent1</source></Update>`);
  await new Promise((r) => setImmediate(r));
  assert.equal(errors.length, 1);
  const { content, ...rest } = errors[0] as { content: string };
  assert.ok(content.startsWith(`/finesse/api/User/agent1<Update>`) && content.includes(requestId), content);
  assert.deepEqual(rest, {
    status: 400,
    object: { ApiErrors: { ApiError: { ErrorType: 'Invalid State', ErrorData: '22', ErrorMessage: 'CF_INVALID_OBJECT_STATE' } } },
    error: { errorType: 'Invalid State', errorData: '22', errorMessage: 'CF_INVALID_OBJECT_STATE' },
  });
  // The same refusal again is no longer waited for.
  notify('/finesse/api/User/agent1', `<Update>${apiErrors}<requestId>${requestId}</requestId><source>/finesse/api/User/agent1</source></Update>`);
  await new Promise((r) => setImmediate(r));
  assert.equal(errors.length, 1);
});

test('a non-2xx answer and an unparsable body go to error at once', async () => {
  answer = () => ({ rc: 200, text: USER('READY') });
  const user = await loadUser();
  answer = () => ({ rc: 400, text: '<ApiErrors><ApiError><ErrorType>Invalid Input</ErrorType><ErrorData>state</ErrorData><ErrorMessage>Invalid State specified for user</ErrorMessage></ApiError></ApiErrors>' });
  const refused = await next<{ status: number; error?: { errorType?: string } }>((resolve) => user.setState('BOGUS', undefined, { error: resolve }));
  assert.equal(refused.status, 400);
  assert.equal(refused.error?.errorType, 'Invalid Input');
  answer = () => ({ rc: 200, text: '<User><state>' });
  const broken = await next<{ status: number }>((resolve) => new User({ id: 'agent2', onError: (rsp) => resolve(rsp as { status: number }) }));
  assert.equal(broken.status, 200);
});

test('Dialogs: a POST adds a call with its media properties, a PUT from the Dialog changes it, a DELETE removes it', async () => {
  answer = () => ({ rc: 200, text: USER('READY') });
  const user = await loadUser();
  answer = () => ({ rc: 200, text: '<Dialogs/>' });
  const added: InstanceType<typeof Dialog>[] = [];
  const removed: string[] = [];
  const dialogs = user.getDialogs({ onCollectionAdd: (d) => added.push(d as InstanceType<typeof Dialog>), onCollectionDelete: (d) => removed.push((d as InstanceType<typeof Dialog>).getId()) });
  await next((resolve) => dialogs.addHandler('load', resolve));
  assert.match(sent.at(-1)?.url ?? '', /\/finesse\/api\/User\/agent1\/Dialogs\?nocache=/);
  const node = '/finesse/api/User/agent1/Dialogs';
  notify(node, `<Update><data><dialogs>${DIALOG('42', 'ALERTING')}</dialogs></data><event>POST</event><requestId></requestId><source>${node}</source></Update>`);
  await new Promise((r) => setImmediate(r));
  assert.equal(added.length, 1);
  const dialog = added[0]!;
  assert.equal(dialog.getState(), 'ALERTING');
  assert.deepEqual(dialog.getMediaProperties(), { DNIS: '7001', callType: 'ACD_IN', callVariable1: 'acct-42' });
  assert.deepEqual(dialog.getParticipantActions('1001'), ['ANSWER']);
  const states: string[] = [];
  dialog.addHandler('change', (d) => states.push((d as InstanceType<typeof Dialog>).getState()));
  notify(node, `<Update><data>${DIALOG('42', 'ACTIVE').replace('<Dialog>', '<dialog>').replace('</Dialog>', '</dialog>')}</data><event>PUT</event><requestId></requestId><source>/finesse/api/Dialog/42</source></Update>`);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(states, ['ACTIVE']);
  assert.deepEqual(Object.keys(dialogs.getCollection()), ['42']);
  answer = () => ({ rc: 202, text: '' });
  await next((resolve) => dialog.requestAction('1001', Dialog.Actions.DROP, { success: resolve }));
  assert.equal(sent.at(-1)?.url, 'http://node-a:8082/finesse/api/Dialog/42');
  assert.equal(sent.at(-1)?.body, '<Dialog><targetMediaAddress>1001</targetMediaAddress><requestedAction>DROP</requestedAction></Dialog>');
  notify(node, `<Update><data><dialogs>${DIALOG('42', 'DROPPED')}</dialogs></data><event>DELETE</event><requestId></requestId><source>${node}</source></Update>`);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(removed, ['42']);
  assert.deepEqual(dialogs.getCollection(), {});
});

test('a Queue asks the master for its explicit node before it loads', async () => {
  const request = once(hub, 'finesse.info.requests') as Promise<[{ type: string; data: { node: string }; invokeID: string }]>;
  answer = () => ({ rc: 200, text: '<Queue><name>Sales</name><statistics><callsInQueue>2</callsInQueue></statistics><uri>/finesse/api/Queue/3</uri></Queue>' });
  const loaded = next<InstanceType<typeof Queue>>((resolve) => new Queue({ id: '3', onLoad: (q) => resolve(q as InstanceType<typeof Queue>) }));
  const [req] = await request;
  assert.equal(req.type, 'SubscribeNodeReq');
  assert.equal(req.data.node, '/finesse/api/Queue/3');
  assert.equal(sent.filter((s) => s.url.includes('/Queue/3')).length, 0, 'no GET before the subscription is answered');
  hub.emit(`finesse.info.responses.${req.invokeID}`, undefined);
  const queue = await loaded;
  assert.equal(queue.getStatistics().callsInQueue, '2');
});
