// Bad and odd input from an agent's desktop, end to end on one node with the agent's XMPP client listening:
// - rest-api.md §1.5: unknown elements are ignored, leading whitespace (even before the XML declaration) and
//   indentation are accepted, in User and Dialog PUTs alike;
// - §1.3: a state-changing PUT with a wrong password or no credentials gets 401 Authorization Failure, and neither
//   the engine nor a notification hears of it;
// - §3.3, cti-to-finesse.md §3.2: READY while TALKING is accepted (202) and refused by the engine (265), which
//   reaches the desktop as an apiErrors notification carrying the requestId, the agent still TALKING.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineService } from '../../src/engine/index.ts';
import { AGENT, apiErrorOf, startWebNode, type WebFixture } from '../support/web.ts';
import { openAgentDesktop, type AgentDesktop } from '../support/agent-desktop.ts';
import { participantsOf } from '../support/update-feed.ts';

let fx: WebFixture;
let engine: EngineService;
let desktop: AgentDesktop;
let dialogId = '';
const USER_NODE = `/finesse/api/User/${AGENT}`;
const DIALOGS_NODE = `${USER_NODE}/Dialogs`;

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  const found = fx.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(found);
  engine = found;
  desktop = await openAgentDesktop(fx, AGENT, '1001');
});
after(async () => {
  await desktop?.xmpp.stop();
  await fx.close();
});

const engineAgent = () => engine.engine.agents.get(AGENT);
const restUser = async () => (await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml;

test('a User PUT with unknown elements and with leading whitespace and indentation is carried out as if plain', async () => {
  const signedIn = await desktop.setState(
    '<User><state>LOGIN</state><nickname>Ana</nickname><extension>1001</extension><preferences><theme>dark</theme></preferences></User>',
    'unknown-login');
  assert.equal(signedIn.data.getChildText('state'), 'NOT_READY', signedIn.text);
  assert.equal(signedIn.data.getChildText('extension'), '1001');
  assert.equal(signedIn.data.getChild('nickname'), undefined, 'an unknown element is not echoed');

  const ready = await desktop.setState(
    '\n \t <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<User>\n    <state>READY</state>\n</User>\n', 'indented-ready');
  assert.equal(ready.data.getChildText('state'), 'READY', ready.text);
  assert.equal(engineAgent()?.state, 'READY');
  assert.equal((await restUser())?.getChildText('state'), 'READY');
});

test('a User PUT with a wrong password or without credentials: 401, nothing published, nothing changed', async () => {
  const published = fx.web.publisher.updates.length;
  const received = desktop.feed.received.length;
  const body = '<User><state>LOGOUT</state><reasonCodeId>5</reasonCodeId></User>';
  const wrong = await fx.call('PUT', `/User/${AGENT}`, { as: { userid: AGENT, password: 'not-the-password' }, body, headers: { requestId: 'bad-pass' } });
  assert.equal(wrong.status, 401, wrong.text);
  assert.deepEqual(apiErrorOf(wrong), {
    order: ['ErrorType', 'ErrorData', 'ErrorMessage'], ErrorType: 'Authorization Failure', ErrorData: AGENT, ErrorMessage: 'UNAUTHORIZED',
  });
  assert.equal(wrong.headers.get('www-authenticate'), null, 'no login box inside gadgets (rest-api.md §1.3)');
  const anonymous = await fx.call('PUT', `/User/${AGENT}`, { as: null, body, headers: { requestId: 'no-auth' } });
  assert.equal(anonymous.status, 401, anonymous.text);
  assert.equal(apiErrorOf(anonymous).ErrorType, 'Authorization Failure');

  assert.equal(engineAgent()?.state, 'READY');
  assert.equal((await restUser())?.getChildText('state'), 'READY');
  assert.equal(fx.web.publisher.updates.length, published, 'nothing published');
  // the desktop's session still delivers, and nothing arrived before this next update
  const next = await desktop.setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'after-401');
  assert.equal(next.data.getChildText('state'), 'READY');
  assert.equal(desktop.feed.received.length, received + 1);
});

test('READY while TALKING: 202, then apiErrors with the requestId on the User node; the agent stays TALKING', async () => {
  dialogId = await desktop.takeCall();
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body: '<User><state>READY</state></User>', headers: { requestId: 'ready-talking' } });
  assert.equal(res.status, 202, res.text);
  assert.equal(res.text, '');
  const refusal = await desktop.feed.next((u) => u.node === USER_NODE && u.requestId === 'ready-talking');
  assert.equal(refusal.event, 'PUT');
  assert.equal(refusal.source, USER_NODE);
  assert.equal(refusal.data.getName(), 'apiErrors', refusal.text);
  const error = refusal.data.getChild('apiError');
  assert.deepEqual(error?.getChildElements().map((c) => `${c.getName()}=${c.getText()}`),
    ['errorData=265', 'errorMessage=CF_INVALID_AGENT_WORKMODE', 'errorType=Invalid State']);

  const user = await restUser();
  assert.equal(user?.getChildText('state'), 'TALKING');
  assert.equal(user?.getChildText('pendingState'), '');
  assert.equal(engineAgent()?.state, 'TALKING');
  assert.equal(engineAgent()?.pendingState, undefined);
});

test('a Dialog PUT with unknown elements, leading whitespace and indentation is carried out as if plain', async () => {
  const hold = await fx.call('PUT', `/Dialog/${dialogId}`, {
    as: AGENT, headers: { requestId: 'odd-hold' },
    body: '\r\n  <?xml version="1.0" encoding="UTF-8"?>\n<Dialog>\n  <requestedAction>HOLD</requestedAction>\n'
      + '  <priority>high</priority>\n  <targetMediaAddress>1001</targetMediaAddress>\n  <notes><note>VIP</note></notes>\n</Dialog>\n',
  });
  assert.equal(hold.status, 202, hold.text);
  const held = await desktop.feed.next((u) => u.node === DIALOGS_NODE && u.requestId === 'odd-hold');
  assert.equal(held.data.getName(), 'dialog', held.text);
  assert.deepEqual(participantsOf(held.data).map((p) => p.split(' [')[0]), ['+14155550100 ACTIVE', '1001 HELD']);

  const retrieve = await fx.call('PUT', `/Dialog/${dialogId}`, {
    as: AGENT, headers: { requestId: 'odd-retrieve' },
    body: '\t<Dialog>\n\t<targetMediaAddress>1001</targetMediaAddress>\n\t<requestedAction>RETRIEVE</requestedAction>\n\t<mood/>\n</Dialog>',
  });
  assert.equal(retrieve.status, 202, retrieve.text);
  const active = await desktop.feed.next((u) => u.node === DIALOGS_NODE && u.requestId === 'odd-retrieve');
  assert.deepEqual(participantsOf(active.data).map((p) => p.split(' [')[0]), ['+14155550100 ACTIVE', '1001 ACTIVE']);
});

test('a Dialog PUT with a wrong password or without credentials: 401, the call goes on untouched', async () => {
  const before = (await fx.call('GET', `/Dialog/${dialogId}`, { as: AGENT })).text;
  const published = fx.web.publisher.updates.length;
  const body = '<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>';
  const wrong = await fx.call('PUT', `/Dialog/${dialogId}`, { as: { userid: AGENT, password: 'not-the-password' }, body });
  assert.equal(wrong.status, 401, wrong.text);
  assert.equal(apiErrorOf(wrong).ErrorType, 'Authorization Failure');
  const anonymous = await fx.call('PUT', `/Dialog/${dialogId}`, { as: null, body });
  assert.equal(anonymous.status, 401, anonymous.text);
  assert.equal(apiErrorOf(anonymous).ErrorType, 'Authorization Failure');

  assert.equal((await fx.call('GET', `/Dialog/${dialogId}`, { as: AGENT })).text, before);
  assert.equal(fx.web.publisher.updates.length, published, 'nothing published');
  assert.equal(engineAgent()?.state, 'TALKING');
  await desktop.drop(dialogId, 'good-drop'); // and the right credentials still work
});
