// The User's media and devices in the library without a browser (desktop-and-gadgets.md §5, the SHOULD items
// getMediaList, getActiveDeviceId, getDevices): a stand-in gadgets.io answers from a table and records what was
// sent. A CCE-style MediaList becomes Media items; Poise's 404 (no non-voice MRDs, rest-api.md §3) an empty list;
// other failures still reach onError. Devices come from the User's `devices/device`, none where it has none.
import { before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';

interface Sent { url: string; method: string }
const sent: Sent[] = [];
let answer: (request: Sent) => { rc: number; text: string } = () => ({ rc: 404, text: '' });
const hub = new EventEmitter();

(globalThis as Record<string, unknown>).gadgets = {
  io: {
    RequestParameters: { METHOD: 'METHOD', HEADERS: 'HEADERS', POST_DATA: 'POST_DATA', CONTENT_TYPE: 'CONTENT_TYPE' },
    ContentType: { TEXT: 'TEXT' },
    makeRequest(url: string, cb: (r: { rc: number; text: string }) => void, params: Record<string, unknown>) {
      const request: Sent = { url, method: String(params.METHOD ?? 'GET') };
      sent.push(request);
      setImmediate(() => cb(answer(request)));
    },
  },
  Hub: {
    subscribe(topic: string, cb: (t: string, d: unknown) => void) { hub.on(topic, (d: unknown) => cb(topic, d)); return topic; },
    unsubscribe() {},
    publish(topic: string, data: unknown) { setImmediate(() => hub.emit(topic, data)); },
  },
};

const { ClientServices } = await import('../../../../desktop/finesse/clientservices/client-services.ts');
const { User } = await import('../../../../desktop/finesse/restservices/user.ts');
const { MediaList } = await import('../../../../desktop/finesse/restservices/media.ts');
const { restservices } = await import('../../../../desktop/finesse/library.ts');

type UserObject = InstanceType<typeof User>;
type MediaListObject = InstanceType<typeof MediaList>;

const USER_XML = '<User><loginId>agent1</loginId><extension>1001</extension><state>NOT_READY</state></User>';
const CCE_USER_XML = '<User><loginId>1001001</loginId><extension>1001001</extension><activeDeviceId>SEPD4AD717A03F6</activeDeviceId>'
  + '<devices><device><deviceId>SEPD4AD717A03F6</deviceId><deviceType>36670</deviceType><deviceTypeName>Cisco 8865</deviceTypeName></device>'
  + '<device><deviceId>CSFJSMITH</deviceId><deviceType>503</deviceType><deviceTypeName>Cisco Unified Client Services Framework</deviceTypeName></device>'
  + '</devices></User>';
const MEDIA_LIST_XML = '<MediaList><Media><uri>/finesse/api/User/agent1/Media/5000</uri><description>Chat MRD</description>'
  + '<dialogLogoutAction>CLOSE</dialogLogoutAction><id>5000</id><interruptible>true</interruptible><maxDialogLimit>10</maxDialogLimit>'
  + '<name>Cisco_Chat_MRD</name><reasonCodeId>16</reasonCodeId><routable>true</routable><state>NOT_READY</state>'
  + '<stateChangeTime>2015-09-11T06:55:14.782Z</stateChangeTime><interruptAction>IGNORE</interruptAction></Media>'
  + '<Media><uri>/finesse/api/User/agent1/Media/5002</uri><description>Email MRD</description><id>5002</id>'
  + '<interruptible>false</interruptible><name>Cisco_Email_MRD</name></Media></MediaList>';

const next = <T>(register: (resolve: (value: T) => void, reject: (err: Error) => void) => void): Promise<T> => new Promise(register);
const loadUser = (xml: string, id = 'agent1') => {
  answer = () => ({ rc: 200, text: xml });
  return next<UserObject>((resolve) => new User({ id, onLoad: (u) => resolve(u as UserObject) }));
};
/** The user's media list once it loads; rejects with the status when it fails. */
const loadMedia = (user: UserObject) => next<MediaListObject>((resolve, reject) => user.getMediaList({
  onLoad: (list) => resolve(list as MediaListObject),
  onError: (rsp) => reject(new Error(`error ${(rsp as { status: number }).status}`)),
}));

before(() => {
  ClientServices.init({ host: 'node-a', restHost: 'node-a', localhostPort: 8082, authorization: Buffer.from('agent1:pw').toString('base64') });
});
beforeEach(() => { sent.length = 0; });

test('the library installs Media and MediaList', () => {
  assert.equal(restservices.MediaList, MediaList);
  assert.equal(typeof restservices.Media, 'function');
});

test('getMediaList: GET /User/{id}/Media, each MRD a Media item with its state and settings', async () => {
  const user = await loadUser(USER_XML);
  answer = (request) => (request.url.includes('/User/agent1/Media?') ? { rc: 200, text: MEDIA_LIST_XML } : { rc: 500, text: '' });
  const list = await loadMedia(user);
  assert.match(sent.at(-1)?.url ?? '', /^http:\/\/node-a:8082\/finesse\/api\/User\/agent1\/Media\?nocache=\d+$/);
  assert.equal(sent.at(-1)?.method, 'GET');
  const media = list.getCollection();
  assert.deepEqual(Object.keys(media), ['5000', '5002']);
  const chat = media['5000'];
  assert.ok(chat);
  assert.equal(chat.getMediaId(), '5000');
  assert.equal(chat.getName(), 'Cisco_Chat_MRD');
  assert.equal(chat.getDescription(), 'Chat MRD');
  assert.equal(chat.getState(), 'NOT_READY');
  assert.equal(chat.getReasonCodeId(), '16');
  assert.equal(chat.getMaxDialogLimit(), '10');
  assert.equal(chat.getInterruptAction(), 'IGNORE');
  assert.equal(chat.getDialogLogoutAction(), 'CLOSE');
  assert.equal(chat.getInterruptible(), true);
  assert.equal(chat.isRoutable(), true);
  assert.equal(chat.isLoggedIn(), true);
  assert.equal(chat.getRestUrl(), '/finesse/api/User/agent1/Media/5000');
  // An MRD the agent has no skill group in: no state, not signed in (Finesse's Media—Get Media).
  assert.equal(media['5002']?.isLoggedIn(), false);
  assert.equal(media['5002']?.isRoutable(), false);
});

test('getMediaList on Poise: the 404 of a node without non-voice media loads an empty list; one list per user', async () => {
  const user = await loadUser(USER_XML);
  answer = () => ({ rc: 404, text: '<ApiErrors><ApiError><ErrorType>Not Found</ErrorType></ApiError></ApiErrors>' });
  const list = await loadMedia(user);
  assert.deepEqual(list.getCollection(), {});
  assert.equal(list.isLoaded(), true);
  assert.equal(user.getMediaList(), list);
  // A later caller's onLoad runs at once on the list already loaded.
  assert.equal(await loadMedia(user), list);
});

test('getMediaList: other failures still reach onError', async () => {
  const user = await loadUser(USER_XML);
  answer = () => ({ rc: 401, text: '' });
  await assert.rejects(loadMedia(user), /error 401/);
});

test('getActiveDeviceId and getDevices read the User\'s active device and its extension\'s devices', async () => {
  const user = await loadUser(CCE_USER_XML, '1001001');
  assert.equal(user.getActiveDeviceId(), 'SEPD4AD717A03F6');
  assert.deepEqual(user.getDevices(), [
    { deviceId: 'SEPD4AD717A03F6', deviceType: '36670', deviceTypeName: 'Cisco 8865' },
    { deviceId: 'CSFJSMITH', deviceType: '503', deviceTypeName: 'Cisco Unified Client Services Framework' },
  ]);
});

test('a User without device selection (Poise\'s): no active device, no devices', async () => {
  const user = await loadUser(USER_XML);
  assert.equal(user.getActiveDeviceId(), '');
  assert.deepEqual(user.getDevices(), []);
});
